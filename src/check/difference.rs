//! Difference constraints between dates: `x - y <= c` days.
//!
//! A condition's date tests (`dispute.date <= purchase.date + 7 days`,
//! `fault.date > purchase.date + 30 days`, `days from a to b > 15`,
//! `a >= 2024-01-01`) are each read as one or two such constraints, with a
//! fixed point (the variable `None`) standing for a date constant. The
//! constraints can all hold exactly when their graph (an edge `y → x` of
//! weight `c` for `x <= y + c`) has no cycle of negative weight (the classic
//! result for difference constraints over the integers; dates are whole days).
//! A negative cycle is the proof: following it, a date would have to come
//! after itself.

/// A date variable: a fact, or `None` for the fixed point that constants are
/// counted from.
pub(super) type Var = Option<crate::model::FactId>;

/// `x - y <= c` (days), from the test numbered `test`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Constraint {
    /// The later side.
    pub x: Var,
    /// The earlier side.
    pub y: Var,
    /// The most days `x` may be after `y`.
    pub c: i64,
    /// Which test it came from (an index into the caller's list).
    pub test: usize,
}

/// A cycle of constraints that cannot all hold, in the order they chain:
/// each one's `y` is the next one's `x`, read as `x0 <= x1 + c0 <= x2 + c0 +
/// c1 <= … <= x0 + sum`, with `sum < 0`.
pub(super) fn negative_cycle(constraints: &[Constraint]) -> Option<Vec<Constraint>> {
    let mut vars: Vec<Var> = Vec::new();
    for k in constraints {
        for v in [k.x, k.y] {
            if !vars.contains(&v) {
                vars.push(v);
            }
        }
    }
    let index = |v: Var| vars.iter().position(|w| *w == v).unwrap_or(0);
    let n = vars.len();
    // Bellman-Ford from a virtual source joined to every variable with 0.
    let mut dist = vec![0i128; n];
    let mut pred: Vec<Option<usize>> = vec![None; n];
    let mut changed_at = None;
    for _ in 0..=n {
        changed_at = None;
        for (i, k) in constraints.iter().enumerate() {
            let (from, to) = (index(k.y), index(k.x));
            let (Some(&dy), Some(&dx)) = (dist.get(from), dist.get(to)) else {
                continue;
            };
            let through = dy + i128::from(k.c);
            if through < dx {
                if let Some(d) = dist.get_mut(to) {
                    *d = through;
                }
                if let Some(p) = pred.get_mut(to) {
                    *p = Some(i);
                }
                changed_at = Some(to);
            }
        }
        changed_at?;
    }
    // Still relaxing after n rounds: walk back n steps to land on the cycle.
    let mut at = changed_at?;
    for _ in 0..n {
        let k = constraints.get(pred.get(at).copied()??)?;
        at = index(k.y);
    }
    let start = at;
    let mut cycle = Vec::new();
    loop {
        let k = *constraints.get(pred.get(at).copied()??)?;
        cycle.push(k);
        at = index(k.y);
        if at == start || cycle.len() > n {
            break;
        }
    }
    (cycle.iter().map(|k| i128::from(k.c)).sum::<i128>() < 0).then_some(cycle)
}

#[cfg(test)]
mod tests {
    use super::{Constraint, negative_cycle};
    use crate::model::FactId;

    fn k(x: Option<u32>, y: Option<u32>, c: i64, test: usize) -> Constraint {
        Constraint {
            x: x.map(FactId),
            y: y.map(FactId),
            c,
            test,
        }
    }

    #[test]
    fn three_dates_thirty_and_seven_days_apart_cannot_all_hold() {
        // purchase = 0, fault = 1, dispute = 2
        let ks = [
            k(Some(0), Some(1), -31, 0), // fault > purchase + 30
            k(Some(1), Some(2), 0, 1),   // fault <= dispute
            k(Some(2), Some(0), 7, 2),   // dispute <= purchase + 7
        ];
        let cycle = negative_cycle(&ks).unwrap();
        assert_eq!(cycle.len(), 3);
        assert_eq!(cycle.iter().map(|k| k.c).sum::<i64>(), -24);
        // chained: each constraint's y is the next one's x
        for (a, b) in cycle.iter().zip(cycle.iter().cycle().skip(1)) {
            assert_eq!(a.y, b.x);
        }
    }

    #[test]
    fn dates_that_can_all_hold_have_no_cycle() {
        let ks = [
            k(Some(0), Some(1), -31, 0),
            k(Some(1), Some(2), 0, 1),
            k(Some(2), Some(0), 31, 2),
            k(None, Some(0), 10, 3),
            k(Some(0), None, -5, 4),
        ];
        assert_eq!(negative_cycle(&ks), None);
    }

    #[test]
    fn a_constant_closes_a_cycle() {
        // a >= 2024-01-10 (fixed point + 10), b <= fixed + 5, a <= b
        let ks = [
            k(None, Some(0), -10, 0),
            k(Some(1), None, 5, 1),
            k(Some(0), Some(1), 0, 2),
        ];
        let cycle = negative_cycle(&ks).unwrap();
        assert_eq!(cycle.iter().map(|k| k.c).sum::<i64>(), -5);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{Constraint, negative_cycle};
    use crate::model::FactId;

    fn var(i: u8) -> super::Var {
        (i > 0).then(|| FactId(u32::from(i)))
    }

    proptest! {
        /// Constraints that some dates satisfy never form a negative cycle:
        /// the check finds contradictions, never false alarms.
        #[test]
        fn constraints_a_case_satisfies_have_no_negative_cycle(
            witness in proptest::collection::vec(-400i64..400, 5),
            picks in proptest::collection::vec((0u8..5, 0u8..5, 0i64..40), 1..12),
        ) {
            let ks: Vec<Constraint> = picks.iter().enumerate().map(|(test, &(x, y, slack))| {
                let (wx, wy) = (witness[usize::from(x)], witness[usize::from(y)]);
                Constraint { x: var(x), y: var(y), c: wx - wy + slack, test }
            }).collect();
            prop_assert_eq!(negative_cycle(&ks), None);
        }

        /// A cycle found is a proof: its constraints chain and add up to less
        /// than nothing; and when none is found, the shortest distances
        /// satisfy every constraint.
        #[test]
        fn a_negative_cycle_is_a_proof_and_none_means_a_solution(
            picks in proptest::collection::vec((0u8..5, 0u8..5, -30i64..30), 1..12),
        ) {
            let ks: Vec<Constraint> = picks.iter().enumerate()
                .map(|(test, &(x, y, c))| Constraint { x: var(x), y: var(y), c, test })
                .collect();
            match negative_cycle(&ks) {
                Some(cycle) => {
                    prop_assert!(cycle.iter().map(|k| k.c).sum::<i64>() < 0);
                    for (a, b) in cycle.iter().zip(cycle.iter().cycle().skip(1)) {
                        prop_assert_eq!(a.y, b.x);
                    }
                    for k in &cycle {
                        prop_assert!(ks.contains(k));
                    }
                }
                None => {
                    // Bellman-Ford by hand: a solution exists
                    let mut d = [0i64; 5];
                    for _ in 0..6 {
                        for k in &ks {
                            let (x, y) = (k.x.map_or(0, |f| f.0 as usize), k.y.map_or(0, |f| f.0 as usize));
                            if d[y] + k.c < d[x] { d[x] = d[y] + k.c; }
                        }
                    }
                    for k in &ks {
                        let (x, y) = (k.x.map_or(0, |f| f.0 as usize), k.y.map_or(0, |f| f.0 as usize));
                        prop_assert!(d[x] - d[y] <= k.c);
                    }
                }
            }
        }
    }
}

//! Behaviour: outcomes of cases under two versions, from a corpus and from
//! cases generated around the changed conditions. One file per job: the
//! corpus replayed (`corpus.rs`), generated case values and the cut-down
//! versions they run on (`cases.rs`), what the conditions say about each fact
//! (`analysis.rs`), what the search is about — changed rules, affected
//! remedies, the facts to vary (`scope.rs`) — and the search itself
//! (`generate.rs`).

mod analysis;
mod cases;
mod corpus;
mod generate;
mod scope;

use super::{Options, linear, show};

use analysis::*;
use cases::*;
pub(crate) use corpus::HeldValue;
pub(super) use corpus::replay;
use corpus::*;
pub use corpus::{CaseChange, Grant, RemedyChange, Replay, Status};
pub(super) use generate::search;
pub use generate::{Found, Search, SearchedFact};
use scope::*;

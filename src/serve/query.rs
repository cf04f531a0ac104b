//! Query strings: `a=1&b=x%20y`, percent-decoded, every key checked
//! against the endpoint's parameters (an unknown one is a 400, as an
//! unknown flag is a usage error on the command line).

use super::error::ApiError;

/// The parameters of one request, in the order written.
#[derive(Debug, Default)]
pub struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Read a query string, allowing only the keys `allowed`.
    pub fn parse(raw: Option<&str>, allowed: &[&str], lang: &str) -> Result<Query, ApiError> {
        let mut pairs = Vec::new();
        for part in raw.unwrap_or_default().split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let (Some(key), Some(value)) = (decode(key), decode(value)) else {
                return Err(ApiError::bad_query(lang, part, "serve-query-encoding", &[]));
            };
            if !allowed.contains(&key.as_str()) {
                let known = if allowed.is_empty() {
                    "—".to_string()
                } else {
                    allowed.join(", ")
                };
                return Err(ApiError::bad_query(
                    lang,
                    &key,
                    "serve-unknown-param",
                    &[("params", &known)],
                ));
            }
            pairs.push((key, value));
        }
        Ok(Query { pairs })
    }

    /// The last value given for `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value given for `key`, in order (`skip=a&skip=b`, or `skip=a,b`).
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .flat_map(|(_, v)| v.split(','))
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// Percent-decode (`+` is a space); `None` for a bad escape or bytes that
/// are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = hex(bytes.next()?)?;
                let lo = hex(bytes.next()?)?;
                out.push(hi * 16 + lo);
            }
            other => out.push(other),
        }
    }
    String::from_utf8(out).ok()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

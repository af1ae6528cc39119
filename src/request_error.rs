//! What can go wrong with a request before any answer arrives: one typed error for the data
//! document and the question form alike (plain Rust; the browser half is `crate::request`).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// The browser says it has no network.
    Offline,
    /// The server stayed silent for the time limit: before its answer's headers, or in the
    /// middle of its body.
    TimedOut,
    /// The browser has a network, but no answer came: a refused connection, DNS, CORS, a dropped
    /// connection. The browser's own words, for the console.
    Unreachable(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Offline => f.write_str("the browser is offline"),
            RequestError::TimedOut => f.write_str("no complete answer in time"),
            RequestError::Unreachable(why) => write!(f, "no answer: {why}"),
        }
    }
}

//! Text utilities that know nothing about the browser: Polish-aware folding, slugs and dates.

pub mod date;
pub mod fold;
pub mod plural;
pub mod slug;

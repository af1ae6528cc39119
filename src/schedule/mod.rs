//! Opening hours: reading the CMS's free-text lines, Warsaw time, Polish public holidays, and
//! whether an institution is open now. Plain Rust, host-tested; the contact card only asks.

pub mod holidays;
pub mod opening_hours;
pub mod warsaw_time;

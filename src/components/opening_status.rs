//! "Otwarte teraz, do 19:00" or "Zamknięte, otwarcie jutro o 06:30", in Warsaw time whatever the
//! device's time zone. Nothing at all when the hours are not of a shape the app understands.

use web_sys::Element;

use crate::browser;
use crate::dom;
use crate::schedule::opening_hours::parse_hours;
use crate::schedule::warsaw_time::warsaw_time;

/// Appends the status line to `parent`, if the hours say enough for one.
pub fn render_opening_status(parent: &Element, hours: &[String]) {
    let Some(schedule) = parse_hours(hours) else {
        return;
    };
    let status = schedule.status(warsaw_time(browser::now_unix_ms()));
    let class = if status.is_open() {
        "pm-opening-status pm-opening-status--open"
    } else {
        "pm-opening-status pm-opening-status--closed"
    };
    dom::add_text(parent, "p", class, &status.describe());
}

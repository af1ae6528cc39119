//! "Otwarte teraz, do 19:00" or "Zamknięte, otwarcie jutro o 06:30", in Warsaw time whatever the
//! device's time zone. Nothing at all when the hours are not of a shape the app understands.

use leptos::prelude::*;

use crate::browser;
use crate::schedule::opening_hours::parse_hours;
use crate::schedule::warsaw_time::warsaw_time;

#[component]
pub fn OpeningStatus(hours: Vec<String>) -> impl IntoView {
    let status = parse_hours(&hours)?.status(warsaw_time(browser::now_unix_ms()));
    let class = if status.is_open() {
        "pm-opening-status pm-opening-status--open"
    } else {
        "pm-opening-status pm-opening-status--closed"
    };
    Some(view! { <p class=class>{status.describe()}</p> })
}

//! "Otwarte teraz, do 19:00" or "Zamknięte, otwarcie jutro o 06:30", in Warsaw time whatever the
//! device's time zone. Nothing at all when the hours are not of a shape the app understands.
//!
//! It depends on the moment, so the published HTML (rendered with `ssr`, see `crate::publish`)
//! holds only the empty line it will take (style/opening_status.css reserves it); the app fills
//! it in, and nothing below moves.

use leptos::prelude::*;

use crate::schedule::opening_hours::parse_hours;

#[component]
pub fn OpeningStatus(hours: Vec<String>) -> impl IntoView {
    let hours = parse_hours(&hours)?;
    #[cfg(feature = "ssr")]
    {
        let _ = hours;
        Some(view! { <p class="pm-opening-status"></p> }.into_any())
    }
    #[cfg(not(feature = "ssr"))]
    {
        use crate::schedule::warsaw_time::warsaw_time;
        let status = hours.status(warsaw_time(crate::browser::now_unix_ms()));
        let class = if status.is_open() {
            "pm-opening-status pm-opening-status--open"
        } else {
            "pm-opening-status pm-opening-status--closed"
        };
        Some(view! { <p class=class>{status.describe()}</p> }.into_any())
    }
}

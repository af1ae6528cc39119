use leptos::prelude::*;

use crate::state::{use_app, GuideState};
use crate::text::plural::{count, ENTRIES, REMARKS};

/// For the city's editors: what of the published data could not be shown, and why. Residents see
/// only a discreet line at the bottom; the details are one click away (and in the console).
#[component]
pub fn DataProblems() -> impl IntoView {
    let app = use_app();
    move || {
        let GuideState::Ready(guide) = app.guide.get() else {
            return None;
        };
        if guide.problems.is_empty() {
            return None;
        }
        let left_out = guide.left_out_count();
        let other = guide.problems.len() - left_out;
        let summary = match (left_out, other) {
            (0, n) => format!("Uwagi dla redakcji: {} do danych", count(n, &REMARKS)),
            (n, 0) => format!(
                "Uwagi dla redakcji: pominięto {} z błędami",
                count(n, &ENTRIES)
            ),
            (n, m) => format!(
                "Uwagi dla redakcji: pominięto {} z błędami, {}",
                count(n, &ENTRIES),
                count(m, &REMARKS)
            ),
        };
        let items = guide
            .problems
            .iter()
            .map(|p| view! { <li>{p.to_string()}</li> })
            .collect_view();
        Some(view! {
            <details class="pm-data-problems">
                <summary class="pm-data-problems__summary">{summary}</summary>
                <ul class="pm-data-problems__list">{items}</ul>
            </details>
        })
    }
}

//! "Dane mogą być nieaktualne": shown while the network fails and the guide comes from the copy
//! the browser kept from an earlier visit, with the date of that copy.

use leptos::prelude::*;

use crate::data::LoadError;
use crate::schedule::warsaw_time::warsaw_time;
use crate::state::use_app;

/// "14:05", Warsaw time.
fn clock(ms: i64) -> String {
    let local = warsaw_time(ms);
    format!("{:02}:{:02}", local.minutes / 60, local.minutes % 60)
}

#[component]
pub fn KeptDataNote() -> impl IntoView {
    let app = use_app();
    let note = move || {
        let (at, offline) = app.data_kept.with(|kept| {
            kept.as_ref()
                // No network, or a server that answered with no usable document (an error page,
                // a document this version cannot read): each said as it is.
                .map(|k| (k.at, matches!(k.because, LoadError::Network(_))))
        })?;
        let (why, still) = if offline {
            ("Brak połączenia z serwerem.", "nadal brak połączenia")
        } else {
            (
                "Serwer nie udostępnił aktualnych danych.",
                "nadal brak aktualnych danych",
            )
        };
        let text = format!(
            "{why} Pokazujemy kopię poradnika zapisaną w tej przeglądarce {}, {}. Dane mogą być nieaktualne.",
            warsaw_time(at).date.polish(),
            clock(at)
        );
        let checked = app
            .data_checked_at
            .get()
            .map(|checked| format!("Sprawdzono ponownie o {}: {still}.", clock(checked)));
        Some(view! {
            <div class="pm-kept-data-note">
                <p class="pm-kept-data-note__text">{text}</p>
                {checked.map(|text| view! { <p class="pm-kept-data-note__text">{text}</p> })}
                <button type="button" class="pm-button pm-button--secondary" on:click=move |_| app.load(true)>
                    "Sprawdź ponownie"
                </button>
            </div>
        })
    };
    view! { <div role="status">{note}</div> }
}

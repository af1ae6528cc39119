//! "Dane mogą być nieaktualne": shown while the network fails and the guide comes from the copy
//! the browser kept from an earlier visit, with the date of that copy. Built with `crate::dom`
//! (see there why).

use leptos::html::Div;
use leptos::prelude::*;

use crate::app::use_app;
use crate::dom;
use crate::schedule::warsaw_time::warsaw_time;

#[component]
pub fn KeptDataNote() -> impl IntoView {
    let app = use_app();
    let root = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let (kept_at, checked_at) = (app.data_kept_at.get(), app.data_checked_at.get());
        let Some(el) = root.get() else {
            return;
        };
        dom::clear(&el);
        let Some(at) = kept_at else {
            return;
        };
        let clock = |ms: i64| {
            let local = warsaw_time(ms);
            format!("{:02}:{:02}", local.minutes / 60, local.minutes % 60)
        };
        let text = format!(
            "Brak połączenia z serwerem. Pokazujemy kopię poradnika zapisaną w tej przeglądarce {}, {}. Dane mogą być nieaktualne.",
            warsaw_time(at).date.polish(),
            clock(at)
        );
        let note = dom::add(&el, "div", "pm-kept-data-note");
        dom::add_text(&note, "p", "pm-kept-data-note__text", &text);
        if let Some(checked) = checked_at {
            let again = format!(
                "Sprawdzono ponownie o {}: nadal brak połączenia.",
                clock(checked)
            );
            dom::add_text(&note, "p", "pm-kept-data-note__text", &again);
        }
        let again = dom::add_text(
            &note,
            "button",
            "pm-button pm-button--secondary",
            "Sprawdź ponownie",
        );
        dom::attrs(&again, &[("type", "button")]);
        dom::on(&again, "click", move |_| app.load(true));
    });
    view! { <div role="status" node_ref=root></div> }
}

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
        let kept_at = app.data_kept_at.get();
        let Some(el) = root.get() else {
            return;
        };
        dom::clear(&el);
        let Some(at) = kept_at else {
            return;
        };
        let local = warsaw_time(at);
        let text = format!(
            "Brak połączenia z serwerem. Pokazujemy kopię poradnika zapisaną w tej przeglądarce {}, {:02}:{:02}. Dane mogą być nieaktualne.",
            local.date.polish(),
            local.minutes / 60,
            local.minutes % 60
        );
        let note = dom::add(&el, "div", "pm-kept-data-note");
        dom::add_text(&note, "p", "pm-kept-data-note__text", &text);
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

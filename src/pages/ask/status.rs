//! The panel under the page's title that says where the question stands: being sent, sent
//! ("Dziękujemy!"), ready to go by e-mail, or not sent and why. A `role="status"` region, so
//! that a screen reader says each change; it takes focus after each attempt to send.

use leptos::prelude::*;

use super::by_email::ByEmail;
use super::problem::Problem;
use super::sent::Sent;
use super::{Ask, Phase};

#[component]
pub(super) fn Status(ask: Ask) -> impl IntoView {
    let panel = move || match ask.phase.get() {
        Phase::Editing => ().into_any(),
        Phase::Sending => view! { <p>"Wysyłanie pytania…"</p> }.into_any(),
        Phase::Failed {
            outcome,
            online_again,
        } => view! { <Problem ask outcome online_again/> }.into_any(),
        Phase::Sent(sent) => view! { <Sent ask sent/> }.into_any(),
        Phase::ByEmail(href) => view! { <ByEmail ask href/> }.into_any(),
    };
    view! {
        <div class="pm-ask-form__status" role="status" tabindex="-1" node_ref=ask.status>
            {panel}
        </div>
    }
}

//! Why the question was not sent (no network, a time-out, a server error, too many questions, too
//! large), that it is still in the form, and, once the network is back after it failed without
//! one, "Wyślij teraz".

use leptos::prelude::*;

use super::form::submit;
use super::Ask;
use crate::submission::outcome::Outcome;

#[component]
pub(super) fn Problem(ask: Ask, outcome: Outcome, online_again: bool) -> impl IntoView {
    let send_now = online_again.then(|| {
        view! {
            <p>"Połączenie wróciło."</p>
            <button class="pm-button" type="button" on:click=move |_| submit(ask)>
                "Wyślij teraz"
            </button>
        }
    });
    view! {
        <div class="pm-ask-problem">
            <p>{outcome.message()}</p>
            {send_now}
        </div>
    }
}

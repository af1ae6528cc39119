//! The form itself, field by field, with the questions of the guide that may already answer it,
//! the information clause and the button; and what sending it does ([`submit`]): check the
//! fields, then send the question to the endpoint (or prepare the e-mail when there is none) and
//! say what came of it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::category_field::CategoryField;
use super::consent_field::ConsentField;
use super::email_field::EmailField;
use super::honeypot::Honeypot;
use super::question_field::QuestionField;
use super::{categories, Ask, Errors, Phase, DRAFT_KEY, TITLE};
use crate::browser;
use crate::components::privacy_notice::PrivacyNotice;
use crate::components::similar_questions::SimilarQuestions;
use crate::sending::send;
use crate::submission::draft::Draft;
use crate::submission::outcome::{mailto, NotSent, Outcome};
use crate::submission::rules::validate;

#[component]
pub(super) fn AskForm(ask: Ask) -> impl IntoView {
    // Only the question matters to the suggestions: typing an address does not search again.
    let question = Memo::new(move |_| ask.draft.with(|d| d.question.clone()));
    let sending = ask.sending();
    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        submit(ask);
    };
    view! {
        <form class="pm-ask-form" novalidate on:submit=on_submit>
            <QuestionField ask/>
            <div>
                <SimilarQuestions question/>
            </div>
            <CategoryField ask/>
            <EmailField ask/>
            <ConsentField ask/>
            <PrivacyNotice/>
            <Honeypot ask/>
            <button class="pm-button" type="submit" disabled=sending>
                {move || if sending() { "Wysyłanie…" } else { "Wyślij pytanie" }}
            </button>
        </form>
    }
}

/// Sends the question: "Wyślij pytanie", and "Wyślij teraz" once the network is back.
pub(super) fn submit(ask: Ask) {
    if ask.phase.with_untracked(|p| *p == Phase::Sending) {
        return; // A second click while sending sends nothing.
    }
    let (submit_url, report_email, timeout_ms) = ask.app.config.with_value(|c| {
        (
            c.submit_url.clone(),
            c.report_email.clone(),
            c.submit_timeout_ms,
        )
    });
    let categories = untrack(|| categories(ask.app));
    let ids: Vec<&str> = categories.iter().map(|(id, _)| id.as_str()).collect();
    let problems = ask.draft.with_untracked(|d| validate(d, &ids));
    if !problems.is_empty() {
        ask.phase.set(Phase::Editing);
        // The summary takes focus itself (see `ErrorSummary`).
        ask.errors.set(Errors {
            fields: problems,
            other: Vec::new(),
        });
        browser::set_page_title(Some(&format!("Błąd: {TITLE}")));
        return;
    }
    ask.errors.set(Errors::default());
    browser::set_page_title(Some(TITLE));
    let Some(url) = submit_url else {
        // No endpoint: the same question, ready to go by e-mail.
        let href = ask.draft.with_untracked(|d| {
            let category = categories
                .iter()
                .find(|(id, _)| *id == d.category)
                .map(|(_, name)| name.as_str());
            mailto(report_email.as_deref().unwrap_or_default(), d, category)
        });
        ask.phase.set(Phase::ByEmail(href));
        ask.focus_status();
        return;
    };
    // Without the browser's random bytes there is no id that tells this question from another
    // resident's: nothing is sent.
    let Some(random) = browser::random_bytes() else {
        ask.phase.set(Phase::Failed {
            outcome: Outcome::NotSent {
                reason: NotSent::NoRandom,
            },
            online_again: false,
        });
        ask.focus_status();
        return;
    };
    ask.draft.update(|d| {
        d.ensure_client_id(random);
    });
    ask.save();
    let draft = ask.draft.get_untracked();
    let website = ask
        .trap
        .get_untracked()
        .map(|input| input.value())
        .unwrap_or_default();
    let Some(body) = ask
        .context
        .with_value(|context| draft.request_body(context, &website))
    else {
        ask.phase.set(Phase::Editing);
        return;
    };
    ask.phase.set(Phase::Sending);
    spawn_local(async move {
        let result = send(&url, body, &draft.client_id, timeout_ms).await;
        if result == Outcome::Accepted {
            // Sent: the kept draft is forgotten even if the resident has left the page meanwhile
            // (else it would come back as "not sent"), but only while it is the question that
            // was sent: a copy edited since (another tab, or this page opened again while
            // sending) keeps its edits.
            let kept = browser::stored(DRAFT_KEY).map(|s| Draft::from_saved(&s));
            if kept.is_none_or(|k| k.client_id == draft.client_id && k.content() == draft.content())
            {
                browser::forget(DRAFT_KEY);
            }
        }
        // The resident may have left the page meanwhile: then there is nothing to show.
        if ask.phase.is_disposed() {
            return;
        }
        match result {
            Outcome::Accepted => {
                ask.draft.set(Draft::default());
                // "We restored your question" no longer holds once it is sent.
                ask.restored.set(None);
                browser::set_page_title(Some("Pytanie wysłane"));
                ask.phase.set(Phase::Sent(draft));
            }
            Outcome::Rejected { fields, other } => {
                ask.phase.set(Phase::Editing);
                ask.errors.set(Errors { fields, other });
                browser::set_page_title(Some(&format!("Błąd: {TITLE}")));
                return;
            }
            outcome => {
                if matches!(
                    outcome,
                    Outcome::NotSent {
                        reason: NotSent::Offline
                    }
                ) {
                    // Once the browser is back online, the panel offers to send at once. A
                    // one-shot listener that holds only the state's handles: if the page is gone
                    // by then, it does nothing.
                    browser::when_online(move || {
                        ask.phase.try_maybe_update(|p| match p {
                            Phase::Failed { online_again, .. } => {
                                *online_again = true;
                                (true, ())
                            }
                            _ => (false, ()),
                        });
                    });
                }
                ask.phase.set(Phase::Failed {
                    outcome,
                    online_again: false,
                });
            }
        }
        ask.focus_status();
    });
}

//! "Czy ta odpowiedź była pomocna?" at the end of a question page (`shared/spec/feedback.md`):
//! "Tak" or "Nie", counted at once; after "Nie", an optional reason and comment; one vote per
//! question per browser, shown on return and changeable. The votes' rules are in
//! `crate::feedback`; keeping and sending them, in `crate::state::feedback`.
//!
//! Focus never falls to the page: after a vote it moves to "Zmień odpowiedź", after "Nie" to the
//! form that follows; the thank-you is said by the `role="status"` region, present from the start
//! so that screen readers announce what appears in it.

use leptos::prelude::*;

use super::ask_banner::NewTabLink;
use crate::browser;
use crate::feedback::kept::{Details, KeptVote};
use crate::feedback::reply::Reply;
use crate::feedback::vote::{check_comment, Reason};
use crate::paths::AskPrefill;
use crate::router::use_router;
use crate::state::{edit_votes, kept_votes, use_app};

const SAVED: &str = "Dziękujemy, Twoja odpowiedź została zapisana.";
const COMMENT_ID: &str = "pm-opinia-komentarz";
const COMMENT: &str = "#pm-opinia-komentarz";

/// Where the widget is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// "Tak" / "Nie".
    Asking,
    /// After a vote: what was said, and "Zmień odpowiedź".
    Saved,
    /// After "Nie": the reason and comment.
    Explaining,
}

/// Shown only where votes are received (`data-feedback-url`), for a question with its `updated`
/// date (the contract sends it, so that votes on an older version can be told apart).
#[component]
pub fn FeedbackWidget(question_id: String, updated: String) -> impl IntoView {
    let app = use_app();
    let (can_vote, can_ask, paths) = app
        .config
        .with_value(|c| (c.feedback_url.is_some(), c.can_ask(), c.paths.clone()));
    if !can_vote {
        return None;
    }
    let kept: Option<KeptVote> = kept_votes().on(&question_id, &updated).cloned();
    // The fields start from what was typed and not sent, else from what the vote said.
    let said = |k: &KeptVote| Details {
        reason: k.vote.reason,
        comment: k.vote.comment.clone().unwrap_or_default(),
    };
    let draft = kept
        .as_ref()
        .map(|k| k.draft.clone().unwrap_or_else(|| said(k)))
        .unwrap_or_default();
    let stage = RwSignal::new(match &kept {
        None => Stage::Asking,
        Some(k) if !k.vote.helpful && k.draft.is_some() => Stage::Explaining,
        Some(_) => Stage::Saved,
    });
    let helpful = RwSignal::new(kept.as_ref().is_some_and(|k| k.vote.helpful));
    let client_id = StoredValue::new(kept.map(|k| k.vote.client_id).unwrap_or_default());
    let status = RwSignal::new(if stage.get_untracked() == Stage::Saved {
        SAVED.to_owned()
    } else {
        String::new()
    });
    let reason = RwSignal::new(draft.reason);
    let comment = RwSignal::new(draft.comment);
    let error = RwSignal::new(None::<String>);
    let details = move || Details {
        reason: reason.get_untracked(),
        comment: comment.get_untracked(),
    };
    // Focus moves only while it is in the widget (or nowhere): a late answer of the endpoint
    // never pulls it from where the resident has gone since.
    let focus = move |selector: &'static str| {
        browser::after_render(move || {
            let doc = browser::document();
            let here = doc.active_element().is_none_or(|a| {
                a.closest(".pm-feedback").ok().flatten().is_some()
                    || doc.body().is_some_and(|b| *b == a)
            });
            let el = doc.query_selector(selector).ok().flatten();
            if let (true, Some(el)) = (
                here,
                el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()),
            ) {
                let _ = el.focus();
            }
        })
    };
    let vote = {
        let question_id = question_id.clone();
        move |yes: bool| {
            let now = browser::now_unix_ms();
            let new_id = || browser::random_bytes().map(crate::submission::draft::client_id);
            let made = edit_votes(|k| {
                k.vote(&question_id, &updated, yes, new_id, now)
                    .map(|v| v.vote.client_id.clone())
            });
            let Some(id) = made else {
                status.set("Ta przeglądarka nie pozwoliła zapisać odpowiedzi (blokuje generator liczb losowych).".into());
                return;
            };
            client_id.set_value(id);
            helpful.set(yes);
            error.set(None);
            app.send_votes();
            if yes {
                status.set(SAVED.into());
                stage.set(Stage::Saved);
                focus(".pm-feedback__change");
            } else {
                status.set(format!("{SAVED} Możesz jeszcze napisać, co było nie tak."));
                stage.set(Stage::Explaining);
                focus(".pm-feedback__details");
            }
        }
    };
    let keep_draft = move || {
        let id = client_id.get_value();
        edit_votes(|k| k.keep_draft(&id, details()));
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = comment.get_untracked();
        let checked = match check_comment(&typed) {
            Ok(c) => c,
            Err(message) => {
                error.set(Some(message));
                focus(COMMENT);
                return;
            }
        };
        error.set(None);
        let chosen = Details {
            reason: reason.get_untracked(),
            comment: checked.unwrap_or_default(),
        };
        let id = client_id.get_value();
        let before = kept_votes().by_id(&id).map(said);
        if before.as_ref() != Some(&chosen) {
            let explained =
                edit_votes(|k| k.explain(&id, chosen, browser::now_unix_ms()).is_some());
            if !explained {
                // Another tab changed the vote to "Tak" meanwhile.
                status.set(
                    "Twoja odpowiedź zmieniła się w innej karcie. Odśwież stronę, aby ją zobaczyć."
                        .into(),
                );
                return;
            }
            app.send_votes();
        }
        status.set("Dziękujemy za uwagi, Twoja odpowiedź została zapisana.".into());
        stage.set(Stage::Saved);
        focus(".pm-feedback__change");
    };
    // The endpoint's answer to this widget's vote: a comment refused comes back to its field
    // (the resident's words are still there); anything else refused is said.
    // Only answers that come while it is on the page (not one of an earlier visit).
    let earlier = app.vote_reply.get_untracked();
    Effect::new(move |_| {
        let Some(answer) = app.vote_reply.get().filter(|a| Some(a) != earlier.as_ref()) else {
            return;
        };
        if answer.client_id != client_id.get_value() {
            return;
        }
        if let Reply::Refused {
            comment: refused,
            other,
        } = answer.reply
        {
            // Given back to the draft (kept.rs `refused`) only while the vote is still that "Nie".
            let returned = kept_votes()
                .by_id(&answer.client_id)
                .filter(|k| k.rev == answer.rev + 1)
                .and_then(|k| k.draft.clone());
            match (refused, returned) {
                (Some(message), Some(words)) if !helpful.get_untracked() => {
                    reason.set(words.reason);
                    comment.set(words.comment);
                    status.set(String::new());
                    error.set(Some(message));
                    stage.set(Stage::Explaining);
                    focus(COMMENT);
                }
                (refused, _) => status.set(format!(
                    "Nie udało się zapisać odpowiedzi: {}",
                    other.or(refused).unwrap_or_default()
                )),
            }
        }
    });

    let form_href = can_ask.then(|| {
        paths.ask(&AskPrefill {
            question: String::new(),
            from: use_router().page_url(),
            search: app.last_search.get_untracked(),
        })
    });
    let vote_no = vote.clone();
    let change = move |_| {
        status.set(String::new());
        stage.set(Stage::Asking);
        focus(".pm-feedback__choices button");
    };
    let invalid = move || error.with(Option::is_some);
    // One view, its parts shown by the stage: three views to swap would cost each page's bundle
    // their code three times over.
    let hidden_unless = move |s: Stage| move || stage.get() != s;
    let reasons = Reason::ALL
        .into_iter()
        .map(|r| {
            view! {
                <label class="pm-feedback__reason">
                    <input
                        type="radio"
                        name="pm-opinia-powod"
                        value=r.wire()
                        prop:checked=move || reason.get() == Some(r)
                        on:change=move |_| {
                            reason.set(Some(r));
                            keep_draft();
                        }
                    />
                    " " {r.label()}
                </label>
            }
        })
        .collect_view();
    let form_link = form_href.map(|href| {
        view! { <p class="pm-feedback__ask"><NewTabLink href text="Zgłoś swoje pytanie"/></p> }
    });
    Some(view! {
        <section class="pm-feedback" aria-labelledby="pm-opinia-tytul">
            <h2 class="pm-feedback__title" id="pm-opinia-tytul">"Czy ta odpowiedź była pomocna?"</h2>
            <p class="pm-feedback__status" role="status">{move || status.get()}</p>
            <div class="pm-feedback__choices" hidden=hidden_unless(Stage::Asking)>
                <button type="button" class="pm-button pm-button--secondary" on:click=move |_| vote(true)>"Tak"</button>
                <button type="button" class="pm-button pm-button--secondary" on:click=move |_| vote_no(false)>"Nie"</button>
            </div>
            <p class="pm-feedback__said" hidden=hidden_unless(Stage::Saved)>
                "Twoja odpowiedź: „" {move || if helpful.get() { "Tak" } else { "Nie" }} "”. "
                <button type="button" class="pm-feedback__change" on:click=change>"Zmień odpowiedź"</button>
            </p>
            <form
                class="pm-feedback__details"
                tabindex="-1"
                aria-label="Co było nie tak?"
                novalidate
                hidden=hidden_unless(Stage::Explaining)
                on:submit=send
            >
                <fieldset class="pm-feedback__reasons">
                    <legend class="pm-feedback__legend">"Co było nie tak? (nieobowiązkowo)"</legend>
                    {reasons}
                </fieldset>
                <label class="pm-feedback__label" for=COMMENT_ID>"Komentarz (nieobowiązkowo)"</label>
                <p class="pm-feedback__hint" id="pm-opinia-podpowiedz">
                    "Najwyżej 500 znaków. Nie podawaj danych osobowych – nie odpowiadamy na te uwagi. Jeśli chcesz zadać pytanie, skorzystaj z formularza „Zgłoś swoje pytanie”."
                </p>
                <p class="pm-feedback__error" id="pm-opinia-blad" hidden=move || !invalid()>
                    <span class="pm-visually-hidden">"Błąd: "</span>
                    {move || error.get()}
                </p>
                <textarea
                    class="pm-feedback__comment"
                    id=COMMENT_ID
                    name="comment"
                    rows="4"
                    aria-describedby=move || if invalid() { "pm-opinia-podpowiedz pm-opinia-blad" } else { "pm-opinia-podpowiedz" }
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || comment.get()
                    on:input:target=move |ev| {
                        comment.set(ev.target().value());
                        keep_draft();
                    }
                ></textarea>
                {form_link}
                <button type="submit" class="pm-button">"Wyślij"</button>
            </form>
        </section>
    })
}

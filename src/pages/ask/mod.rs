//! "Zgłoś swoje pytanie": the form of the submission contract (`../shared/spec/question-submission.md`).
//! The rules, the request and the meaning of each answer are plain Rust in `crate::submission`;
//! this page keeps the draft in the browser as the resident types, sends it, and says what
//! happened. This file holds the page and the form's state ([`Ask`]): the draft restored from
//! the browser, where the form stands, and the errors shown; the parts the resident sees are one
//! component per file beside it.

mod by_email;
mod category_field;
mod consent_field;
mod email_field;
mod field_error;
mod form;
mod honeypot;
mod problem;
mod question_field;
mod sent;
mod status;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::error_summary::ErrorSummary;
use crate::components::page_head::{HeadInfo, PageHead};
use crate::paths::AskPrefill;
use crate::state::{forget_kept_data, use_app, AppContext, GuideState};
use crate::submission::draft::{Context, Draft};
use crate::submission::outcome::Outcome;
use crate::submission::rules::Field;
use crate::url::is_web_url;

use form::AskForm;
use status::Status;

pub use crate::submission::draft::DRAFT_KEY;

const TITLE: &str = "Zgłoś swoje pytanie";

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Question => "pm-pytanie",
        Field::Category => "pm-kategoria",
        Field::Email => "pm-email",
        Field::Consent => "pm-zgoda",
    }
}

/// The id of a field's error line (`pm-pytanie-blad`), which its control then refers to.
fn error_id(field: Field) -> String {
    format!("{}-blad", field_id(field))
}

/// The form page as the form's bundle renders it (see `crate::app::start`).
pub fn ask_page(prefill: AskPrefill) -> AnyView {
    view! { <AskPage prefill/> }.into_any()
}

#[component]
pub fn AskPage(prefill: AskPrefill) -> impl IntoView {
    let app = use_app();
    let head = || {
        HeadInfo {
        title: Some(TITLE.into()),
        about: Some("Nie ma tu odpowiedzi na Twoje pytanie? Napisz, czego szukasz – redakcja uzupełni poradnik.".into()),
        ..HeadInfo::default()
    }
    };
    if !app.config.with_value(|c| c.can_ask()) {
        return view! {
            <PageHead info=head()/>
            <div class="pm-ask-page">
                <h1 class="pm-page-title" tabindex="-1">{TITLE}</h1>
                <p>"Na tej stronie nie można zgłaszać pytań. Skontaktuj się z urzędem w zwykły sposób."</p>
            </div>
        }
        .into_any();
    }
    let ask = Ask::new(app, &prefill);
    // Another tab of the site changing the kept draft (see `Ask::follow`).
    browser::on_window(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|key| key == DRAFT_KEY) {
            ask.follow(ev.old_value());
        }
    });
    let items = Signal::derive(move || ask.errors.with(Errors::items));
    let sent = move || ask.phase.with(|p| matches!(p, Phase::Sent(_)));
    view! {
        <PageHead info=head()/>
        <div class="pm-ask-page">
            <h1 class="pm-page-title" tabindex="-1">{TITLE}</h1>
            // Only in the published page, read without scripts: the form needs the app.
            <noscript>
                "Formularz działa tylko z włączoną obsługą JavaScriptu. Włącz ją w ustawieniach przeglądarki i odśwież stronę."
            </noscript>
            <div class="pm-ask-form-root">
                {move || ask.restored.get().map(|text| view! { <p class="pm-ask-form__restored">{text}</p> })}
                <div class="pm-ask-form__summary">
                    <ErrorSummary items/>
                </div>
                <Status ask/>
                <div hidden=sent>
                    <p class="pm-lead">
                        "Nie ma tu odpowiedzi na Twoje pytanie? Napisz, czego szukasz – redakcja uzupełni poradnik."
                    </p>
                    // Said as soon as a save fails, while the resident is still typing.
                    <div class="pm-ask-form__unsaved" aria-live="polite">
                        {move || {
                            (!ask.saved.get())
                                .then(|| {
                                    view! {
                                        <p>
                                            "Uwaga: ta przeglądarka nie pozwala zapisać pytania. Skopiuj jego treść, zanim zamkniesz stronę."
                                        </p>
                                    }
                                })
                        }}
                    </div>
                    <AskForm ask/>
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// Where the form stands.
#[derive(Clone, PartialEq)]
enum Phase {
    /// Typing; also after a send turned back with field errors (they are in [`Ask::errors`]).
    Editing,
    Sending,
    /// The last attempt got no acceptance and no field errors: what it came to, and whether the
    /// network has come back since (then the question can be sent at once). Still editable.
    Failed {
        outcome: Outcome,
        online_again: bool,
    },
    /// Accepted: what was sent, as the resident reads it back.
    Sent(Draft),
    /// No endpoint: the question is ready in a `mailto:` link.
    ByEmail(String),
}

/// The errors of the last attempt: at their fields, and the server's messages about fields the
/// form does not have (in the summary only).
#[derive(Clone, Default)]
struct Errors {
    fields: Vec<(Field, String)>,
    other: Vec<String>,
}

impl Errors {
    fn message(&self, field: Field) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The error summary's lines: the field each links to (if any) and the message.
    fn items(&self) -> Vec<(Option<&'static str>, String)> {
        let fields = self
            .fields
            .iter()
            .map(|(f, m)| (Some(field_id(*f)), m.clone()));
        let other = self.other.iter().map(|m| (None, m.clone()));
        fields.chain(other).collect()
    }
}

/// The form's state, shared by its parts. Everything in it is a handle into the reactive
/// arena, so it is `Copy` and any handler may hold it.
#[derive(Clone, Copy)]
struct Ask {
    app: AppContext,
    /// What the resident has typed; saved in the browser at every change.
    draft: RwSignal<Draft>,
    /// The draft as this tab last saved it in the browser or read it from there: while `draft`
    /// is still this, the form holds nothing another tab's change would overwrite.
    base: StoredValue<Draft>,
    phase: RwSignal<Phase>,
    errors: RwSignal<Errors>,
    /// Whether the browser kept the draft the last time it was saved.
    saved: RwSignal<bool>,
    /// The note that a draft was restored, until the resident starts another question.
    restored: RwSignal<Option<&'static str>>,
    /// What the question's live region says: its count, once the resident pauses.
    spoken: RwSignal<String>,
    /// Where the resident came from, sent along with the question.
    context: StoredValue<Context>,
    /// The panel that says what happened (`role="status"`), which takes focus after an attempt.
    status: NodeRef<Div>,
    /// The honeypot, read as it is when the form is sent.
    trap: NodeRef<Input>,
}

impl Ask {
    /// A form that starts from the draft kept in the browser, or from the question the link
    /// brought, and says so when a draft was restored.
    fn new(app: AppContext, prefill: &AskPrefill) -> Ask {
        let kept = browser::stored(DRAFT_KEY);
        let saved = kept
            .as_deref()
            .and_then(|s| Draft::restore(s, browser::now_unix_ms()));
        if kept.is_some() && saved.is_none() {
            // Past its time limit (or nothing worth keeping): gone from the browser too.
            browser::forget(DRAFT_KEY);
        }
        let restored = saved.is_some();
        let outdated = saved.as_ref().is_some_and(|s| s.outdated);
        let base = saved.map(|s| s.draft).unwrap_or_default();
        let mut draft = base.clone();
        if draft.question.trim().is_empty() && !prefill.question.trim().is_empty() {
            draft.question = prefill.question.trim().to_owned();
        }
        let note = restored.then_some(if draft.client_id.is_empty() {
            "Przywróciliśmy rozpoczęte wcześniej pytanie."
        } else {
            "Przywróciliśmy pytanie, którego nie udało się wcześniej wysłać. Sprawdź je i wyślij ponownie."
        });
        let context = Context {
            page: Some(prefill.from.trim().to_owned()).filter(|p| is_web_url(p)),
            search: Some(prefill.search.trim().to_owned()).filter(|s| !s.is_empty()),
        };
        let ask = Ask {
            app,
            draft: RwSignal::new(draft),
            base: StoredValue::new(base),
            phase: RwSignal::new(Phase::Editing),
            errors: RwSignal::new(Errors::default()),
            saved: RwSignal::new(true),
            restored: RwSignal::new(note),
            spoken: RwSignal::new(String::new()),
            context: StoredValue::new(context),
            status: NodeRef::new(),
            trap: NodeRef::new(),
        };
        if outdated {
            // Kept by an earlier version: written again at once in the current form (no clear
            // copy of what was sent, and a time of saving from which it expires).
            ask.save();
        }
        ask
    }

    /// What the resident typed, changed in the draft: saved at once. A prepared e-mail no longer
    /// says what the form holds, so the form goes back to editing.
    fn edit(self, change: impl FnOnce(&mut Draft)) {
        self.draft.update(change);
        self.save();
        if self
            .phase
            .with_untracked(|p| matches!(p, Phase::ByEmail(_)))
        {
            self.phase.set(Phase::Editing);
        }
    }

    /// Keeps the draft in the browser, or forgets it once there is nothing left to keep (only
    /// this tab's own: a draft another tab has saved since stays). The resident's draft wins over
    /// the kept copy of the data: when the browser refuses the draft, the copy is dropped and
    /// the draft saved once more.
    fn save(self) {
        let draft = self.draft.get_untracked();
        let kept = if draft.is_empty() {
            let theirs = browser::stored(DRAFT_KEY).map(|s| Draft::from_saved(&s));
            if theirs.is_none_or(|t| self.base.with_value(|b| t == *b)) {
                browser::forget(DRAFT_KEY);
            }
            true
        } else {
            let json = draft.to_saved(browser::now_unix_ms());
            browser::store(DRAFT_KEY, &json) || {
                forget_kept_data();
                browser::store(DRAFT_KEY, &json)
            }
        };
        if kept {
            self.base.set_value(draft);
        } else {
            browser::warn("Poradnik Mieszkańca: the browser refused to keep the draft");
        }
        if self.saved.get_untracked() != kept {
            self.saved.set(kept);
        }
    }

    /// Another tab has changed the kept draft (`removed`: what it was, when it was removed). A
    /// form that holds just what this tab last saved or read takes the other tab's draft (or,
    /// when the other tab sent or cleared this same draft, empties too). A form edited otherwise
    /// keeps its own text, saved again at its next edit; and when the kept draft is gone while
    /// the form still holds other, unsent text, it is saved again at once. Nothing changes while
    /// a question is on its way or sent.
    fn follow(self, removed: Option<String>) {
        if self
            .phase
            .with_untracked(|p| matches!(p, Phase::Sending | Phase::Sent(_)))
        {
            return;
        }
        let ours = self.draft.get_untracked();
        let unchanged = self.base.with_value(|b| *b == ours);
        match browser::stored(DRAFT_KEY) {
            Some(json) => {
                let theirs = Draft::from_saved(&json);
                if theirs == ours {
                    self.base.set_value(theirs);
                } else if unchanged {
                    self.adopt(theirs);
                }
            }
            None => {
                let removed = removed.map(|s| Draft::from_saved(&s));
                if unchanged && removed.as_ref() == Some(&ours) {
                    self.adopt(Draft::default());
                } else if !ours.is_empty() {
                    self.save();
                }
            }
        }
    }

    /// Shows another tab's draft in place of this one's (which was what this tab last saved).
    fn adopt(self, draft: Draft) {
        self.base.set_value(draft.clone());
        if draft.is_empty() {
            self.restored.set(None);
        }
        self.draft.set(draft);
        // A prepared e-mail or the last attempt's outcome no longer says what the form holds.
        if self.phase.with_untracked(|p| *p != Phase::Editing) {
            self.phase.set(Phase::Editing);
        }
    }

    /// A new question: an empty form, and nothing left of the last one.
    fn again(self) {
        browser::set_page_title(Some(TITLE));
        self.draft.set(Draft::default());
        self.save();
        self.phase.set(Phase::Editing);
        self.restored.set(None);
        self.spoken.set(String::new());
        // The fields are shown again once the page is redrawn (in the microtasks the change
        // has queued); focus goes to the question then.
        queue_microtask(|| {
            if let Some(el) = browser::document().get_element_by_id(field_id(Field::Question)) {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }

    /// Moves focus to the status panel, once it shows what the last change put in it.
    fn focus_status(self) {
        let status = self.status;
        queue_microtask(move || {
            if let Some(el) = status.try_get_untracked().flatten() {
                browser::focus_without_scroll(&el);
                browser::scroll_to(&el);
            }
        });
    }

    /// Whether the question is on its way. Nothing can be typed meanwhile, so nothing typed
    /// meanwhile is lost. (The helpers below return closures rather than signals: one type per
    /// helper, however many fields use it, keeps the form's code small.)
    fn sending(self) -> impl Fn() -> bool + Copy + Send + Sync {
        move || self.phase.with(|p| *p == Phase::Sending)
    }

    fn has_error(self, field: Field) -> bool {
        self.errors.with(|e| e.message(field).is_some())
    }

    /// The class of a field's group, with the error bar when the field has an error.
    fn group_class(self, field: Field) -> impl Fn() -> &'static str + Send + Sync {
        move || {
            if self.has_error(field) {
                "pm-ask-form__group pm-ask-form__group--error"
            } else {
                "pm-ask-form__group"
            }
        }
    }

    /// A control's `aria-describedby`: its hints (`described`, ids separated by spaces), and its
    /// error line while it has an error.
    fn described_by(
        self,
        field: Field,
        described: &'static str,
    ) -> impl Fn() -> Option<String> + Send + Sync {
        move || {
            let ids = if self.has_error(field) {
                format!("{described} {}", error_id(field))
            } else {
                described.to_owned()
            };
            Some(ids.trim().to_owned()).filter(|s| !s.is_empty())
        }
    }

    /// A control's `aria-invalid`: present only while it has an error.
    fn invalid(self, field: Field) -> impl Fn() -> Option<&'static str> + Send + Sync {
        move || self.has_error(field).then_some("true")
    }
}

/// The data's categories as (id, name); none until the guide is loaded (the form does not wait
/// for it: a resident can ask even if it never is).
fn categories(app: AppContext) -> Vec<(String, String)> {
    app.guide.with(|g| match g {
        GuideState::Ready(g) => g
            .categories
            .iter()
            .map(|c| (c.id.clone(), c.name.clone()))
            .collect(),
        _ => Vec::new(),
    })
}

/// The name of the category `id` in the data, if the guide is loaded and has it.
fn category_name(app: AppContext, id: &str) -> Option<String> {
    app.guide.with(|g| match g {
        GuideState::Ready(g) => g.category(id).map(|c| c.name.clone()),
        _ => None,
    })
}

//! "Zgłoś swoje pytanie": the form of the submission contract (`../shared/spec/question-submission.md`).
//! The rules, the request and the meaning of each answer are plain Rust in `crate::submission`;
//! this page keeps the draft in the browser as the resident types, sends it, and says what
//! happened. Its DOM is built with `crate::dom` rather than `view!` (see there why); signals and
//! effects keep it in step with the state.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::browser;
use crate::components::error_summary::render_error_summary;
use crate::components::privacy_notice::render_privacy_notice;
use crate::components::similar_questions::render_similar_questions;
use crate::data::Guide;
use crate::dom;
use crate::paths::AskPrefill;
use crate::search::SearchIndex;
use crate::sending::send;
use crate::state::{use_app, GuideState};
use crate::submission::draft::{Context, Draft};
use crate::submission::outcome::{mailto, NotSent, Outcome};
use crate::submission::rules::{length_hint, validate, Field};
use crate::url::is_web_url;

/// Where the draft is kept in the browser (`localStorage`, shared by the tabs of the site).
pub const DRAFT_KEY: &str = "poradnik-mieszkanca:szkic-pytania";

const TITLE: &str = "Zgłoś swoje pytanie";

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Question => "pm-pytanie",
        Field::Category => "pm-kategoria",
        Field::Email => "pm-email",
        Field::Consent => "pm-zgoda",
    }
}

/// Where the form stands.
#[derive(Clone, PartialEq)]
enum Phase {
    Editing,
    Sending,
    /// Accepted: what was sent, as the resident reads it back.
    Sent(Draft),
    /// No endpoint: the question is ready in a `mailto:` link.
    ByEmail(String),
}

/// The form page as the form's bundle renders it (see `crate::app::start`).
pub fn ask_page(prefill: AskPrefill) -> AnyView {
    view! { <AskPage prefill/> }.into_any()
}

#[component]
pub fn AskPage(prefill: AskPrefill) -> impl IntoView {
    let app = use_app();
    browser::set_page_title(Some(TITLE));
    if !app.config.with_value(|c| c.can_ask()) {
        return view! {
            <div class="pm-ask-page">
                <h1 class="pm-page-title" tabindex="-1">{TITLE}</h1>
                <p>"Na tej stronie nie można zgłaszać pytań. Skontaktuj się z urzędem w zwykły sposób."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="pm-ask-page">
            <h1 class="pm-page-title" tabindex="-1">{TITLE}</h1>
            <AskForm prefill/>
        </div>
    }
    .into_any()
}

/// Everything the form knows, in one place; each change is followed by a call that shows it.
struct State {
    draft: Draft,
    phase: Phase,
    /// The last attempt's answer, when it was not an acceptance or field errors.
    outcome: Option<Outcome>,
    /// The network came back after a send failed without it.
    online_again: bool,
    /// Keystrokes in the question, for saying the count after a pause.
    typed: u32,
    /// Whether the browser kept the draft the last time it was saved.
    saved: bool,
}

/// Keeps the draft in the browser, or forgets it once there is nothing left to keep; false when
/// the browser refused to keep it.
fn save(draft: &Draft) -> bool {
    if draft.is_empty() {
        browser::forget(DRAFT_KEY);
        true
    } else {
        let kept = browser::store(DRAFT_KEY, &draft.to_saved());
        if !kept {
            browser::warn("Poradnik Mieszkańca: the browser refused to keep the draft");
        }
        kept
    }
}

/// The nodes the state changes.
struct Form {
    summary: Element,
    status: Element,
    body: Element,
    question: HtmlTextAreaElement,
    count: Element,
    spoken: Element,
    similar: Element,
    category: HtmlSelectElement,
    email: HtmlInputElement,
    consent: HtmlInputElement,
    honeypot: HtmlInputElement,
    button: Element,
    /// Per field: its group, its error message, its control, and the ids that describe it.
    fields: Vec<(Field, Element, Element, Element, &'static str)>,
}

/// One labelled field: its group, the error line (hidden until there is one), and the label.
fn group(
    parent: &Element,
    field: Field,
    label: &str,
    hint: Option<(&str, &str)>,
) -> (Element, Element) {
    let g = dom::add(parent, "div", "pm-ask-form__group");
    let l = dom::add_text(&g, "label", "pm-ask-form__label", label);
    dom::attrs(&l, &[("for", field_id(field))]);
    if let Some((id, text)) = hint {
        let h = dom::add_text(&g, "p", "pm-ask-form__hint", text);
        dom::attrs(&h, &[("id", id)]);
    }
    let error = dom::add(&g, "p", "pm-ask-form__error");
    dom::attrs(&error, &[("id", &format!("{}-blad", field_id(field)))]);
    dom::html(&error).set_hidden(true);
    (g, error)
}

fn build(root: &Element, draft: &Draft) -> Form {
    let summary = dom::add(root, "div", "pm-ask-form__summary");
    let status = dom::add(root, "div", "pm-ask-form__status");
    dom::attrs(&status, &[("role", "status"), ("tabindex", "-1")]);
    let body = dom::add(root, "div", "");
    dom::add_text(
        &body,
        "p",
        "pm-lead",
        "Nie ma tu odpowiedzi na Twoje pytanie? Napisz, czego szukasz – redakcja uzupełni poradnik.",
    );
    let form = dom::add(&body, "form", "pm-ask-form");
    dom::attrs(&form, &[("novalidate", "")]);
    let mut fields = Vec::new();

    let (g, error) = group(
        &form,
        Field::Question,
        "Twoje pytanie",
        Some((
            "pm-pytanie-podpowiedz",
            "Od 10 do 2000 znaków. Nie wpisuj danych osobowych, np. numeru PESEL.",
        )),
    );
    let question = dom::add(&g, "textarea", "pm-ask-form__textarea");
    let described = "pm-pytanie-podpowiedz pm-pytanie-licznik";
    dom::attrs(
        &question,
        &[
            ("id", "pm-pytanie"),
            ("name", "question"),
            ("rows", "6"),
            ("aria-describedby", described),
        ],
    );
    let question: HtmlTextAreaElement = question.unchecked_into();
    question.set_value(&draft.question);
    let count = dom::add_text(&g, "p", "pm-ask-form__count", &length_hint(&draft.question));
    dom::attrs(
        &count,
        &[("id", "pm-pytanie-licznik"), ("aria-hidden", "true")],
    );
    let spoken = dom::add(&g, "p", "pm-visually-hidden");
    dom::attrs(&spoken, &[("aria-live", "polite")]);
    fields.push((
        Field::Question,
        g,
        error,
        question.clone().into(),
        described,
    ));
    let similar = dom::add(&form, "div", "");

    let (g, error) = group(
        &form,
        Field::Category,
        "Czego dotyczy pytanie? (nieobowiązkowo)",
        None,
    );
    let select = dom::add(&g, "select", "pm-ask-form__select");
    dom::attrs(&select, &[("id", "pm-kategoria"), ("name", "category")]);
    let nie_wiem = dom::add_text(&select, "option", "", "Nie wiem");
    dom::attrs(&nie_wiem, &[("value", "")]);
    let category: HtmlSelectElement = select.clone().unchecked_into();
    fields.push((Field::Category, g, error, select, ""));

    let (g, error) = group(
        &form,
        Field::Email,
        "Adres e-mail (nieobowiązkowo)",
        Some((
            "pm-email-podpowiedz",
            "Podaj go, jeśli chcesz dostać odpowiedź. Bez adresu pytanie też trafi do redakcji.",
        )),
    );
    let email = dom::add(&g, "input", "pm-ask-form__input");
    dom::attrs(
        &email,
        &[
            ("id", "pm-email"),
            ("name", "email"),
            ("type", "email"),
            ("autocomplete", "email"),
            ("spellcheck", "false"),
            ("aria-describedby", "pm-email-podpowiedz"),
        ],
    );
    let email_input: HtmlInputElement = email.clone().unchecked_into();
    email_input.set_value(&draft.email);
    fields.push((Field::Email, g, error, email, "pm-email-podpowiedz"));

    let g = dom::add(&form, "div", "pm-ask-form__group");
    let error = dom::add(&g, "p", "pm-ask-form__error");
    dom::attrs(&error, &[("id", "pm-zgoda-blad")]);
    dom::html(&error).set_hidden(true);
    let row = dom::add(&g, "div", "pm-ask-form__checkbox");
    let consent = dom::add(&row, "input", "");
    dom::attrs(
        &consent,
        &[
            ("id", "pm-zgoda"),
            ("name", "consent"),
            ("type", "checkbox"),
            ("aria-describedby", "pm-privacy-notice-title"),
        ],
    );
    let label = dom::add_text(
        &row,
        "label",
        "",
        "Zgadzam się, aby mój adres e-mail był użyty do odpowiedzi na to pytanie (zgoda potrzebna tylko, gdy podajesz adres).",
    );
    dom::attrs(&label, &[("for", "pm-zgoda")]);
    let consent_input: HtmlInputElement = consent.clone().unchecked_into();
    consent_input.set_checked(draft.consent);
    fields.push((Field::Consent, g, error, consent, "pm-privacy-notice-title"));

    render_privacy_notice(&form);

    // The honeypot: off the page for people and hidden from assistive technology; only a
    // program fills it in.
    let trap = dom::add(&form, "div", "pm-ask-form__trap");
    dom::attrs(&trap, &[("aria-hidden", "true")]);
    let label = dom::add_text(&trap, "label", "", "Strona internetowa");
    dom::attrs(&label, &[("for", "pm-strona-www")]);
    let honeypot = dom::add(&trap, "input", "");
    dom::attrs(
        &honeypot,
        &[
            ("id", "pm-strona-www"),
            ("name", "website"),
            ("type", "text"),
            ("tabindex", "-1"),
            ("autocomplete", "off"),
        ],
    );

    let button = dom::add_text(&form, "button", "pm-button", "Wyślij pytanie");
    dom::attrs(&button, &[("type", "submit")]);

    Form {
        summary,
        status,
        body,
        question,
        count,
        spoken,
        similar,
        category,
        email: email_input,
        consent: consent_input,
        honeypot: honeypot.unchecked_into(),
        button,
        fields,
    }
}

impl Form {
    /// Each field's error (or none), and the summary of all of them.
    fn show_errors(&self, errors: &[(Field, String)], other: &[String], focus: bool) {
        for (field, group, error, control, described) in &self.fields {
            let message = errors.iter().find(|(f, _)| f == field).map(|(_, m)| m);
            group.set_class_name(if message.is_some() {
                "pm-ask-form__group pm-ask-form__group--error"
            } else {
                "pm-ask-form__group"
            });
            dom::clear(error);
            dom::html(error).set_hidden(message.is_none());
            let error_id = format!("{}-blad", field_id(*field));
            if let Some(m) = message {
                dom::add_text(error, "span", "pm-visually-hidden", "Błąd: ");
                dom::text(error, m);
            }
            let ids = match message {
                Some(_) => format!("{described} {error_id}"),
                None => described.to_string(),
            };
            dom::toggle(
                control,
                "aria-describedby",
                Some(ids.trim()).filter(|s| !s.is_empty()),
            );
            dom::toggle(control, "aria-invalid", message.map(|_| "true"));
        }
        let mut items: Vec<(Option<&'static str>, &str)> = errors
            .iter()
            .map(|(f, m)| (Some(field_id(*f)), m.as_str()))
            .collect();
        items.extend(other.iter().map(|m| (None, m.as_str())));
        render_error_summary(&self.summary, &items, focus);
    }
}

#[component]
fn AskForm(prefill: AskPrefill) -> impl IntoView {
    let app = use_app();
    let root = NodeRef::<Div>::new();
    root.on_load(move |div| {
        let (submit_url, report_email, timeout_ms, paths) = app.config.with_value(|c| {
            (
                c.submit_url.clone(),
                c.report_email.clone(),
                c.submit_timeout_ms,
                c.paths.clone(),
            )
        });
        // The draft kept in the browser, or the question the link brought.
        let saved = browser::stored(DRAFT_KEY).map(|s| Draft::from_saved(&s));
        let restored = saved.as_ref().is_some_and(|d| !d.is_empty());
        let mut draft = saved.unwrap_or_default();
        if draft.question.trim().is_empty() && !prefill.question.trim().is_empty() {
            draft.question = prefill.question.trim().to_owned();
        }
        let restored_note = restored.then(|| {
            dom::add_text(
                &div,
                "p",
                "pm-ask-form__restored",
                if draft.client_id.is_empty() {
                    "Przywróciliśmy rozpoczęte wcześniej pytanie."
                } else {
                    "Przywróciliśmy pytanie, którego nie udało się wcześniej wysłać. Sprawdź je i wyślij ponownie."
                },
            )
        });
        let context = Context {
            page: Some(prefill.from.trim().to_owned()).filter(|p| is_web_url(p)),
            search: Some(prefill.search.trim().to_owned()).filter(|s| !s.is_empty()),
        };
        // The form does not wait for the data: its categories (and the questions it suggests)
        // join once the guide is loaded, and a resident can ask even if it never is.
        let categories: Rc<RefCell<Vec<(String, String)>>> = Rc::default();
        let guide: Rc<RefCell<Option<Arc<Guide>>>> = Rc::default();
        let form = Rc::new(build(&div, &draft));
        let state = Rc::new(RefCell::new(State {
            draft,
            phase: Phase::Editing,
            outcome: None,
            online_again: false,
            typed: 0,
            saved: true,
        }));

        // The status panel, the button and the form's visibility, from the state.
        let show = {
            let (form, state, categories) = (form.clone(), state.clone(), categories.clone());
            Rc::new(move || {
                let st = state.borrow();
                let s = &form.status;
                dom::clear(s);
                dom::html(&form.body).set_hidden(matches!(st.phase, Phase::Sent(_)));
                let sending = st.phase == Phase::Sending;
                form.button
                    .unchecked_ref::<web_sys::HtmlButtonElement>()
                    .set_disabled(sending);
                form.button.set_text_content(Some(if sending { "Wysyłanie…" } else { "Wyślij pytanie" }));
                // Nothing can be typed while sending, so nothing typed meanwhile is lost.
                form.question.set_read_only(sending);
                form.email.set_read_only(sending);
                form.category.set_disabled(sending);
                form.consent.set_disabled(sending);
                match &st.phase {
                    Phase::Sending => {
                        dom::add_text(s, "p", "", "Wysyłanie pytania…");
                    }
                    Phase::Sent(sent) => {
                        let panel = dom::add(s, "div", "pm-ask-sent");
                        dom::add_text(&panel, "h2", "pm-ask-sent__title", &Outcome::Accepted.message());
                        dom::add_text(&panel, "p", "", "Wysłaliśmy:");
                        let list = dom::add(&panel, "dl", "pm-ask-sent__details");
                        let categories = categories.borrow();
                        let category = categories
                            .iter()
                            .find(|(id, _)| *id == sent.category)
                            .map_or("Nie wiem", |(_, name)| name.as_str());
                        let email = match sent.email.trim() {
                            "" => "Nie podano – bez odpowiedzi e-mailem",
                            e => e,
                        };
                        for (term, value) in [
                            ("Pytanie", sent.question.trim()),
                            ("Kategoria", category),
                            ("Adres e-mail do odpowiedzi", email),
                        ] {
                            dom::add_text(&list, "dt", "", term);
                            dom::add_text(&list, "dd", "", value);
                        }
                        let again = dom::add_text(&panel, "button", "pm-button pm-button--secondary", "Zadaj kolejne pytanie");
                        dom::attrs(&again, &[("type", "button"), ("data-action", "again")]);
                    }
                    Phase::ByEmail(href) => {
                        let panel = dom::add(s, "div", "pm-ask-email");
                        dom::add_text(&panel, "h2", "pm-ask-email__title", "Wyślij pytanie e-mailem");
                        dom::add_text(&panel, "p", "", "Twój program pocztowy otworzy wiadomość z wpisanym pytaniem. Pytanie zostaje zapisane w tej przeglądarce; po wysłaniu wiadomości możesz wyczyścić formularz.");
                        let link = dom::add_text(&panel, "a", "pm-button", "Otwórz wiadomość e-mail");
                        dom::attrs(&link, &[("href", href)]);
                        let clear = dom::add_text(&panel, "button", "pm-button pm-button--secondary", "Wyczyść formularz");
                        dom::attrs(&clear, &[("type", "button"), ("data-action", "again")]);
                    }
                    Phase::Editing => {
                        if let Some(o) = &st.outcome {
                            let panel = dom::add(s, "div", "pm-ask-problem");
                            dom::add_text(&panel, "p", "", &o.message());
                            if !st.saved {
                                dom::add_text(&panel, "p", "", "Uwaga: ta przeglądarka nie pozwala zapisać pytania. Skopiuj jego treść, zanim zamkniesz stronę.");
                            }
                            if st.online_again {
                                dom::add_text(&panel, "p", "", "Połączenie wróciło.");
                                let now = dom::add_text(&panel, "button", "pm-button", "Wyślij teraz");
                                dom::attrs(&now, &[("type", "button"), ("data-action", "send")]);
                            }
                        }
                    }
                }
            })
        };

        let submit: Rc<dyn Fn()> = {
            let (form, state, show, categories) = (form.clone(), state.clone(), show.clone(), categories.clone());
            Rc::new(move || {
                let mut st = state.borrow_mut();
                if st.phase == Phase::Sending {
                    return; // A second click while sending sends nothing.
                }
                st.outcome = None;
                st.online_again = false;
                st.phase = Phase::Editing;
                let categories = categories.borrow();
                let ids: Vec<&str> = categories.iter().map(|(id, _)| id.as_str()).collect();
                let problems = validate(&st.draft, &ids);
                if !problems.is_empty() {
                    drop(st);
                    show();
                    form.show_errors(&problems, &[], true);
                    browser::set_page_title(Some(&format!("Błąd: {TITLE}")));
                    return;
                }
                form.show_errors(&[], &[], false);
                browser::set_page_title(Some(TITLE));
                let Some(url) = submit_url.clone() else {
                    // No endpoint: the same question, ready to go by e-mail.
                    let category = categories
                        .iter()
                        .find(|(id, _)| *id == st.draft.category)
                        .map(|(_, name)| name.as_str());
                    let href = mailto(report_email.as_deref().unwrap_or_default(), &st.draft, category);
                    st.phase = Phase::ByEmail(href);
                    drop(st);
                    show();
                    dom::focus(&form.status);
                    return;
                };
                st.draft.ensure_client_id(browser::random_bytes());
                st.saved = save(&st.draft);
                let d = st.draft.clone();
                let Some(body) = d.request_body(&context, &form.honeypot.value()) else {
                    return;
                };
                st.phase = Phase::Sending;
                drop(st);
                show();
                let (form, state, show) = (form.clone(), state.clone(), show.clone());
                spawn_local(async move {
                    let result = send(&url, body, &d.client_id, timeout_ms).await;
                    let mut st = state.borrow_mut();
                    st.phase = Phase::Editing;
                    match result {
                        Outcome::Accepted => {
                            st.draft = Draft::default();
                            // The kept draft is this question's, unless another tab of the
                            // form has saved its own since: that one stays.
                            let kept = browser::stored(DRAFT_KEY).map(|s| Draft::from_saved(&s));
                            if kept.is_none_or(|k| k.client_id == d.client_id) {
                                browser::forget(DRAFT_KEY);
                            }
                            browser::set_page_title(Some("Pytanie wysłane"));
                            st.phase = Phase::Sent(d);
                        }
                        Outcome::Rejected { fields, other } => {
                            drop(st);
                            show();
                            form.show_errors(&fields, &other, true);
                            browser::set_page_title(Some(&format!("Błąd: {TITLE}")));
                            return;
                        }
                        other => {
                            if other == (Outcome::NotSent { reason: NotSent::Offline }) {
                                let (state, show) = (state.clone(), show.clone());
                                browser::when_online(move || {
                                    state.borrow_mut().online_again = true;
                                    show();
                                });
                            }
                            st.outcome = Some(other);
                        }
                    }
                    drop(st);
                    show();
                    dom::focus(&form.status);
                });
            })
        };

        if let Some(f) = form.body.query_selector("form").ok().flatten() {
            let submit = submit.clone();
            dom::on(&f, "submit", move |ev| {
                ev.prevent_default();
                submit();
            });
        }
        // The buttons of the status panel: "Wyślij teraz" and "Zadaj kolejne pytanie".
        {
            let (submit, form, state, show) = (submit.clone(), form.clone(), state.clone(), show.clone());
            dom::on(&form.status.clone(), "click", move |ev| {
                let action = ev
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| el.get_attribute("data-action"));
                match action.as_deref() {
                    Some("send") => submit(),
                    Some("again") => {
                        // A new question: an empty form, and nothing left of the last one.
                        form.question.set_value("");
                        form.email.set_value("");
                        form.category.set_value("");
                        form.consent.set_checked(false);
                        form.count.set_text_content(Some(&length_hint("")));
                        form.spoken.set_text_content(None);
                        dom::clear(&form.similar);
                        if let Some(note) = &restored_note {
                            note.remove();
                        }
                        browser::set_page_title(Some(TITLE));
                        {
                            let mut st = state.borrow_mut();
                            st.draft = Draft::default();
                            st.saved = save(&st.draft);
                            st.phase = Phase::Editing;
                            st.outcome = None;
                        }
                        show();
                        let _ = form.question.focus();
                    }
                    _ => {}
                }
            });
        }

        // Questions of the guide that may already answer it, as the resident types (and once
        // the index is ready).
        let similar = {
            let (form, state, guide) = (form.clone(), state.clone(), guide.clone());
            Rc::new(move |index: Option<&SearchIndex>| {
                let question = state.borrow().draft.question.clone();
                if let Some(guide) = guide.borrow().as_ref() {
                    render_similar_questions(&form.similar, guide, index, &question, &paths);
                }
            })
        };
        {
            let (similar, form, state) = (similar.clone(), form.clone(), state.clone());
            Effect::new(move |_| {
                if let GuideState::Ready(g) = app.guide.get() {
                    if categories.borrow().is_empty() {
                        let list: Vec<(String, String)> = g
                            .categories
                            .iter()
                            .map(|c| (c.id.clone(), c.name.clone()))
                            .collect();
                        for (id, name) in &list {
                            let option = dom::add_text(&form.category, "option", "", name);
                            dom::attrs(&option, &[("value", id)]);
                        }
                        // A kept category the data no longer has becomes "Nie wiem".
                        let mut st = state.borrow_mut();
                        if !list.iter().any(|(id, _)| *id == st.draft.category) {
                            st.draft.category.clear();
                            st.saved = save(&st.draft);
                        }
                        form.category.set_value(&st.draft.category);
                        drop(st);
                        *categories.borrow_mut() = list;
                    }
                    *guide.borrow_mut() = Some(g);
                }
                similar(app.search.get().as_deref());
            });
        }

        // What the resident types goes to the draft, saved at once.
        let edited = {
            let (form, state, show) = (form.clone(), state.clone(), show.clone());
            move |field: Field| {
                let mut st = state.borrow_mut();
                let d = &mut st.draft;
                match field {
                    Field::Question => d.question = form.question.value(),
                    Field::Category => d.category = form.category.value(),
                    Field::Email => d.email = form.email.value(),
                    Field::Consent => d.consent = form.consent.checked(),
                }
                st.saved = save(&st.draft);
                // A prepared e-mail no longer says what the form does: back to editing.
                if matches!(st.phase, Phase::ByEmail(_)) {
                    st.phase = Phase::Editing;
                    drop(st);
                    show();
                }
            }
        };
        {
            let (edited, form, state) = (edited.clone(), form.clone(), state.clone());
            dom::on(&form.question.clone().into(), "input", move |_| {
                edited(Field::Question);
                let question = form.question.value();
                form.count.set_text_content(Some(&length_hint(&question)));
                similar(app.search.get_untracked().as_deref());
                // Screen readers hear the count after a pause, not on every key.
                let now = {
                    let mut st = state.borrow_mut();
                    st.typed += 1;
                    st.typed
                };
                let (spoken, state) = (form.spoken.clone(), state.clone());
                browser::after_ms(1000, move || {
                    let st = state.borrow();
                    if st.typed == now {
                        spoken.set_text_content(Some(&length_hint(&st.draft.question)));
                    }
                });
            });
        }
        for (field, event) in [
            (Field::Category, "change"),
            (Field::Email, "input"),
            (Field::Consent, "change"),
        ] {
            let edited = edited.clone();
            if let Some((_, _, _, control, _)) = form.fields.iter().find(|f| f.0 == field) {
                dom::on(control, event, move |_| edited(field));
            }
        }
    });
    view! { <div class="pm-ask-form-root" node_ref=root></div> }
}

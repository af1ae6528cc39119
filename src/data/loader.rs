//! The lenient loader: one bad record must not take the portal down.
//!
//! The rules, exactly as `shared/spec/faq-data.md` ("When the data is wrong") asks:
//! - a document that is not JSON, not an object, or of another major version is refused as a whole
//!   ([`DocumentError`]), and the app says so in Polish with a way to retry;
//! - a record (category, institution, question, FAQ item) with a missing or malformed *required*
//!   field, a malformed id, or an id already used is left out, and reported;
//! - a malformed *optional* field is dropped from its record, which stays, and that is reported;
//! - a reference to a missing category, institution or related question breaks only that reference:
//!   a question whose category is missing stays reachable by its URL and by search.
//!
//! Every report names the record (its id, or its position when it has no usable id) and the reason,
//! in Polish, for the city's editors.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::error::DocumentError;
use super::guide::{Guide, Problem};
use super::model::*;
use crate::text::date::{is_rfc3339, Date};
use crate::text::slug::{is_slug, slugify};
use crate::url::is_web_url;

type Obj = Map<String, Value>;

/// Collects the problems of one load.
#[derive(Default)]
struct Report {
    problems: Vec<Problem>,
}

impl Report {
    fn left_out(&mut self, record: &str, reason: String) {
        self.problems.push(Problem {
            record: record.to_owned(),
            reason,
            left_out: true,
        });
    }
    fn partial(&mut self, record: &str, reason: String) {
        self.problems.push(Problem {
            record: record.to_owned(),
            reason,
            left_out: false,
        });
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "wartość logiczna",
        Value::Number(_) => "liczba",
        Value::String(_) => "tekst",
        Value::Array(_) => "lista",
        Value::Object(_) => "obiekt",
    }
}

/// A required string field, or the reason the record must be left out.
fn required_string(o: &mut Obj, field: &str) -> Result<String, String> {
    match o.remove(field) {
        None | Some(Value::Null) => Err(format!("brak wymaganego pola „{field}”")),
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(format!(
            "pole „{field}” powinno być tekstem, a jest: {}",
            type_name(&other)
        )),
    }
}

/// A required slug field (an id or a reference), or the reason the record must be left out.
fn required_slug(o: &mut Obj, field: &str) -> Result<String, String> {
    let s = required_string(o, field)?;
    if is_slug(&s) {
        Ok(s)
    } else {
        Err(not_a_slug(field, &s))
    }
}

fn not_a_slug(field: &str, value: &str) -> String {
    format!(
        "wartość „{value}” w polu „{field}” nie jest poprawnym identyfikatorem (dozwolone są małe litery a–z, cyfry i pojedyncze łączniki, najwyżej 120 znaków)"
    )
}

/// An optional string field; a value of the wrong type is dropped and reported.
fn optional_string(o: &mut Obj, field: &str, record: &str, report: &mut Report) -> Option<String> {
    match o.remove(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            report.partial(
                record,
                format!(
                    "pole „{field}” powinno być tekstem, a jest: {}; pominięto je",
                    type_name(&other)
                ),
            );
            None
        }
    }
}

/// An optional web address (`http:` or `https:`); anything else is dropped and reported, so that
/// no other scheme ever reaches an `href`.
fn optional_web_url(o: &mut Obj, field: &str, record: &str, report: &mut Report) -> Option<String> {
    let url = optional_string(o, field, record, report)?;
    if is_web_url(&url) {
        Some(url.trim().to_owned())
    } else {
        report.partial(
            record,
            format!("pole „{field}” zawiera „{url}”, a powinno zawierać adres zaczynający się od https:// lub http://; pominięto je"),
        );
        None
    }
}

/// An optional list of strings; a list with anything else in it is dropped whole and reported.
fn optional_string_list(
    o: &mut Obj,
    field: &str,
    record: &str,
    report: &mut Report,
) -> Vec<String> {
    match o.remove(field) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .into_iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s),
                _ => None,
            })
            .collect(),
        Some(_) => {
            report.partial(
                record,
                format!("pole „{field}” powinno być listą tekstów; pominięto je"),
            );
            Vec::new()
        }
    }
}

/// The records of a top-level array, or none when the field is not an array.
fn records(doc: &mut Obj, field: &str, required: bool, report: &mut Report) -> Vec<Value> {
    match doc.remove(field) {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) if !required => Vec::new(),
        None | Some(Value::Null) => {
            report.left_out("dokument", format!("brak wymaganej listy „{field}”"));
            Vec::new()
        }
        Some(other) => {
            report.left_out(
                "dokument",
                format!(
                    "pole „{field}” powinno być listą, a jest: {}",
                    type_name(&other)
                ),
            );
            Vec::new()
        }
    }
}

/// A label for a record: its id when it has a usable one, else its 1-based position.
fn label(kind: &str, index: usize, v: &Value) -> String {
    match v.get("id").and_then(Value::as_str) {
        Some(id) if !id.trim().is_empty() => format!("{kind} „{id}”"),
        _ => format!("{kind} nr {}", index + 1),
    }
}

/// Parses and checks a published document.
///
/// Returns the [`Guide`] with every valid record and a [`Problem`] for each thing left out, or a
/// [`DocumentError`] when nothing of the document can be used.
pub fn load_document(text: &str) -> Result<Guide, DocumentError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DocumentError::NotJson(e.to_string()))?;
    load_value(value)
}

/// The same, for a document already parsed.
pub fn load_value(value: Value) -> Result<Guide, DocumentError> {
    let Value::Object(mut doc) = value else {
        return Err(DocumentError::NotObject);
    };
    let version = doc
        .get("schema_version")
        // 1.0 is the integer 1 for JSON Schema's `const: 1`, and so for the app.
        .and_then(|v| {
            v.as_i64().or_else(|| {
                v.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            })
        })
        .ok_or(DocumentError::MissingVersion)?;
    if version != SUPPORTED_SCHEMA_VERSION {
        return Err(DocumentError::UnsupportedVersion(version));
    }

    let mut report = Report::default();
    let generated_at = optional_string(&mut doc, "generated_at", "dokument", &mut report)
        .filter(|s| {
            let ok = is_rfc3339(s);
            if !ok {
                report.partial("dokument", format!("pole „generated_at” zawiera „{s}”, a powinno zawierać datę i godzinę w formacie RFC 3339; pominięto je"));
            }
            ok
        });
    let portal = load_portal(doc.remove("portal"), &mut report);

    // Ids seen so far, so that every check is one look-up, whatever the number of records.
    let mut category_ids = HashSet::new();
    let mut categories: Vec<Category> = Vec::new();
    for (i, mut v) in records(&mut doc, "categories", true, &mut report)
        .into_iter()
        .enumerate()
    {
        let record = label("kategoria", i, &v);
        match load_category(&mut v, &record, &mut report) {
            Ok(c) if category_ids.contains(&c.id) => report.left_out(&record, duplicate(&c.id)),
            Ok(c) => {
                category_ids.insert(c.id.clone());
                categories.push(c);
            }
            Err(reason) => report.left_out(&record, reason),
        }
    }

    let mut institution_ids = HashSet::new();
    let mut institutions: Vec<Institution> = Vec::new();
    for (i, mut v) in records(&mut doc, "institutions", false, &mut report)
        .into_iter()
        .enumerate()
    {
        let record = label("instytucja", i, &v);
        match load_institution(&mut v, &record, &mut report) {
            Ok(x) if institution_ids.contains(&x.id) => report.left_out(&record, duplicate(&x.id)),
            Ok(x) => {
                institution_ids.insert(x.id.clone());
                institutions.push(x);
            }
            Err(reason) => report.left_out(&record, reason),
        }
    }

    let mut questions: Vec<Question> = Vec::new();
    let mut question_ids = HashSet::new();
    let mut labels = Vec::new();
    // Each record's strings move into the guide and the rest of its tree is freed as it goes, so
    // the memory peak is the parsed tree, not the tree and the guide side by side.
    for (i, mut v) in records(&mut doc, "questions", true, &mut report)
        .into_iter()
        .enumerate()
    {
        let record = label("pytanie", i, &v);
        match load_question(&mut v, &record, &mut report) {
            Ok(q) if question_ids.contains(&q.id) => report.left_out(&record, duplicate(&q.id)),
            Ok(q) => {
                question_ids.insert(q.id.clone());
                questions.push(q);
                labels.push(record);
            }
            Err(reason) => report.left_out(&record, reason),
        }
    }

    // References are checked once every record is known; a broken one breaks only itself.
    for (q, record) in questions.iter_mut().zip(&labels) {
        if !category_ids.contains(&q.category) {
            report.partial(record, format!("kategoria „{}” nie istnieje; pytanie jest dostępne pod swoim adresem i w wyszukiwarce, ale nie na liście kategorii", q.category));
        }
        if let Some(inst) = &q.institution {
            if !institution_ids.contains(inst) {
                report.partial(
                    record,
                    format!("instytucja „{inst}” nie istnieje; pominięto dane kontaktowe"),
                );
                q.institution = None;
            }
        }
        let own_id = q.id.clone();
        q.related.retain(|r| {
            let ok = *r != own_id && question_ids.contains(r);
            if !ok {
                report.partial(
                    record,
                    format!("powiązane pytanie „{r}” nie istnieje; pominięto to powiązanie"),
                );
            }
            ok
        });
    }

    Ok(Guide::new(
        generated_at,
        portal,
        categories,
        institutions,
        questions,
        report.problems,
    ))
}

fn duplicate(id: &str) -> String {
    format!("identyfikator „{id}” już wystąpił wcześniej; pokazano tylko pierwszy wpis o tym identyfikatorze")
}

/// The portal texts. They are not a record that can be left out: what is wrong falls back to
/// defaults, so that the portal always has a title.
fn load_portal(v: Option<Value>, report: &mut Report) -> PortalTexts {
    const RECORD: &str = "portal";
    let fallback = PortalTexts {
        title: "Poradnik Mieszkańca".into(),
        notice: None,
        root: None,
        disclaimer: None,
    };
    let Some(Value::Object(mut o)) = v else {
        report.partial(
            "dokument",
            "brak wymaganego obiektu „portal” z tytułem portalu; użyto tytułu domyślnego".into(),
        );
        return fallback;
    };
    let title = required_string(&mut o, "title").unwrap_or_else(|reason| {
        report.partial(RECORD, format!("{reason}; użyto tytułu domyślnego"));
        fallback.title.clone()
    });
    let root = match o.remove("root") {
        None | Some(Value::Null) => None,
        Some(Value::Object(mut r)) => match (
            required_string(&mut r, "label"),
            required_string(&mut r, "url"),
        ) {
            (Ok(label), Ok(url)) if is_web_url(&url) => Some(RootLink {
                label,
                url: url.trim().to_owned(),
            }),
            (Ok(_), Ok(url)) => {
                report.partial(RECORD, format!("pole „root.url” zawiera „{url}”, a powinno zawierać adres zaczynający się od https:// lub http://; pominięto pierwszy element ścieżki"));
                None
            }
            (Err(reason), _) | (_, Err(reason)) => {
                report.partial(
                    RECORD,
                    format!("w polu „root” {reason}; pominięto pierwszy element ścieżki"),
                );
                None
            }
        },
        Some(other) => {
            report.partial(
                RECORD,
                format!(
                    "pole „root” powinno być obiektem, a jest: {}; pominięto je",
                    type_name(&other)
                ),
            );
            None
        }
    };
    PortalTexts {
        title,
        notice: optional_string(&mut o, "notice", RECORD, report),
        root,
        disclaimer: optional_string(&mut o, "disclaimer", RECORD, report),
    }
}

fn as_object(v: &mut Value) -> Result<&mut Obj, String> {
    let kind = type_name(v);
    v.as_object_mut()
        .ok_or_else(|| format!("wpis powinien być obiektem, a jest: {kind}"))
}

fn load_category(v: &mut Value, record: &str, report: &mut Report) -> Result<Category, String> {
    let o = as_object(v)?;
    Ok(Category {
        id: required_slug(o, "id")?,
        name: required_string(o, "name")?,
        description: optional_string(o, "description", record, report),
    })
}

fn load_institution(
    v: &mut Value,
    record: &str,
    report: &mut Report,
) -> Result<Institution, String> {
    let o = as_object(v)?;
    let id = required_slug(o, "id")?;
    let name = required_string(o, "name")?;
    Ok(Institution {
        id,
        name,
        address: optional_string(o, "address", record, report),
        hours: optional_string_list(o, "hours", record, report),
        phone: optional_string(o, "phone", record, report),
        email: optional_string(o, "email", record, report),
        url: optional_web_url(o, "url", record, report),
    })
}

fn load_question(v: &mut Value, record: &str, report: &mut Report) -> Result<Question, String> {
    let o = as_object(v)?;
    let id = required_slug(o, "id")?;
    let category = required_slug(o, "category")?;
    let title = required_string(o, "title")?;
    let answer_html = required_string(o, "answer_html")?;

    let updated = optional_string(o, "updated", record, report).filter(|d| {
        let ok = Date::parse_iso(d).is_some();
        if !ok {
            report.partial(record, format!("pole „updated” zawiera „{d}”, a powinno zawierać istniejącą datę w formacie RRRR-MM-DD; pominięto datę"));
        }
        ok
    });
    let institution = optional_string(o, "institution", record, report).filter(|i| {
        let ok = is_slug(i);
        if !ok {
            report.partial(
                record,
                format!(
                    "{}; pominięto dane kontaktowe",
                    not_a_slug("institution", i)
                ),
            );
        }
        ok
    });
    let related = optional_string_list(o, "related", record, report);
    let faq = load_faq(o, record, report);

    Ok(Question {
        id,
        category,
        title,
        updated,
        answer_html,
        faq,
        institution,
        tags: optional_string_list(o, "tags", record, report),
        related,
        edit_url: optional_web_url(o, "edit_url", record, report),
    })
}

/// An FAQ anchor that cannot be taken for another element of the page: the app's own ids start
/// with `pm-`, and each item's answer panel is `{anchor}-odpowiedz`.
fn unreserved(anchor: impl Into<String>) -> String {
    let mut anchor = anchor.into();
    if anchor.starts_with("pm-") {
        anchor.insert_str(0, "faq-");
    }
    if anchor.ends_with("-odpowiedz") {
        anchor.push_str("-1");
    }
    anchor
}

/// The FAQ items of one question: each bad item is left out alone; every kept item gets a unique
/// anchor (its own id, or one derived from its question text).
fn load_faq(o: &mut Obj, record: &str, report: &mut Report) -> Vec<FaqItem> {
    let items = match o.remove("faq") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            report.partial(
                record,
                format!(
                    "pole „faq” powinno być listą, a jest: {}; pominięto je",
                    type_name(&other)
                ),
            );
            return Vec::new();
        }
    };
    let mut kept: Vec<FaqItem> = Vec::new();
    // The anchors taken, and for each base the next number to try: unique anchors in one pass.
    let mut taken: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for (i, mut v) in items.into_iter().enumerate() {
        let item_record = format!("{record}, pozycja FAQ nr {}", i + 1);
        let item = as_object(&mut v).and_then(|io| {
            let question = required_string(io, "question")?;
            let answer_html = required_string(io, "answer_html")?;
            Ok((io, question, answer_html))
        });
        let (io, question, answer_html) = match item {
            Ok(x) => x,
            Err(reason) => {
                report.left_out(&item_record, reason);
                continue;
            }
        };
        let given = optional_string(io, "id", &item_record, report).filter(|id| {
            let ok = is_slug(id);
            if !ok {
                report.partial(
                    &item_record,
                    format!(
                        "{}; kotwicę utworzono z treści pytania",
                        not_a_slug("id", id)
                    ),
                );
            }
            ok
        });
        let base = match given {
            Some(id) => {
                let usable = unreserved(&id);
                if usable != id {
                    report.partial(
                        &item_record,
                        format!("identyfikator „{id}” jest zarezerwowany dla elementów strony; kotwicą jest „{usable}”"),
                    );
                }
                usable
            }
            None => {
                let s = slugify(&question);
                unreserved(if s.is_empty() {
                    format!("pytanie-{}", i + 1)
                } else {
                    s
                })
            }
        };
        let mut anchor = base.clone();
        if taken.contains(&anchor) {
            let n = next.entry(base.clone()).or_insert(2);
            loop {
                anchor = format!("{base}-{n}");
                *n += 1;
                if !taken.contains(&anchor) {
                    break;
                }
            }
        }
        taken.insert(anchor.clone());
        kept.push(FaqItem {
            id: Some(anchor),
            question,
            answer_html,
        });
    }
    kept
}

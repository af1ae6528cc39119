//! The documents of a split site (`docs/split-layout.md`, `schema/split/`): the publish step
//! turns the CMS's one document into an entry document (the portal and its categories with
//! their counts), a document per category (its questions' ids, titles and descriptions) and a
//! document per question (everything its page shows), so that a page reads only what it shows.
//!
//! Each is read into the same [`Guide`] the whole document gives, by the same loader: an entry
//! document gives a guide with no questions yet and [`Pages`]; a category's or a question's
//! document adds to it. What the app does not know yet is `None`, never "not there".

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::error::{DocumentError, LoadError};
use super::guide::Guide;
use super::loader::load_value;
use super::model::*;
use crate::small_map::SmallMap;
use crate::text::slug::is_slug;

/// The version of the split layout this app reads and the publish step writes.
pub const LAYOUT_VERSION: i64 = 1;

/// Where the documents are, relative to the site's root.
pub const ENTRY_PATH: &str = "dane/start.json";
pub fn category_path(id: &str) -> String {
    format!("dane/kategorie/{id}.json")
}
pub fn question_path(id: &str) -> String {
    format!("dane/pytania/{id}.json")
}

/// A question as a list shows it: its id, title and short description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listed {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Listed {
    pub fn of(q: &Question) -> Listed {
        Listed {
            id: q.id.clone(),
            title: q.title.clone(),
            description: None,
        }
    }
}

/// What a guide read from a split site knows beyond the questions it holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pages {
    /// Each category's number of questions.
    pub counts: SmallMap<String, usize>,
    /// The questions of each category read so far.
    pub lists: SmallMap<String, Vec<Listed>>,
    /// The related questions of each question read so far.
    pub related: SmallMap<String, Vec<Listed>>,
    /// The pages whose documents the server does not have (404): not in the guide.
    pub missing: Vec<String>,
    /// The pages whose documents could not be had, and why (no network and no kept copy…).
    pub failed: SmallMap<String, LoadError>,
}

/// A category with its number of questions, in the entry document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountedCategory {
    #[serde(flatten)]
    pub category: Category,
    pub questions: usize,
}

/// `dane/start.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryDocument {
    pub layout: i64,
    pub schema_version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub portal: PortalTexts,
    pub categories: Vec<CountedCategory>,
    /// The number of questions in the guide.
    pub questions: usize,
}

/// `dane/kategorie/{id}.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryDocument {
    pub layout: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub category: Category,
    pub questions: Vec<Listed>,
}

/// `dane/pytania/{id}.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionDocument {
    pub layout: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub question: Question,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<Institution>,
    #[serde(default)]
    pub related: Vec<Listed>,
}

/// What a search result shows of a question (`indeks/{build}/w{n}.json`): its id, title and
/// category, and the plain text its snippet is cut from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultFragment {
    pub id: String,
    pub title: String,
    pub category: String,
    pub text: String,
    #[serde(default)]
    pub faq: Vec<FragmentItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FragmentItem {
    pub id: String,
    pub question: String,
    pub text: String,
}

fn parse(text: &str) -> Result<Map<String, Value>, DocumentError> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| DocumentError::NotJson(e.to_string()))?;
    let Value::Object(doc) = value else {
        return Err(DocumentError::NotObject);
    };
    match doc.get("layout").and_then(Value::as_i64) {
        Some(LAYOUT_VERSION) => Ok(doc),
        Some(other) => Err(DocumentError::UnsupportedVersion(other)),
        None => Err(DocumentError::MissingVersion),
    }
}

/// Reads an entry document: a guide with the portal and categories and no question yet.
pub fn read_entry(text: &str) -> Result<Guide, DocumentError> {
    let mut doc = parse(text)?;
    let mut counts = SmallMap::default();
    if let Some(Value::Array(categories)) = doc.get("categories") {
        for c in categories {
            if let (Some(id), Some(n)) = (c["id"].as_str(), c["questions"].as_u64()) {
                counts.insert(id.to_owned(), n as usize);
            }
        }
    }
    doc.insert("questions".into(), json!([]));
    let mut guide = load_value(Value::Object(doc))?;
    guide.pages = Some(Pages {
        counts,
        ..Pages::default()
    });
    Ok(guide)
}

/// Listed questions with a usable id (the others are left out).
fn listed(value: Option<&Value>) -> Vec<Listed> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|v| serde_json::from_value::<Listed>(v.clone()).ok())
        .filter(|l| is_slug(&l.id))
        .collect()
}

/// Adds a category's document to a guide read from an entry document.
pub fn read_category(guide: &mut Guide, id: &str, text: &str) -> Result<(), DocumentError> {
    let doc = parse(text)?;
    let questions = listed(doc.get("questions"));
    if let Some(pages) = guide.pages.as_mut() {
        pages.lists.insert(id.to_owned(), questions);
    }
    Ok(())
}

/// Adds a question's document to a guide read from an entry document; the question and its
/// institution pass the loader's checks, as in a whole document.
pub fn read_question(guide: &mut Guide, id: &str, text: &str) -> Result<(), DocumentError> {
    let mut doc = parse(text)?;
    let related = listed(doc.get("related"));
    let question = doc.remove("question").unwrap_or(Value::Null);
    let institutions: Vec<Value> = doc.remove("institution").into_iter().collect();
    // The question checked as a record of a whole document with the guide's categories.
    let categories: Vec<Value> = guide
        .categories
        .iter()
        .map(|c| json!({ "id": c.id.as_str(), "name": c.name.as_str() }))
        .collect();
    let whole = json!({
        "schema_version": SUPPORTED_SCHEMA_VERSION,
        "portal": { "title": guide.portal.title.as_str() },
        "categories": categories,
        "institutions": institutions,
        "questions": [question],
    });
    let mut read = load_value(whole)?;
    let Some(question) = read.questions.pop().filter(|q| q.id == id) else {
        return Err(DocumentError::NotObject);
    };
    let institution = question
        .institution
        .as_deref()
        .and_then(|i| read.institution(i))
        .cloned();
    guide.add_question(question, institution);
    if let Some(pages) = guide.pages.as_mut() {
        pages.related.insert(id.to_owned(), related);
    }
    Ok(())
}

/// The document the page at `route` shows beyond the entry document, as a path relative to the
/// data directory; `None` for a page that needs only the entry.
pub fn document_of(route: &crate::paths::Route) -> Option<String> {
    use crate::paths::Route;
    match route {
        Route::Category(id) if is_slug(id) => Some(category_path(id)),
        Route::Question(id) if is_slug(id) => Some(question_path(id)),
        _ => None,
    }
}

/// Where the document of the page at `route` is, for a guide read from a split site.
#[derive(Debug, Clone, PartialEq)]
pub enum PageData {
    /// Read (or not needed: a whole document, a page that needs only the entry).
    Here,
    /// Not read yet.
    Coming,
    /// The server has no such document.
    Missing,
    /// It could not be had.
    Failed(LoadError),
}

/// The state of the document of the page at `route`.
pub fn page_data(guide: &Guide, route: &crate::paths::Route) -> PageData {
    let (Some(pages), Some(path)) = (&guide.pages, document_of(route)) else {
        return PageData::Here;
    };
    if pages.missing.contains(&path) {
        return PageData::Missing;
    }
    if let Some(e) = pages.failed.get(path.as_str()) {
        return PageData::Failed(e.clone());
    }
    if awaits(guide, route) {
        PageData::Coming
    } else {
        PageData::Here
    }
}

/// Whether a guide read from a split site still lacks the document of the page at `route` (it
/// has not been read, and the server has not said it does not exist, nor failed).
pub fn awaits(guide: &Guide, route: &crate::paths::Route) -> bool {
    use crate::paths::Route;
    let Some(pages) = &guide.pages else {
        return false;
    };
    let Some(path) = document_of(route) else {
        return false;
    };
    if pages.missing.contains(&path) || pages.failed.contains_key(path.as_str()) {
        return false;
    }
    match route {
        // A category the entry does not name has no page at all.
        Route::Category(id) => guide.category(id).is_some() && !pages.lists.contains_key(id),
        Route::Question(id) => guide.question(id).is_none(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paths::Route;

    const ENTRY: &str = r#"{"layout":1,"schema_version":1,"generated_at":"2026-11-30T10:00:00Z",
        "portal":{"title":"Poradnik"},
        "categories":[{"id":"zdrowie","name":"Zdrowie","questions":2}],"questions":2}"#;
    const QUESTION: &str = r#"{"layout":1,"question":{"id":"ikp","category":"zdrowie",
        "title":"Co to jest IKP?","answer_html":"<p>Konto.</p>","institution":"nfz","related":["inne"]},
        "institution":{"id":"nfz","name":"NFZ"},"related":[{"id":"inne","title":"Inne pytanie"}]}"#;

    #[test]
    fn a_split_guide_grows_page_by_page() {
        let mut guide = read_entry(ENTRY).unwrap();
        assert!(guide.questions.is_empty());
        assert_eq!(guide.categories_with_counts()[0].1, 2);
        let q = Route::Question("ikp".into());
        assert!(awaits(&guide, &q));
        assert_eq!(document_of(&q).as_deref(), Some("dane/pytania/ikp.json"));
        read_question(&mut guide, "ikp", QUESTION).unwrap();
        assert!(!awaits(&guide, &q));
        let question = guide.question("ikp").unwrap().clone();
        assert_eq!(guide.institution("nfz").unwrap().name, "NFZ");
        assert_eq!(guide.related_to(&question, 5)[0].title, "Inne pytanie");
        let c = Route::Category("zdrowie".into());
        assert!(awaits(&guide, &c));
        assert_eq!(guide.listed_in("zdrowie"), None);
        read_category(&mut guide, "zdrowie", r#"{"layout":1,"category":{"id":"zdrowie","name":"Zdrowie"},"questions":[{"id":"ikp","title":"Co to jest IKP?"},{"id":"Zły id","title":"x"}]}"#).unwrap();
        assert!(!awaits(&guide, &c));
        assert_eq!(
            guide.listed_in("zdrowie").unwrap().len(),
            1,
            "a bad id is left out"
        );
        assert!(!awaits(&guide, &Route::Category("nie-ma".into())));
    }

    #[test]
    fn foreign_or_broken_documents_are_refused() {
        assert!(matches!(
            read_entry("<html>"),
            Err(DocumentError::NotJson(_))
        ));
        assert!(matches!(
            read_entry(r#"{"layout":2}"#),
            Err(DocumentError::UnsupportedVersion(2))
        ));
        let mut guide = read_entry(ENTRY).unwrap();
        // A question document whose question is another one, or is unusable.
        assert!(read_question(&mut guide, "inne", QUESTION).is_err());
        assert!(
            read_question(&mut guide, "ikp", r#"{"layout":1,"question":{"id":"ikp"}}"#).is_err()
        );
        // Rich text stays text to be sanitised by the page, as from a whole document.
        let evil = QUESTION.replace("<p>Konto.</p>", "<img src=x onerror=alert(1)>");
        read_question(&mut guide, "ikp", &evil).unwrap();
        assert!(guide.question("ikp").is_some());
    }
}

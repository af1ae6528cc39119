//! The documents of a split site (`docs/split-layout.md`, `schema/split/`): the publish step
//! turns the CMS's one document into an entry document (the portal and its categories with
//! their counts), a document per category (its questions' ids, titles and descriptions) and a
//! document per question (everything its page shows), so that a page reads only what it shows.
//!
//! Each is read into the same [`Guide`] the whole document gives, by the same loader: an entry
//! document gives a guide with no questions yet and [`Pages`]; a category's or a question's
//! document adds to it. What the app does not know yet is `None`, never "not there".

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::error::DocumentError;
use super::guide::Guide;
use super::loader::load_value;
use super::model::*;
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
    pub counts: HashMap<String, usize>,
    /// The questions of each category read so far.
    pub lists: HashMap<String, Vec<Listed>>,
    /// The related questions of each question read so far.
    pub related: HashMap<String, Vec<Listed>>,
    /// The pages whose documents the server does not have (404): not in the guide.
    pub missing: HashSet<String>,
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

/// What a search result shows of a question (`szukaj/{build}/w{n}.json`): its id, title and
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
    let mut counts = HashMap::new();
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

/// Listed questions with a usable id and title (the others are left out).
fn listed(value: Option<&Value>) -> Vec<Listed> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|v| serde_json::from_value::<Listed>(v.clone()).ok())
        .filter(|l| is_slug(&l.id) && !l.title.trim().is_empty())
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
    let whole = json!({
        "schema_version": SUPPORTED_SCHEMA_VERSION,
        "portal": serde_json::to_value(&guide.portal).unwrap_or(Value::Null),
        "categories": serde_json::to_value(&guide.categories).unwrap_or(Value::Null),
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

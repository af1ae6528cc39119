//! The serde model of the data contract. Field names and optionality follow
//! `shared/spec/faq-data.md` one to one; `schema/faq-data.schema.json` is the same contract as a
//! JSON Schema. Unknown fields are ignored everywhere (forward compatibility).

use serde::{Deserialize, Serialize};

use crate::text::date::Date;

/// The only major version of the contract this app understands.
pub const SUPPORTED_SCHEMA_VERSION: i64 = 1;

/// A whole published document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqDocument {
    pub schema_version: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub portal: PortalTexts,
    pub categories: Vec<Category>,
    #[serde(default)]
    pub institutions: Vec<Institution>,
    pub questions: Vec<Question>,
}

/// The texts of the portal itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortalTexts {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<RootLink>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disclaimer: Option<String>,
}

/// The first breadcrumb: the site the guide belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RootLink {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Institution {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub category: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub answer_html: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faq: Vec<FaqItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_url: Option<String>,
}

impl Question {
    /// The "Ostatnia aktualizacja" date, when the record has a valid one.
    pub fn updated_date(&self) -> Option<Date> {
        self.updated.as_deref().and_then(Date::parse_iso)
    }
}

/// One item of the "Najczęściej zadawane pytania" list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaqItem {
    /// After loading this is always set: given by the CMS or derived from the question text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub question: String,
    pub answer_html: String,
}

impl FaqItem {
    /// The item's anchor in its question page.
    pub fn anchor(&self) -> &str {
        self.id.as_deref().unwrap_or_default()
    }
}

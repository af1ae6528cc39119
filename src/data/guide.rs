//! What the app shows: the valid records of a loaded document, and how to find them.

use std::fmt;

use super::model::*;

/// One thing in the document that could not be shown as the CMS wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Which record: "pytanie „abc”", "kategoria nr 3", "pytanie „abc”, pozycja FAQ nr 2".
    pub record: String,
    /// Why, in Polish.
    pub reason: String,
    /// Whether the whole record was left out (else only a field or a reference was).
    pub left_out: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.left_out {
            "pominięto wpis"
        } else {
            "wpis pokazano bez tej części"
        };
        write!(f, "{}: {} ({what})", self.record, self.reason)
    }
}

/// A loaded document: every valid record, and a report of what was left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    pub generated_at: Option<String>,
    pub portal: PortalTexts,
    pub categories: Vec<Category>,
    pub institutions: Vec<Institution>,
    pub questions: Vec<Question>,
    pub problems: Vec<Problem>,
}

impl Guide {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions of a category, in display order.
    pub fn questions_in<'a>(
        &'a self,
        category: &'a str,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions
            .iter()
            .filter(move |q| q.category == category)
    }

    /// Each category with the number of its questions, in display order.
    pub fn categories_with_counts(&self) -> Vec<(&Category, usize)> {
        self.categories
            .iter()
            .map(|c| (c, self.questions_in(&c.id).count()))
            .collect()
    }

    /// Questions to suggest after `q`: its own `related` list, or else others of its category;
    /// at most `limit`, never `q` itself.
    pub fn related_to<'a>(&'a self, q: &'a Question, limit: usize) -> Vec<&'a Question> {
        let chosen: Vec<&Question> = if q.related.is_empty() {
            self.questions_in(&q.category)
                .filter(|other| other.id != q.id)
                .collect()
        } else {
            q.related
                .iter()
                .filter_map(|id| self.question(id))
                .filter(|o| o.id != q.id)
                .collect()
        };
        chosen.into_iter().take(limit).collect()
    }

    /// How many records were left out whole.
    pub fn left_out_count(&self) -> usize {
        self.problems.iter().filter(|p| p.left_out).count()
    }

    /// The document back in the contract's shape: what a cache would store.
    pub fn to_document(&self) -> FaqDocument {
        FaqDocument {
            schema_version: SUPPORTED_SCHEMA_VERSION,
            generated_at: self.generated_at.clone(),
            portal: self.portal.clone(),
            categories: self.categories.clone(),
            institutions: self.institutions.clone(),
            questions: self.questions.clone(),
        }
    }
}

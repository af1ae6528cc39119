//! What the app shows: the valid records of a loaded document, and how to find them.

use std::fmt;

use super::model::*;
use super::split::{Listed, Pages};
use crate::small_map::SmallMap;

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
    /// The positions of `questions`, ordered by id (for finding one by id).
    by_id: Vec<u32>,
    /// The positions of each category's questions, in order (a category's questions and a
    /// question's neighbours without a scan of every question: publishing 50,000 was quadratic).
    by_category: SmallMap<String, Vec<u32>>,
    /// For a guide read from a split site (`crate::data::split`): what it has of the pages
    /// beyond the questions it holds; `None` for a whole document.
    pub pages: Option<Pages>,
}

impl Guide {
    /// A guide of these records (the loader checked them).
    pub fn new(
        generated_at: Option<String>,
        portal: PortalTexts,
        categories: Vec<Category>,
        institutions: Vec<Institution>,
        questions: Vec<Question>,
        problems: Vec<Problem>,
    ) -> Guide {
        let mut guide = Guide {
            generated_at,
            portal,
            categories,
            institutions,
            questions,
            problems,
            by_id: Vec::new(),
            by_category: SmallMap::default(),
            pages: None,
        };
        guide.index_ids();
        guide
    }

    /// Orders `by_id` anew (a whole document once; a split guide after each question it reads).
    fn index_ids(&mut self) {
        let questions = &self.questions;
        self.by_id = crate::search::order::sorted_indices(questions.len(), &|a, b| {
            questions[a].id.cmp(&questions[b].id)
        })
        .into_iter()
        .map(|i| i as u32)
        .collect();
        let mut by_category: SmallMap<String, Vec<u32>> = SmallMap::default();
        for (i, q) in self.questions.iter().enumerate() {
            match by_category.get_mut(q.category.as_str()) {
                Some(list) => list.push(i as u32),
                None => by_category.insert(q.category.clone(), vec![i as u32]),
            }
        }
        self.by_category = by_category;
    }

    /// Adds a question (and its institution) read from its own document, replacing an older copy.
    pub fn add_question(&mut self, question: Question, institution: Option<Institution>) {
        if let Some(inst) = institution {
            match self.institutions.iter_mut().find(|i| i.id == inst.id) {
                Some(old) => *old = inst,
                None => self.institutions.push(inst),
            }
        }
        match self.position(&question.id) {
            Some(i) => self.questions[i] = question,
            None => {
                self.questions.push(question);
                self.index_ids();
            }
        }
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.position(id).map(|i| &self.questions[i])
    }

    fn position(&self, id: &str) -> Option<usize> {
        let at = self
            .by_id
            .partition_point(|&i| self.questions[i as usize].id.as_str() < id);
        let i = *self.by_id.get(at)? as usize;
        (self.questions[i].id == id).then_some(i)
    }

    /// The questions of a category, in display order.
    pub fn questions_in<'a>(
        &'a self,
        category: &'a str,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.by_category
            .get(category)
            .into_iter()
            .flatten()
            .map(|&i| &self.questions[i as usize])
    }

    /// The ids and titles of a category's questions, in display order; `None` while a split
    /// guide has not read the category's document.
    pub fn listed_in(&self, category: &str) -> Option<Vec<Listed>> {
        match &self.pages {
            Some(pages) => pages.lists.get(category).cloned(),
            None => Some(self.questions_in(category).map(Listed::of).collect()),
        }
    }

    /// Each category with the number of its questions, in display order.
    pub fn categories_with_counts(&self) -> Vec<(&Category, usize)> {
        self.categories
            .iter()
            .map(|c| {
                let n = match &self.pages {
                    Some(pages) => pages.counts.get(c.id.as_str()).copied().unwrap_or(0),
                    None => self.questions_in(&c.id).count(),
                };
                (c, n)
            })
            .collect()
    }

    /// Questions to suggest after `q`: its own `related` list, or else others of its category;
    /// at most `limit`, never `q` itself.
    pub fn related_to(&self, q: &Question, limit: usize) -> Vec<Listed> {
        if let Some(pages) = &self.pages {
            return pages.related.get(&q.id).cloned().unwrap_or_default();
        }
        if q.related.is_empty() {
            self.questions_in(&q.category)
                .filter(|other| other.id != q.id)
                .take(limit)
                .map(Listed::of)
                .collect()
        } else {
            q.related
                .iter()
                .filter_map(|id| self.question(id))
                .filter(|o| o.id != q.id)
                .take(limit)
                .map(Listed::of)
                .collect()
        }
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

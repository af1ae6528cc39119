//! The split site (`crate::data::split`, `docs/split-layout.md`): the entry document, a
//! document per category and per question, and the search index in files
//! (`crate::site::search_files`). Written next to the whole
//! document, which small portals and simple hosting keep using.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::data::split::{
    category_path, question_path, CategoryDocument, CountedCategory, EntryDocument, Listed,
    QuestionDocument, ENTRY_PATH, LAYOUT_VERSION,
};
use crate::data::{Guide, SUPPORTED_SCHEMA_VERSION};
use crate::search::plain_text::plain_text;
use crate::site::description::description;
use crate::site::search_files::write_search;

/// What was written, for the report.
pub struct SplitSummary {
    pub documents: usize,
    pub search_files: usize,
    pub search_bytes: u64,
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("the split documents serialise")
}

/// Writes the split documents and the search index of `guide` under `out`, adding every file it
/// writes to `kept` (the caller removes the rest of `dane/` afterwards); old builds of the index
/// are removed once the new manifest is in place.
pub fn write_split(
    guide: &Guide,
    out: &Path,
    kept: &mut HashSet<PathBuf>,
    write: &dyn Fn(&Path, &[u8]) -> Result<(), String>,
) -> Result<SplitSummary, String> {
    let mut documents = 0;
    let mut put = |rel: &str, bytes: Vec<u8>| -> Result<(), String> {
        let path = out.join(rel);
        write(&path, &bytes)?;
        kept.insert(path);
        documents += 1;
        Ok(())
    };
    let counts = guide.categories_with_counts();
    put(
        ENTRY_PATH,
        json(&EntryDocument {
            layout: LAYOUT_VERSION,
            schema_version: SUPPORTED_SCHEMA_VERSION,
            generated_at: guide.generated_at.clone(),
            portal: guide.portal.clone(),
            categories: counts
                .iter()
                .map(|(c, n)| CountedCategory {
                    category: (*c).clone(),
                    questions: *n,
                })
                .collect(),
            questions: guide.questions.len(),
        }),
    )?;
    for category in &guide.categories {
        let questions = guide
            .questions_in(&category.id)
            .map(|q| Listed {
                id: q.id.clone(),
                title: q.title.clone(),
                description: Some(description(&plain_text(&q.answer_html)))
                    .filter(|d| !d.is_empty()),
            })
            .collect();
        put(
            &category_path(&category.id),
            json(&CategoryDocument {
                layout: LAYOUT_VERSION,
                generated_at: guide.generated_at.clone(),
                category: category.clone(),
                questions,
            }),
        )?;
    }
    for q in &guide.questions {
        put(
            &question_path(&q.id),
            json(&QuestionDocument {
                layout: LAYOUT_VERSION,
                generated_at: guide.generated_at.clone(),
                question: q.clone(),
                institution: q
                    .institution
                    .as_deref()
                    .and_then(|i| guide.institution(i))
                    .cloned(),
                related: guide.related_to(q, 5),
            }),
        )?;
    }

    let (search_files, search_bytes) = write_search(guide, out, write)?;
    Ok(SplitSummary {
        documents,
        search_files,
        search_bytes,
    })
}

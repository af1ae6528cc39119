//! The split site (`crate::data::split`, `docs/split-layout.md`): the entry document, a
//! document per category and per question, and the search index in files
//! (`crate::search::index::split`) with a fragment per result. Written next to the whole
//! document, which small portals and simple hosting keep using.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::data::split::{
    category_path, question_path, CategoryDocument, CountedCategory, EntryDocument, FragmentItem,
    Listed, QuestionDocument, ResultFragment, ENTRY_PATH, LAYOUT_VERSION,
};
use crate::data::{Guide, SUPPORTED_SCHEMA_VERSION};
use crate::search::index::split::{split, MANIFEST_PATH};
use crate::search::plain_text::plain_text;
use crate::search::{document_iter, SearchIndex};
use crate::site::description::description;

/// The directory of the search index's builds.
const SEARCH_DIR: &str = "szukaj";

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

    // The search index, built once here by the app's own engine.
    let index = SearchIndex::build_from(document_iter(guide));
    let files = split(&index);
    drop(index);
    let build = out.join(SEARCH_DIR).join(&files.manifest.build);
    let mut search_bytes = 0u64;
    for (name, bytes) in &files.files {
        write(&build.join(name), bytes)?;
        search_bytes += bytes.len() as u64;
    }
    for (n, q) in guide.questions.iter().enumerate() {
        let fragment = json(&ResultFragment {
            id: q.id.clone(),
            title: q.title.clone(),
            category: q.category.clone(),
            text: plain_text(&q.answer_html),
            faq: q
                .faq
                .iter()
                .map(|f| FragmentItem {
                    id: f.anchor().to_owned(),
                    question: f.question.clone(),
                    text: plain_text(&f.answer_html),
                })
                .collect(),
        });
        search_bytes += fragment.len() as u64;
        write(&build.join(fragment_file(n)), &fragment)?;
    }
    // The manifest last: until it is replaced, browsers keep reading the previous build.
    write(&out.join(MANIFEST_PATH), &json(&files.manifest))?;
    let dir = out.join(SEARCH_DIR);
    for entry in fs::read_dir(&dir).map_err(|e| e.to_string())?.flatten() {
        if entry.path().is_dir() && entry.file_name() != files.manifest.build.as_str() {
            fs::remove_dir_all(entry.path()).map_err(|e| {
                format!(
                    "nie można usunąć starego indeksu {}: {e}",
                    entry.path().display()
                )
            })?;
        }
    }
    Ok(SplitSummary {
        documents,
        search_files: files.files.len() + guide.questions.len() + 1,
        search_bytes,
    })
}

/// The result fragment of the `n`th question (as the index numbers them), in its build's
/// directory.
pub fn fragment_file(n: usize) -> String {
    format!("w{n}.json")
}

//! The search index of a published site, in files (`crate::search::index::split`,
//! `docs/split-layout.md`): built once by the app's own engine, written under `indeks/{build}/`
//! with a fragment per result, the manifest `indeks/spis.json` last.

use std::fs;
use std::path::Path;

use crate::data::split::{FragmentItem, ResultFragment};
use crate::data::Guide;
use crate::search::index::split::{build_dir, content_name, split, Manifest, MANIFEST_PATH};
use crate::search::plain_text::plain_text;
use crate::search::{document_iter, SearchIndex};

/// The directory of the search index's builds.
const SEARCH_DIR: &str = "indeks";

/// The result fragment of the `n`th question (as the index numbers them), in its build's
/// directory.
pub fn fragment_file(n: usize) -> String {
    format!("w{n}.json")
}

/// Writes the search index of `guide` under `out` with `write`. The build is named by all of its
/// content, fragments included (its files never change under one name); the previous build stays
/// until the next run, for readers that still have the previous manifest. The number of files and
/// their bytes.
pub fn write_search(
    guide: &Guide,
    out: &Path,
    write: &dyn Fn(&Path, &[u8]) -> Result<(), String>,
) -> Result<(usize, u64), String> {
    // Built once here by the app's own engine.
    let index = SearchIndex::build_from(document_iter(guide));
    let mut files = split(&index);
    drop(index);
    let fragments: Vec<Vec<u8>> = guide
        .questions
        .iter()
        .map(|q| {
            serde_json::to_vec(&ResultFragment {
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
            })
            .expect("a result fragment serialises")
        })
        .collect();
    files.manifest.build = content_name(
        [files.manifest.build.as_bytes()]
            .into_iter()
            .chain(fragments.iter().map(Vec::as_slice)),
    );
    let build = out.join(build_dir(&files.manifest.build));
    let mut bytes = 0u64;
    for (name, content) in &files.files {
        write(&build.join(name), content)?;
        bytes += content.len() as u64;
    }
    for (n, fragment) in fragments.iter().enumerate() {
        write(&build.join(fragment_file(n)), fragment)?;
        bytes += fragment.len() as u64;
    }
    let manifest_path = out.join(MANIFEST_PATH);
    let previous: Option<Manifest> = fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    // The manifest last: until it is replaced, browsers keep reading the previous build.
    let manifest = serde_json::to_vec(&files.manifest).expect("the manifest serialises");
    write(&manifest_path, &manifest)?;
    let keep = [
        Some(files.manifest.build.as_str()),
        previous.as_ref().map(|m| m.build.as_str()),
    ];
    for entry in fs::read_dir(out.join(SEARCH_DIR))
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name();
        if entry.path().is_dir() && !keep.contains(&name.to_str()) {
            fs::remove_dir_all(entry.path()).map_err(|e| {
                format!(
                    "nie można usunąć starego indeksu {}: {e}",
                    entry.path().display()
                )
            })?;
        }
    }
    Ok((
        files.files.len() + fragments.len() + 1,
        bytes + manifest.len() as u64,
    ))
}

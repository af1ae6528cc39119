//! The publish step: the CMS's one document → a static site. For every page of the guide
//! (`crate::site::files`) it writes an HTML file rendered by the app's own components
//! (`render`), with the page's head tags, and the page's fragment for a CMS that includes the
//! guide in its own pages; then the data, `sitemap.xml` and `robots.txt`. It checks the document
//! with the app's own loader first: a document the app would refuse stops it, with the reason
//! in Polish; a bad record is reported and left out, as in the browser.
//!
//! Run by `make site` (`src/bin/publish.rs`), after `trunk build` has put the app in place.

mod render;
mod split;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::data::{load_document, LoadError};
use crate::paths::{Paths, Route, CATEGORY_SEGMENT, QUESTION_SEGMENT};
use crate::router::Address;
use crate::site::files::{file_of, fragment_file_of, pages, FRAGMENTS_DIR};
use crate::site::origin_of;
use crate::site::shell::{PageParts, Shell};
use crate::site::sitemap::{robots_txt, sitemap_xml, SitemapEntry};

pub use render::{render, Rendered};

/// What the step needs.
pub struct Options {
    /// The CMS's document (`faq.json`).
    pub data: PathBuf,
    /// The site's directory, holding the app as `trunk build` wrote it (`index.html` and
    /// `zglos-pytanie.html` are the shells; see `crate::site::shell`).
    pub out: PathBuf,
    /// The site's public address, e.g. "https://poradnik.wroclaw.pl/" or
    /// "https://www.wroclaw.pl/poradnik/": canonical addresses and the base path come from it.
    pub site_url: String,
}

/// What the step did, for its report.
pub struct Summary {
    pub pages: usize,
    /// The split site's documents, and the search index's files and bytes.
    pub documents: usize,
    pub search_files: usize,
    pub search_bytes: u64,
    pub problems: Vec<String>,
}

/// Where the data goes, relative to the site (the app's default `data-faq-url`).
const DATA_FILE: &str = "data/faq.json";

pub fn run(options: &Options) -> Result<Summary, String> {
    // leptos_meta's head output is a stream: polled by futures' executor (once per process).
    let _ = any_spawner::Executor::init_futures_executor();
    let site_url = if options.site_url.ends_with('/') {
        options.site_url.clone()
    } else {
        format!("{}/", options.site_url)
    };
    // Written as browsers write it (ASCII, percent-encoded, lower-case host), without a user
    // name: canonical addresses, the sitemap and the base path the app compares are this text.
    let plain = site_url
        .chars()
        .all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'));
    let authority = site_url
        .split("//")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or("");
    if !plain || authority.contains('@') || authority.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("SITE_URL „{site_url}” trzeba podać tak, jak zapisuje go przeglądarka: bez polskich liter i spacji (zakodowane %XX, domena w punycode), małymi literami w nazwie domeny, bez nazwy użytkownika"));
    }
    let origin = origin_of(&site_url)
        .ok_or_else(|| {
            format!(
                "SITE_URL „{site_url}” nie jest adresem http(s), np. https://poradnik.wroclaw.pl/"
            )
        })?
        .to_owned();
    let base = site_url[origin.len()..].to_owned();
    if !base.starts_with('/') || base.contains(['?', '#']) {
        return Err(format!("SITE_URL „{site_url}” ma zapytanie lub kotwicę; podaj sam adres strony, np. https://poradnik.wroclaw.pl/"));
    }
    let text = fs::read_to_string(&options.data).map_err(|e| {
        format!(
            "nie można odczytać pliku danych {}: {e}",
            options.data.display()
        )
    })?;
    let guide = load_document(&text).map_err(|e| {
        format!(
            "aplikacja nie przyjęłaby tego dokumentu, więc nic nie opublikowano. {}",
            LoadError::Document(e).message()
        )
    })?;
    let problems: Vec<String> = guide.problems.iter().map(ToString::to_string).collect();
    let guide = Arc::new(guide);
    let out = &options.out;
    let shell = read_shell(&out.join("index.html"))?;
    let form_shell = read_shell(&out.join("zglos-pytanie.html"))?;

    // The pages read the split documents beside them (`split`), not the whole document.
    let mut attributes = vec![
        ("data-site-url", site_url.clone()),
        ("data-split-url", base.clone()),
    ];
    // How new the document behind these pages is: the app takes a page over only with data at
    // least as new (a CDN may still serve the previous document for a while).
    if let Some(at) = &guide.generated_at {
        attributes.push(("data-generated-at", at.clone()));
    }
    if base != "/" {
        attributes.push(("data-base-path", base.clone()));
    }
    // The settings the site's own index.html gives the app (data-submit-url…), and ours.
    let site_config = Config::from_attributes(
        |name| {
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .or_else(|| shell.attribute(name).map(str::to_owned))
        },
        &base,
        "",
    );
    if let Some(warning) = site_config.warnings.first() {
        return Err(format!(
            "ustawienie poradnika w szablonie strony: {warning}"
        ));
    }
    let fragment_config = Config {
        paths: Paths::in_any_host_page(),
        manage_title: false,
        ..site_config.clone()
    };

    let routes = pages(&guide);
    let no_app = no_app_stylesheet(&base);
    // Every page is written over its old file, so the site stays whole while the step runs.
    let mut kept = HashSet::new();
    for route in routes.iter().chain([&Route::NotFound]) {
        let link = site_config.paths.link_to(route);
        let address = match &link {
            Some(link) => address_of(link),
            // The page of an address that names no page.
            None => Address {
                pathname: format!("{base}404"),
                search: String::new(),
            },
        };
        let page = render(&guide, &site_config, &origin, address);
        let shell = if matches!(route, Route::Ask(_)) {
            &form_shell
        } else {
            &shell
        };
        let html = shell.page(&PageParts {
            head: &format!("{}{no_app}", page.head),
            mount_attributes: &attributes,
            body: &page.body,
        });
        write(&out.join(file_of(route)), &html)?;
        kept.insert(out.join(file_of(route)));
        if link.is_some() {
            let rel = fragment_config.paths.link_to(route).unwrap_or_default();
            let (_, search) = rel.split_once('?').unwrap_or(("", ""));
            let fragment = render(
                &guide,
                &fragment_config,
                &origin,
                Address {
                    pathname: "/".into(),
                    search: format!("?{search}"),
                },
            );
            write(&out.join(fragment_file_of(route)), &fragment.body)?;
            kept.insert(out.join(fragment_file_of(route)));
        }
    }

    write(&out.join(DATA_FILE), &text)?;
    let split = split::write_split(&guide, out, &mut kept, &|path, bytes| {
        write_bytes(path, bytes)
    })?;
    // Each question's day, by id (a lookup per question would be quadratic in a large guide).
    let updated: HashMap<&str, String> = guide
        .questions
        .iter()
        .filter_map(|q| Some((q.id.as_str(), q.updated_date()?.iso())))
        .collect();
    let entries: Vec<SitemapEntry> = routes
        .iter()
        .filter(|r| !matches!(r, Route::Search(_) | Route::Ask(_)))
        .map(|r| SitemapEntry {
            loc: format!(
                "{origin}{}",
                site_config.paths.link_to(r).unwrap_or_default()
            ),
            lastmod: match r {
                Route::Question(id) => updated.get(id.as_str()).cloned(),
                _ => None,
            },
        })
        .collect();
    write(&out.join("sitemap.xml"), &sitemap_xml(&entries))?;
    write(
        &out.join("robots.txt"),
        &robots_txt(&format!("{site_url}sitemap.xml")),
    )?;
    // The page directories are the step's own: a question no longer in the document loses its
    // page (and a crawler gets 404 for it) instead of keeping a stale one, once the rest is there.
    for dir in [CATEGORY_SEGMENT, QUESTION_SEGMENT, FRAGMENTS_DIR, "dane"] {
        remove_stale(&out.join(dir), &kept)?;
    }
    Ok(Summary {
        pages: routes.len() + 1, // and 404.html
        problems,
        documents: split.documents,
        search_files: split.search_files,
        search_bytes: split.search_bytes,
    })
}

/// Without scripts (or when the app cannot start) every FAQ answer is open: the stylesheet
/// `scripts/finish-dist.mjs` writes from style/no-app.css.
fn no_app_stylesheet(base: &str) -> String {
    let base = crate::site::escape_html(base);
    format!("<noscript><link rel=\"stylesheet\" href=\"{base}bez-aplikacji.css\"></noscript>")
}

fn address_of(link: &str) -> Address {
    let (pathname, query) = link.split_once('?').unwrap_or((link, ""));
    Address {
        pathname: pathname.to_owned(),
        search: if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        },
    }
}

fn read_shell(path: &Path) -> Result<Shell, String> {
    let html = fs::read_to_string(path).map_err(|e| {
        format!(
            "nie można odczytać szablonu strony {} (czy aplikacja jest zbudowana? make dist): {e}",
            path.display()
        )
    })?;
    Shell::parse(&html).map_err(|e| format!("{}: {e}", path.display()))
}

/// Removes every file under `dir` that is not in `kept` (and directories left empty).
fn remove_stale(dir: &Path, kept: &HashSet<PathBuf>) -> Result<(), String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            remove_stale(&path, kept)?;
            let _ = fs::remove_dir(&path); // only when empty
        } else if !kept.contains(&path) {
            fs::remove_file(&path)
                .map_err(|e| format!("nie można usunąć starej strony {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn write(path: &Path, content: &str) -> Result<(), String> {
    write_bytes(path, content.as_bytes())
}

fn write_bytes(path: &Path, content: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)
            .map_err(|e| format!("nie można utworzyć katalogu {}: {e}", dir.display()))?;
    }
    fs::write(path, content).map_err(|e| format!("nie można zapisać pliku {}: {e}", path.display()))
}

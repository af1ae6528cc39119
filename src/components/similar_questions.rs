//! While a resident types a question, up to five questions of the guide that may already answer
//! it, found by the search engine, so that they can stop there.

use web_sys::Element;

use crate::data::Guide;
use crate::dom;
use crate::paths::Paths;
use crate::search::index::is_searchable;
use crate::search::SearchIndex;

const SHOWN: usize = 5;

/// Fills `container` with links to the guide's questions closest to `question`, or empties it
/// (a question too short to say much, no match, or no index yet).
pub fn render_similar_questions(
    container: &Element,
    guide: &Guide,
    index: Option<&SearchIndex>,
    question: &str,
    paths: &Paths,
) {
    dom::clear(container);
    // A finished thought, not the first letters: the last word is matched whole.
    let text = format!("{} ", question.trim());
    let Some(index) = index.filter(|_| text.trim().chars().count() >= 10 && is_searchable(&text))
    else {
        return;
    };
    let hits = index.search(&text, SHOWN).hits;
    if hits.is_empty() {
        return;
    }
    let section = dom::titled_section(
        container,
        "pm-similar-questions",
        "Może odpowiedź już jest w poradniku",
    );
    let list = dom::add(&section, "ul", "pm-similar-questions__list");
    for q in hits.iter().filter_map(|h| guide.questions.get(h.doc)) {
        let item = dom::add(&list, "li", "");
        let link = dom::add_text(&item, "a", "", &q.title);
        dom::attrs(&link, &[("href", &paths.question(&q.id))]);
    }
}

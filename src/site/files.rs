//! Which pages the published site has, and the file each one is: a static host (Netlify,
//! Cloudflare Pages, GitHub Pages; nginx with `try_files $uri $uri.html`) serves the address
//! `{base}pytanie/abc` from `pytanie/abc.html` without any rewrite rule. Ids are slugs (the
//! loader refuses anything else), so a file name never leaves its directory.

use crate::data::Guide;
use crate::paths::{
    AskPrefill, Route, ASK_SEGMENT, CATEGORY_SEGMENT, QUESTION_SEGMENT, SEARCH_SEGMENT,
};

/// The directory that holds each page's fragment: what goes inside the mount element, for a CMS
/// that includes the guide in its own page.
pub const FRAGMENTS_DIR: &str = "fragmenty";

/// Every page of the guide: home, each category, each question, the search page and the form.
pub fn pages(guide: &Guide) -> Vec<Route> {
    let mut routes = vec![Route::Home];
    routes.extend(
        guide
            .categories
            .iter()
            .map(|c| Route::Category(c.id.clone())),
    );
    routes.extend(
        guide
            .questions
            .iter()
            .map(|q| Route::Question(q.id.clone())),
    );
    routes.push(Route::Search(String::new()));
    routes.push(Route::Ask(AskPrefill::default()));
    routes
}

/// The file of a page, relative to the site's directory; [`Route::NotFound`] is `404.html`, what
/// static hosts answer for any other address.
pub fn file_of(route: &Route) -> String {
    match route {
        Route::Home => "index.html".into(),
        Route::Category(id) => format!("{CATEGORY_SEGMENT}/{id}.html"),
        Route::Question(id) => format!("{QUESTION_SEGMENT}/{id}.html"),
        Route::Search(_) => format!("{SEARCH_SEGMENT}.html"),
        Route::Ask(_) => format!("{ASK_SEGMENT}.html"),
        Route::NotFound => "404.html".into(),
    }
}

/// The file of a page's fragment, relative to the site's directory.
pub fn fragment_file_of(route: &Route) -> String {
    format!("{FRAGMENTS_DIR}/{}", file_of(route))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_has_a_file_at_its_address() {
        assert_eq!(file_of(&Route::Home), "index.html");
        assert_eq!(
            file_of(&Route::Question("dowod-osobisty".into())),
            "pytanie/dowod-osobisty.html"
        );
        assert_eq!(
            file_of(&Route::Category("zdrowie".into())),
            "kategoria/zdrowie.html"
        );
        assert_eq!(file_of(&Route::Search("x".into())), "szukaj.html");
        assert_eq!(
            file_of(&Route::Ask(AskPrefill::default())),
            "zglos-pytanie.html"
        );
        assert_eq!(file_of(&Route::NotFound), "404.html");
        assert_eq!(
            fragment_file_of(&Route::Question("a".into())),
            "fragmenty/pytanie/a.html"
        );
    }
}

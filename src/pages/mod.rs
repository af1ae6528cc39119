//! One component per route. Each reads what it needs from the loaded data and hands it to the
//! components; none of them fetches or decides anything itself.

mod ask;
mod category_page;
mod form_elsewhere;
mod home_page;
mod not_found_page;
mod question_page;
mod search_page;

pub use ask::{ask_page, AskPage};
pub use category_page::CategoryPage;
pub use form_elsewhere::{form_bundle_started, FormElsewhere};
pub use home_page::HomePage;
pub use not_found_page::{NotFound, NotFoundPage};
pub use question_page::QuestionPage;
pub use search_page::SearchPage;

use crate::components::breadcrumbs::Crumb;
use crate::data::Guide;
use crate::paths::Paths;

/// The first steps of every page's breadcrumbs: the portal's root (if the data names one) and the
/// guide's home page.
fn base_crumbs(guide: &Guide, paths: &Paths) -> Vec<Crumb> {
    let mut crumbs = Vec::new();
    if let Some(root) = &guide.portal.root {
        crumbs.push(Crumb {
            label: root.label.clone(),
            href: root.url.clone(),
            external: true,
        });
    }
    crumbs.push(Crumb {
        label: guide.portal.title.clone(),
        href: paths.home(),
        external: false,
    });
    crumbs
}

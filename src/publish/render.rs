//! One page of the guide rendered to HTML on the host, by the app's own frame and pages
//! (`crate::app::Frame`), with Leptos's `ssr` feature: the same components the browser runs,
//! so the published page and the app cannot drift. Head tags come from the pages' `PageHead`
//! through leptos_meta's server context.

use std::sync::Arc;

use futures::StreamExt;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;

use crate::app::Frame;
use crate::config::Config;
use crate::data::Guide;
use crate::router::{provide_fixed_router, Address};
use crate::state::{AppContext, GuideState};

/// A page as HTML: its head tags, and what goes inside the mount element.
pub struct Rendered {
    pub head: String,
    pub body: String,
}

/// Renders the page at `address` (path and query, as the browser would show them) of `guide`,
/// with `config` as the mount element's attributes would give it.
pub fn render(guide: &Arc<Guide>, config: &Config, origin: &str, address: Address) -> Rendered {
    let owner = Owner::new();
    let rendered = owner.with(|| {
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        leptos_meta::provide_meta_context();
        let ctx = AppContext::new(config.clone());
        ctx.guide.set(GuideState::Ready(guide.clone()));
        provide_context(ctx);
        provide_fixed_router(config.paths.clone(), origin.to_owned(), address);
        let body = view! { <Frame form=Some(crate::pages::ask_page)/> }.to_html();
        let head = futures::executor::block_on(async move {
            let shell = futures::stream::iter(["<head></head>".to_owned()]);
            output
                .inject_meta_context(shell)
                .await
                .collect::<String>()
                .await
        });
        let head = head
            .trim_start_matches("<head>")
            .trim_end_matches("</head>")
            .to_owned();
        Rendered { head, body }
    });
    owner.cleanup();
    rendered
}

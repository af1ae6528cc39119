//! Rich text from the CMS: an untrusted HTML fragment, rendered only through the contract's
//! allow-list, never through `innerHTML`.
//!
//! The fragment is parsed inertly by the browser ([`parse`], the only part that touches the DOM;
//! on the host, for the publish step, by html5ever: `parse_host.rs`),
//! turned into a [`RawNode`] tree, and [`sanitize`]d into [`RichNode`]s that the `RichText`
//! component renders as ordinary Leptos elements.

pub mod policy;
pub mod tree;

#[cfg(target_arch = "wasm32")]
pub mod parse;
/// The same parse on the host, for the publish step.
#[cfg(all(feature = "ssr", not(target_arch = "wasm32")))]
#[path = "parse_host.rs"]
pub mod parse;

pub use tree::{sanitize, RawNode, RichNode, Tag};

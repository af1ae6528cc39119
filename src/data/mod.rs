//! The FAQ data contract (`shared/spec/faq-data.md`, version 1): its model, and the lenient loader
//! that turns a published document into what the app shows. No browser code lives here.

pub mod error;
pub mod guide;
pub mod loader;
pub mod model;
pub mod split;

pub use error::{DocumentError, LoadError};
pub use guide::{Guide, Problem};
pub use loader::load_document;
pub use model::*;

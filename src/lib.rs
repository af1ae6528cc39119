//! Poradnik Mieszkańca: the resident's guide of Wrocław's city portal.
//!
//! The crate is split by what touches the browser:
//! - plain Rust, tested on the host with `cargo test`: [`data`] (the contract and its lenient
//!   loader), [`text`] (folding, slugs, dates), [`rich_text`] (the allow-list), [`config`] and
//!   [`paths`], [`submission`] (the question form's rules, request and answers);
//! - the browser side, kept thin: [`app`] (data fetching and routes), [`pages`] (one per route),
//!   [`components`] (one per thing a resident sees) and [`browser`] (small DOM helpers), [`sending`] (the form's request).

pub mod config;
pub mod data;
pub mod paths;
pub mod request_error;
pub mod rich_text;
pub mod schedule;
pub mod search;
pub mod submission;
pub mod text;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod navigation;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod request;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod sending;

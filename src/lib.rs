//! Poradnik Mieszkańca: the resident's guide of Wrocław's city portal.
//!
//! The crate is split by what touches the browser:
//! - plain Rust, tested on the host with `cargo test`: [`data`] (the contract and its lenient
//!   loader), [`text`] (folding, slugs, dates), [`rich_text`] (the allow-list), [`config`],
//!   [`paths`] and [`url`], [`search`], [`schedule`] (opening hours), [`submission`] (the question
//!   form's rules, request and answers), [`feedback`] (the "Czy ta odpowiedź była pomocna?"
//!   votes), [`request_error`];
//! - the browser side, kept thin: [`app`] (the frame and its routes), [`state`] (what every page
//!   shares, and loading the data), [`pages`] (one per route), [`components`] (one per thing a
//!   resident sees), [`router`] and [`navigation`] (our small router, focus and scroll),
//!   [`request`] (every request, through gloo-net), [`sending`] (the form's request) and
//!   [`browser`] (small DOM helpers);
//! - [`site`] (plain Rust: descriptions, structured data, the sitemap, each page's file) and
//!   [`publish`] (the publish step: the same components rendered to HTML on the host, with the
//!   `ssr` feature; `src/bin/publish.rs`).

// The server renderer resolves each view's whole type (the question form's is deep).
#![cfg_attr(feature = "ssr", recursion_limit = "256")]

pub mod config;
pub mod data;
pub mod feedback;
pub mod paths;
pub mod request_error;
pub mod rich_text;
pub mod schedule;
pub mod search;
pub mod site;
pub mod small_map;
pub mod submission;
pub mod text;
pub mod url;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod components;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod navigation;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod publish;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod request;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod router;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod sending;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod state;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod takeover;

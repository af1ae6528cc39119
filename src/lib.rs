//! Poradnik Mieszkańca: the resident's guide of Wrocław's city portal.
//!
//! The crate is split by what touches the browser:
//! - plain Rust, tested on the host with `cargo test`: [`data`] (the contract and its lenient
//!   loader), [`text`] (folding, slugs, dates), [`rich_text`] (the allow-list), [`config`],
//!   [`paths`] and [`url`], [`search`], [`schedule`] (opening hours), [`submission`] (the question
//!   form's rules, request and answers), [`request_error`];
//! - the browser side, kept thin: [`app`] (the frame and its routes), [`state`] (what every page
//!   shares, and loading the data), [`pages`] (one per route), [`components`] (one per thing a
//!   resident sees), [`router`] and [`navigation`] (our small router, focus and scroll),
//!   [`request`] (every request, through gloo-net), [`sending`] (the form's request) and
//!   [`browser`] (small DOM helpers).

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
pub mod navigation;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod request;
#[cfg(target_arch = "wasm32")]
pub mod router;
#[cfg(target_arch = "wasm32")]
pub mod sending;
#[cfg(target_arch = "wasm32")]
pub mod state;

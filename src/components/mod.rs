//! Reusable components, one per file, each named after what a resident sees. Their styles live in
//! `style/<file name>.css`.

pub mod ask_banner;
pub mod breadcrumbs;
pub mod category_list;
pub mod contact_card;
pub mod copy_link_button;
pub mod data_error;
pub mod data_problems;
pub mod disclaimer;
pub mod editor_link;
pub mod error_summary;
pub mod faq_accordion;
pub mod guide_loader;
pub mod loading_state;
pub mod notice_banner;
pub mod opening_status;
pub mod page_address;
pub mod privacy_notice;
pub mod question_list;
pub mod related_questions;
pub mod rich_text;
pub mod search_box;
pub mod search_results;
pub mod similar_questions;
pub mod skip_link;
pub mod update_date;

//! Reusable components, one per file, each named after what a resident sees. Their styles live in
//! `style/<file name>.css`.

pub mod breadcrumbs;
pub mod category_list;
pub mod contact_card;
pub mod data_error;
pub mod data_problems;
pub mod disclaimer;
pub mod faq_list;
pub mod guide_loader;
pub mod loading_state;
pub mod notice_banner;
pub mod question_list;
pub mod rich_text;
pub mod update_date;

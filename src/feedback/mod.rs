//! "Czy ta odpowiedź była pomocna?": the rules of the feedback contract
//! (`shared/spec/feedback.md`) as plain Rust: a vote and its request body, the comment's limit
//! with its Polish message, what each answer of the endpoint means, and the votes this browser
//! keeps (one per question, sent again until the endpoint has them). The widget
//! (`crate::components::feedback_widget`) and the sender (`crate::state::feedback`) wire these to
//! the page.

pub mod kept;
pub mod reply;
pub mod vote;

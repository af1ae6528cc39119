//! "Zgłoś swoje pytanie": the rules of the question form and of its contract
//! (`shared/spec/question-submission.md`), as plain Rust: validation with Polish messages, the
//! request body, what each response means, `Retry-After`, the e-mail fallback, the draft. The form
//! page (`crate::pages::ask`, in the form's own bundle) wires these to the page.

pub mod draft;
pub mod outcome;
pub mod rules;

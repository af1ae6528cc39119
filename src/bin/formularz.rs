//! The question form's bundle: every page of the guide and the form "Zgłoś swoje pytanie", which
//! the reading pages' bundle (`src/main.rs`) leaves out. The loader starts this one when the
//! address it opens is the form's (links to the form always open a new tab).
#[cfg(target_arch = "wasm32")]
fn main() {
    poradnik::app::start(Some(poradnik::pages::ask_page));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Poradnik Mieszkańca is a browser app: build it with `make serve` or `make dist`.");
}

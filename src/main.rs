#[cfg(target_arch = "wasm32")]
fn main() {
    // The reading pages; the question form is the other bundle (src/bin/formularz.rs).
    poradnik::app::start(None);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Poradnik Mieszkańca is a browser app: build it with `make serve` or `make dist`.");
}

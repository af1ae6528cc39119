#[cfg(target_arch = "wasm32")]
fn main() {
    poradnik::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Poradnik Mieszkańca is a browser app: build it with `make serve` or `make dist`.");
}

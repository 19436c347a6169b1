//! Entry point of the browser build: install the panic panel, then hydrate or mount
//! the app.
#[cfg(target_arch = "wasm32")]
fn main() {
    container_atlas::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Container Atlas runs in a browser: build it with Trunk (scripts/atlas.sh build)");
}

//! The playground's Web Worker, a second wasm built by Trunk (`data-type="worker"`):
//! all it does is in `container_atlas::worker`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the playground worker runs in a browser: build it with Trunk");
}

#[cfg(target_arch = "wasm32")]
fn main() {
    container_atlas::worker::start();
}

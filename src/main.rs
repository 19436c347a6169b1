//! Entry point of the browser build: install the panic panel, then mount the app.
fn main() {
    container_atlas::ui::start();
}

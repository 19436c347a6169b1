//! The wasm page (`/wasm`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn WasmPage() -> impl IntoView {
    view! { <SectionPage page=Page::Wasm /> }
}

//! The gpus page (`/gpus`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn GpusPage() -> impl IntoView {
    view! { <SectionPage page=Page::Gpus /> }
}

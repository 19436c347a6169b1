//! The sandboxes page (`/sandboxes`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn SandboxesPage() -> impl IntoView {
    view! { <SectionPage page=Page::Sandboxes /> }
}

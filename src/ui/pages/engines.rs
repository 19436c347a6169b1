//! The engines page (`/engines`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn EnginesPage() -> impl IntoView {
    view! { <SectionPage page=Page::Engines /> }
}

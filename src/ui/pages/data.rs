//! The data page (`/data`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn DataPage() -> impl IntoView {
    view! { <SectionPage page=Page::Data /> }
}

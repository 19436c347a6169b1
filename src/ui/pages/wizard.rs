//! The wizard page (`/wizard`).

use leptos::prelude::*;

use super::section_page::SectionPage;
use crate::domain::pages::Page;

#[component]
pub fn WizardPage() -> impl IntoView {
    view! { <SectionPage page=Page::Wizard /> }
}

//! The page for any path the app does not know.

use crate::ui::route::use_location;
use leptos::either::Either;
use leptos::prelude::*;

use crate::base::page::Page;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::i18n::{t, t_fill};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let location = use_location();
    // Effects run once the view is in the DOM.
    Effect::new(|_| crate::ui::browser::mark_content_ready());
    view! {
        <div class="page not-found" data-page="not-found">
            <h1>{t(Key::NotFoundTitle)}</h1>
            // The pre-rendered 404.html serves every unknown path: it cannot name one.
            <p>
                {if cfg!(target_arch = "wasm32") {
                    Either::Left(
                        t_fill(Key::NotFoundBody, move || vec![("path", location.pathname.get())]),
                    )
                } else {
                    Either::Right(t(Key::NotFoundBodyHere))
                }}
            </p>
            <p>
                <a href=page_href(Page::Overview)>{t(Key::NotFoundHome)}</a>
            </p>
        </div>
    }
}

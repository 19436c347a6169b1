//! The site footer: which report every figure comes from, and where to get them all.

use leptos::prelude::*;

use crate::base::page::Page;
use crate::data::report;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::i18n::use_lang;
use crate::ui::i18n::{t, t_fill};

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>
                <span class="footer-label">{t(Key::FooterSource)}</span>
                ": "
                <cite>{move || report::TITLE.get(lang.get())}</cite>
                " · "
                {t_fill(
                    Key::FooterDated,
                    || vec![("version", report::VERSION.into()), ("date", report::DATE.into())],
                )}
            </p>
            <p>
                <a href=page_href(Page::Data)>{t(Key::FooterAllData)}</a>
            </p>
            <p class="footer-note">{t(Key::FooterOffline)}</p>
        </footer>
    }
}

//! The site header: product name, navigation, language and theme switches.

use crate::ui::route::use_location;
use leptos::prelude::*;

use super::page_names::nav_key;
use crate::base::lang::Lang;
use crate::base::page::{Page, relocate};
use crate::domain::prefs::{LANG_PARAM, ThemePref};
use crate::domain::query::{fragment, with_param};
use crate::i18n::Key;
use crate::ui::app::{BasePath, page_href};
use crate::ui::i18n::{t, use_lang};
use crate::ui::prefs::ThemeSignal;

#[component]
pub fn Header() -> impl IntoView {
    let here = use_location().page;
    view! {
        <header class="site-header">
            <div class="brand-row">
                <a href=page_href(Page::Overview) class="brand" aria-label=t(Key::AppHomeLabel)>
                    <span class="brand-mark" aria-hidden="true">"▦"</span>
                    <span class="brand-name">{t(Key::AppName)}</span>
                </a>
                <p class="tagline">{t(Key::AppTagline)}</p>
                <div class="switches">
                    <LanguageSwitch />
                    <ThemeSwitch />
                </div>
            </div>
            <nav class="site-nav" aria-label=t(Key::NavLabel)>
                <ul>
                    {Page::ALL
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <a
                                        href=page_href(page)
                                        aria-current=move || {
                                            (here.get() == Some(page)).then_some("page")
                                        }
                                    >
                                        {t(nav_key(page))}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Two links, 中文 and English, each labelled in its own language: each is the same
/// page, with the same view, in its language (a real link, which works without
/// JavaScript; the router follows it without a reload).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let base = use_context::<BasePath>().map(|b| b.0).unwrap_or_default();
    let location = use_location();
    let link = move |choice: Lang, label: Key| {
        let base = base.clone();
        let href = move || {
            let path = relocate(&location.pathname.get(), &base, choice);
            let search = with_param(&location.search.get(), LANG_PARAM, None);
            // The fragment too, in the browser (the renderer has none to read).
            let hash = if cfg!(target_arch = "wasm32") {
                fragment(&location.hash.get())
            } else {
                String::new()
            };
            format!("{path}{search}{hash}")
        };
        view! {
            <a
                class="switch-option"
                href=href
                hreflang=choice.code()
                lang=choice.code()
                data-lang=choice.code()
                aria-current=move || (lang.get() == choice).then_some("true")
            >
                // Each language is named in itself, whatever the page language.
                {label.text(choice)}
            </a>
        }
    };
    view! {
        <div class="switch" role="group" aria-label=t(Key::LangLabel)>
            {link(Lang::Zh, Key::LangZh)}
            {link(Lang::En, Key::LangEn)}
        </div>
    }
}

/// Light, dark, or following the operating system.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = expect_context::<ThemeSignal>().0;
    let label = |choice: ThemePref| match choice {
        ThemePref::Light => Key::ThemeLight,
        ThemePref::Dark => Key::ThemeDark,
        ThemePref::System => Key::ThemeSystem,
    };
    view! {
        <div class="switch" role="group" aria-label=t(Key::ThemeLabel) data-needs-js="">
            {ThemePref::ALL
                .into_iter()
                .map(|choice| {
                    let title = (choice == ThemePref::System).then(|| t(Key::ThemeSystemHint));
                    view! {
                        <button
                            type="button"
                            class="switch-option"
                            data-theme-choice=choice.code()
                            title=title
                            aria-pressed=move || (theme.get() == choice).to_string()
                            on:click=move |_| theme.set(choice)
                        >
                            {t(label(choice))}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

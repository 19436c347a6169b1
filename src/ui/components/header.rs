//! The site header: product name, navigation, language and theme switches.

use leptos::prelude::*;
use leptos_router::components::A;

use super::page_names::nav_key;
use crate::base::lang::Lang;
use crate::base::page::Page;
use crate::domain::prefs::ThemePref;
use crate::i18n::Key;
use crate::ui::app::page_href;
use crate::ui::i18n::{t, use_lang};
use crate::ui::prefs::ThemeSignal;
use crate::ui::query::keep_lang_in_query;

#[component]
pub fn Header() -> impl IntoView {
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
                                    <A href=page_href(page) exact=true>
                                        {t(nav_key(page))}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Two buttons, 中文 and English, each labelled in its own language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    // A `?lang=` left in the address would undo the switch on reload.
    keep_lang_in_query();
    let button = move |choice: Lang, label: Key| {
        view! {
            <button
                type="button"
                class="switch-option"
                lang=choice.code()
                data-lang=choice.code()
                aria-pressed=move || (lang.get() == choice).to_string()
                on:click=move |_| lang.set(choice)
            >
                // Each language is named in itself, whatever the page language.
                {label.text(choice)}
            </button>
        }
    };
    view! {
        <div class="switch" role="group" aria-label=t(Key::LangLabel)>
            {button(Lang::Zh, Key::LangZh)}
            {button(Lang::En, Key::LangEn)}
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
        <div class="switch" role="group" aria-label=t(Key::ThemeLabel)>
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

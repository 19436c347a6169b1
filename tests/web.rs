//! Layer 2: components mounted in headless Chromium, clicked and read back: the shell
//! (language and theme switches, notices for bad input), the charts (marks, scales,
//! tables, tooltips, links that restore a view), the wizard (answers, presets,
//! contradictions, compare, copy), the lab (detectors, the SIMD kernel, a quick run) and
//! the playground's editor (compile errors, a run).
#![cfg(target_arch = "wasm32")]

use container_atlas::base::lang::Lang;
use container_atlas::base::page::Page;
use container_atlas::i18n::Key;
use container_atlas::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn root_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

/// Mounts a fresh app in its own container at `address` (a path and query string,
/// as a link would open it), with nothing in localStorage but the given entries.
async fn mount_with(address: &str, stored: &[(&str, &str)]) -> Element {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    for (key, value) in stored {
        storage.set_item(key, value).unwrap();
    }
    set_address(address);
    let container = new_container();
    let start = container_atlas::ui::start_here();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        leptos::view! { <App start /> }
    });
    // Keep the app mounted for the rest of the test page.
    std::mem::forget(handle);
    leptos::task::tick().await;
    container.unchecked_into()
}

/// Replaces the page's address, as a link to it would set it.
fn set_address(address: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(address))
        .unwrap();
}

/// An empty element at the end of the body, to mount into.
fn new_container() -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

async fn mount(address: &str) -> Element {
    mount_with(address, &[]).await
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn shell_mounts_with_header_navigation_and_footer() {
    let app = mount("/").await;
    assert_eq!(text(&app, ".brand-name"), Key::AppName.text(Lang::En));
    let links = app.query_selector_all(".site-nav a").unwrap();
    assert_eq!(links.length() as usize, Page::ALL.len());
    for (i, page) in Page::ALL.iter().enumerate() {
        let link: Element = links.item(i as u32).unwrap().unchecked_into();
        assert!(link.get_attribute("href").unwrap().ends_with(page.path()));
    }
    assert!(text(&app, ".site-footer").contains("2025-10-19"));
    assert!(
        find(&app, ".site-footer a")
            .get_attribute("href")
            .unwrap()
            .ends_with("/data")
    );
    assert!(
        find(&app, "main h1")
            .text_content()
            .is_some_and(|t| !t.is_empty())
    );
}

/// Follows a link of `root`'s app. The apps of earlier tests share this page, each with
/// its own router, and the first to see a click takes it; so the address the click
/// set is then announced to every router, as Back or Forward would.
async fn follow(root: &Element, selector: &str) {
    click(root, selector).await;
    // The router writes the address once it has resolved the route.
    leptos::task::tick().await;
    gloo_timers::future::TimeoutFuture::new(50).await;
    let event = web_sys::PopStateEvent::new("popstate").unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn language_switch_is_a_link_to_the_same_view_in_the_other_language() {
    let app = mount("/gpus?gpu-fp16=log#gpu-fp16").await;
    assert_eq!(root_attr("lang").as_deref(), Some("en"));
    let english = text(&app, ".site-nav a");
    assert_eq!(english, Key::NavOverview.text(Lang::En));
    assert_eq!(
        find(&app, "a[data-lang=zh]")
            .get_attribute("href")
            .as_deref(),
        Some("/zh/gpus?gpu-fp16=log#gpu-fp16")
    );

    follow(&app, "a[data-lang=zh]").await;
    assert_eq!(text(&app, ".site-nav a"), Key::NavOverview.text(Lang::Zh));
    assert_eq!(text(&app, ".brand-name"), Key::AppName.text(Lang::Zh));
    assert_eq!(root_attr("lang").as_deref(), Some("zh"));
    assert_eq!(
        find(&app, "a[data-lang=zh]")
            .get_attribute("aria-current")
            .as_deref(),
        Some("true")
    );
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.pathname().unwrap(), "/zh/gpus");
    assert_eq!(location.search().unwrap(), "?gpu-fp16=log");
    // Links lead to the Chinese pages now.
    assert!(
        find(&app, ".site-nav a")
            .get_attribute("href")
            .is_some_and(|h| h == "/zh/")
    );
    follow(&app, "a[data-lang=en]").await;
    assert_eq!(text(&app, ".site-nav a"), english);
    assert_eq!(root_attr("lang").as_deref(), Some("en"));
    assert_eq!(location.pathname().unwrap(), "/gpus");
}

#[wasm_bindgen_test]
async fn theme_switch_sets_the_theme_attribute() {
    let app = mount("/").await;
    assert_eq!(root_attr("data-theme").as_deref(), Some("system"));
    for choice in ["dark", "light", "system"] {
        click(&app, &format!("button[data-theme-choice={choice}]")).await;
        assert_eq!(root_attr("data-theme").as_deref(), Some(choice));
        let pressed = find(&app, &format!("button[data-theme-choice={choice}]"));
        assert_eq!(
            pressed.get_attribute("aria-pressed").as_deref(),
            Some("true")
        );
    }
}

#[wasm_bindgen_test]
async fn unknown_lang_parameter_shows_a_notice_and_keeps_going() {
    let app = mount("/?lang=%3Cb%3Efr%3C%2Fb%3E").await;
    let notice = find(&app, ".notice[data-notice=ignored-lang-param]");
    let shown = notice.text_content().unwrap();
    assert!(
        shown.contains("<b>fr</b>"),
        "the value is quoted as text: {shown}"
    );
    assert!(
        notice.query_selector("b").unwrap().is_none(),
        "no markup is injected"
    );
    click(&app, ".notice-dismiss").await;
    assert!(app.query_selector(".notice").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn corrupt_stored_theme_is_reset_with_a_notice() {
    let app = mount_with(
        "/zh/",
        &[("atlas.theme", "{not json"), ("atlas.lang", "zh")],
    )
    .await;
    assert!(
        app.query_selector(".notice[data-notice=reset-stored-theme]")
            .unwrap()
            .is_some()
    );
    assert_eq!(root_attr("data-theme").as_deref(), Some("system"));
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("atlas.theme").unwrap().as_deref(),
        Some("system")
    );
    // The page's language is kept.
    assert_eq!(root_attr("lang").as_deref(), Some("zh"));
}

// ---- Charts ----

use container_atlas::data::charts::chart;
use container_atlas::domain::chart::resolve;
use container_atlas::ui::charts::{Chart, Viewport};
use container_atlas::ui::i18n::LangSignal;
use container_atlas::ui::route::provide_location;
use leptos::prelude::*;

/// Mounts one chart on its own, in English, under the given query string.
async fn mount_chart(id: &'static str, search: &str) -> Element {
    mount_chart_at(id, search, None).await
}

/// Mounts one chart as [`mount_chart`] does, on a viewport `viewport` pixels wide
/// (`None`: no viewport known, as on a wide screen).
async fn mount_chart_at(id: &'static str, search: &str, viewport: Option<f64>) -> Element {
    set_address(&format!("/{search}"));
    let container = new_container();
    let def = chart(id).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(LangSignal(RwSignal::new(Lang::En)));
        if let Some(width) = viewport {
            provide_context(Viewport(RwSignal::new(width)));
        }
        provide_location("", container_atlas::ui::browser::address());
        view! { <Chart def=def /> }
    });
    std::mem::forget(handle);
    leptos::task::tick().await;
    leptos::task::tick().await;
    container.unchecked_into()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

/// The number of values a chart has: one mark each.
fn values(id: &str) -> u32 {
    resolve(chart(id).unwrap())
        .iter()
        .map(|r| r.cells.iter().flatten().count() as u32)
        .sum()
}

#[wasm_bindgen_test]
async fn every_kind_of_chart_draws_a_mark_per_value() {
    for id in [
        "startup",
        "isolation",
        "profiles",
        "segments",
        "network",
        "gpu-scatter",
    ] {
        let root = mount_chart(id, "").await;
        let marks = count(&root, ".chart-figure .mark");
        let expected = match chart(id).unwrap().kind {
            // A scatter point or a radar polygon is one row, whatever its values.
            container_atlas::data::charts::ChartKind::Scatter
            | container_atlas::data::charts::ChartKind::Radar
            | container_atlas::data::charts::ChartKind::Stacked => {
                resolve(chart(id).unwrap()).len() as u32
            }
            _ => values(id),
        };
        assert_eq!(marks, expected, "{id}");
        assert!(marks > 0);
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_scale_toggle_changes_the_axis_and_the_link() {
    let root = mount_chart("startup", "").await;
    assert_eq!(text(&root, ".axis-title"), "log scale");
    let log_ticks = texts(&root, ".tick");
    // Decades, every one in the same unit.
    assert!(log_ticks.contains(&"1000 ms".to_owned()), "{log_ticks:?}");
    assert!(
        log_ticks.iter().all(|t| t.ends_with(" ms")),
        "{log_ticks:?}"
    );
    // On a log scale values are points, never bars from the axis' floor: "<5 ms" is a
    // bound's bar and an arrow, no hatched bar; approximate values are dots.
    assert_eq!(count(&root, ".mark .hatched"), 0);
    assert_eq!(
        count(&root, ".mark.about circle.dot"),
        count(&root, ".mark.about.s0")
    );
    assert!(count(&root, ".mark.upper .arrow") > 0);
    click(&root, "[data-scale=lin]").await;
    assert_eq!(text(&root, ".axis-title"), "linear scale");
    assert_ne!(texts(&root, ".tick"), log_ticks);
    // On a linear scale bars are back: a bound is a hatched bar from zero.
    assert!(count(&root, ".mark.upper .hatched") > 0);
    assert_eq!(count(&root, ".mark.about circle.dot"), 0);
    assert_eq!(
        find(&root, "[data-scale=lin]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("startup=lin"), "{search}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_derived_chart_shows_the_notes_on_its_inputs_and_marks_their_values() {
    // Two notes reach these charts: the Moore Threads column repeats figures no
    // source gives the MTT S80 (¹, first in row order), and Biren's "700+ TF"
    // matches no card (²). Each marks its own vendor's value and no other.
    for id in ["gpu-per-watt", "gpu-per-price", "gpu-fp16"] {
        let root = mount_chart(id, "").await;
        let notes = texts(&root, ".chart-notes li");
        assert_eq!(notes.len(), 2, "{id}: {notes:?}");
        assert!(
            notes[0].starts_with("¹ Data note:") && notes[0].contains("MTT S80"),
            "{id}"
        );
        assert!(
            notes[1].starts_with("² Data note:") && notes[1].contains("700+ TF"),
            "{id}"
        );
        let noted = root
            .query_selector_all(".chart-figure .mark.noted")
            .unwrap();
        assert_eq!(noted.length(), 2, "{id}");
        let mut rows = Vec::new();
        for i in 0..noted.length() {
            let mark: Element = noted.item(i).unwrap().unchecked_into();
            let row = mark.get_attribute("data-row").unwrap();
            let (marker, words) = if row == "biren" {
                ('²', "700+ TF")
            } else {
                ('¹', "MTT S80")
            };
            assert!(mark.text_content().unwrap().contains(marker), "{id} {row}");
            assert!(mark.get_attribute("data-tip").unwrap().contains(words));
            rows.push(row);
        }
        rows.sort();
        assert_eq!(rows, ["biren", "moore-threads"], "{id}");
        // The table marks the same values.
        let cells = texts(&root, ".table-wrap td.noted");
        assert_eq!(cells.len(), 2, "{id}: {cells:?}");
        assert!(cells.iter().all(|c| c.ends_with('¹') || c.ends_with('²')));
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_startup_chart_labels_what_is_not_a_cold_start() {
    let root = mount_chart("startup", "").await;
    let values = texts(&root, ".chart-figure text.value");
    let wasm: Vec<&String> = values
        .iter()
        .filter(|v| v.contains("in-process instantiation"))
        .collect();
    assert_eq!(wasm.len(), 1, "{values:?}");
    assert!(wasm[0].starts_with("3–30 µs"), "{}", wasm[0]);
    let notes = texts(&root, ".chart-notes li");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("not a container's cold start")),
        "{notes:?}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_table_holds_the_numbers_of_the_chart() {
    let root = mount_chart("startup", "").await;
    let mut drawn = texts(&root, ".chart-figure text.value");
    assert_eq!(drawn.len() as u32, values("startup"));
    // The table is there for screen readers while the chart shows.
    assert!(find(&root, ".table-wrap").class_list().contains("sr-only"));
    click(&root, "[data-view=table]").await;
    assert!(!find(&root, ".table-wrap").class_list().contains("sr-only"));
    assert!(find(&root, ".chart-figure").has_attribute("hidden"));
    let mut tabled: Vec<String> = texts(&root, ".table-wrap td.num")
        .into_iter()
        .filter(|t| t != "—")
        .collect();
    drawn.sort();
    tabled.sort();
    assert_eq!(drawn, tabled);
    root.remove();
}

#[wasm_bindgen_test]
async fn keyboard_focus_shows_a_tooltip_and_arrows_move_it() {
    let root = mount_chart("startup", "").await;
    let marks = root.query_selector_all(".mark").unwrap();
    let first: web_sys::SvgElement = marks.item(0).unwrap().unchecked_into();
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("0"));
    first.focus().unwrap();
    leptos::task::tick().await;
    let tip = find(&root, ".chart-tip");
    assert!(!tip.has_attribute("hidden"));
    assert_eq!(tip.text_content(), first.get_attribute("data-tip"));
    assert!(tip.text_content().unwrap().contains("Unikernel"));

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("ArrowRight");
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    first.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    let second: Element = marks.item(1).unwrap().unchecked_into();
    let active = document().active_element().unwrap();
    assert!(active.is_same_node(Some(&second)));
    assert_eq!(second.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(first.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(tip.text_content(), second.get_attribute("data-tip"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_link_restores_the_view_and_bad_settings_get_a_notice() {
    let root = mount_chart("startup", "?startup=table,by-1,desc,hide-vm").await;
    assert!(!find(&root, ".table-wrap").class_list().contains("sr-only"));
    let rows = texts(&root, "tbody th");
    assert_eq!(rows.len(), 6);
    assert!(!rows.contains(&"Virtual machine".to_owned()));
    // Sorted by the report's value, longest first: Docker (1-5 s) leads.
    assert_eq!(rows[0], "Docker");
    assert_eq!(count(&root, "[data-notice=chart-ignored]"), 0);
    root.remove();

    let root = mount_chart("startup", "?startup=log,bogus,hide-nothing").await;
    let notice = text(&root, "[data-notice=chart-ignored]");
    assert!(
        notice.contains("bogus") && notice.contains("hide-nothing"),
        "{notice}"
    );
    // The rest of the view still works.
    assert_eq!(count(&root, ".chart-figure .mark"), values("startup"));
    root.remove();
}

#[wasm_bindgen_test]
async fn filters_and_row_choices_change_the_rows() {
    let root = mount_chart("gpu-table", "?gpu-table=only-cn,only-inference").await;
    assert_eq!(texts(&root, "tbody th").len(), 3);
    root.remove();
    let root = mount_chart("segments", "").await;
    assert_eq!(count(&root, ".mark"), 4);
    click(&root, "input[data-row=market-edge]").await;
    assert_eq!(count(&root, ".mark"), 3);
    let search = web_sys::window().unwrap().location().search().unwrap();
    assert!(search.contains("segments=hide-market-edge"), "{search}");
    root.remove();
}

#[wasm_bindgen_test]
async fn on_a_phone_the_secondary_controls_fold_behind_one_disclosure() {
    let root = mount_chart_at("startup", "", Some(375.0)).await;
    let toggle = find(&root, ".more-toggle");
    let more = find(&root, ".chart-more");
    assert!(!toggle.has_attribute("hidden"));
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(toggle.get_attribute("aria-controls"), Some(more.id()));
    assert_eq!(
        toggle.text_content().unwrap().trim_end_matches(['▾', '▴']),
        "More options"
    );
    // The controls used most stay out; the rest is hidden, from screen readers too.
    for selector in ["[data-scale=log]", "[data-view=table]"] {
        assert!(
            more.query_selector(selector).unwrap().is_none(),
            "{selector}"
        );
    }
    for selector in [
        "[data-sort-select]",
        "[data-desc]",
        ".row-picker",
        "[data-download=csv]",
    ] {
        assert!(
            more.query_selector(selector).unwrap().is_some(),
            "{selector}"
        );
    }
    assert!(more.has_attribute("hidden"));
    click(&root, ".more-toggle").await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!more.has_attribute("hidden"));
    click(&root, ".more-toggle").await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(more.has_attribute("hidden"));
    root.remove();

    // On a wide screen every control shows and there is nothing to unfold.
    let root = mount_chart_at("startup", "", Some(1280.0)).await;
    assert!(find(&root, ".more-toggle").has_attribute("hidden"));
    assert!(!find(&root, ".chart-more").has_attribute("hidden"));
    root.remove();
}

// ---- The wizard ----

use container_atlas::ui::pages::wizard::WizardPage;

/// Mounts one page on its own, in English, under the given query string.
async fn mount_page<V: IntoView + 'static>(search: &str, page: fn() -> V) -> Element {
    set_address(&format!("/{search}"));
    let container = new_container();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(LangSignal(RwSignal::new(Lang::En)));
        provide_location("", container_atlas::ui::browser::address());
        page()
    });
    std::mem::forget(handle);
    leptos::task::tick().await;
    leptos::task::tick().await;
    container.unchecked_into()
}

async fn mount_wizard(search: &str) -> Element {
    mount_page(search, || view! { <WizardPage /> }).await
}

fn ranking(root: &Element) -> Vec<String> {
    let list = root.query_selector_all(".ranking > li").unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-tech")
                .unwrap()
        })
        .collect()
}

/// Waits `ms` milliseconds of real time.
async fn sleep_ms(ms: i32) {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

#[wasm_bindgen_test]
async fn answering_changes_the_ranking_and_the_link() {
    let root = mount_wizard("?workload=untrusted&kvm=no").await;
    assert_eq!(ranking(&root)[0], "gvisor");
    assert!(
        find(&root, "[data-excluded=kata]")
            .text_content()
            .unwrap()
            .contains("KVM")
    );
    click(&root, "input[name=kvm][value=yes]").await;
    leptos::task::tick().await;
    assert_eq!(ranking(&root)[0], "kata");
    assert_eq!(count(&root, "[data-excluded=kata]"), 0);
    assert!(search().contains("kvm=yes"), "{}", search());
    assert!(search().contains("workload=untrusted"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_preset_fills_the_answers_and_says_whether_the_engine_agrees() {
    let root = mount_wizard("").await;
    click(&root, "[data-preset='4']").await;
    leptos::task::tick().await;
    assert!(
        search().contains("priority=cost") && search().contains("kvm=no"),
        "{}",
        search()
    );
    let verdict = find(&root, ".preset-verdict");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("agrees")
    );
    assert!(verdict.text_content().unwrap().contains("gVisor"));
    let checked: web_sys::HtmlInputElement =
        find(&root, "input[name=kvm][value=no]").unchecked_into();
    assert!(checked.checked(), "the radios follow the preset");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_stepper_moves_between_questions() {
    let root = mount_wizard("").await;
    let form = find(&root, "form.questions");
    assert_eq!(form.get_attribute("data-step").as_deref(), Some("0"));
    assert!(text(&root, ".stepper").contains("Question 1 of 8"));
    let buttons = root.query_selector_all(".stepper button").unwrap();
    let (back, next): (HtmlElement, HtmlElement) = (
        buttons.item(0).unwrap().unchecked_into(),
        buttons.item(1).unwrap().unchecked_into(),
    );
    assert!(back.has_attribute("disabled") && !next.has_attribute("disabled"));
    for _ in 0..10 {
        next.click();
        leptos::task::tick().await;
    }
    assert_eq!(form.get_attribute("data-step").as_deref(), Some("7"));
    assert!(text(&root, ".stepper").contains("Question 8 of 8"));
    assert!(next.has_attribute("disabled") && !back.has_attribute("disabled"));
    back.click();
    leptos::task::tick().await;
    assert_eq!(form.get_attribute("data-step").as_deref(), Some("6"));
    root.remove();
}

#[wasm_bindgen_test]
async fn invalid_answers_in_a_link_get_a_notice_and_defaults() {
    let root = mount_wizard("?workload=evil&startup=fast&where=edge").await;
    let notice = text(&root, "[data-notice=wizard-ignored]");
    assert!(
        notice.contains("workload=evil") && notice.contains("startup=fast"),
        "{notice}"
    );
    let own: web_sys::HtmlInputElement =
        find(&root, "input[name=workload][value=own]").unchecked_into();
    assert!(own.checked(), "the default answer stands");
    let edge: web_sys::HtmlInputElement =
        find(&root, "input[name=where][value=edge]").unchecked_into();
    assert!(edge.checked(), "the valid answer is kept");
    assert!(!ranking(&root).is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_contradiction_names_the_conflict_and_a_way_out_applies() {
    let root = mount_wizard("?artifact=vm&kvm=no").await;
    assert!(ranking(&root).is_empty());
    assert_eq!(count(&root, "[data-contradiction]"), 1);
    assert_eq!(count(&root, "[data-excluded]"), 7);
    click(&root, ".ways-out button[data-apply]").await;
    leptos::task::tick().await;
    assert!(
        !ranking(&root).is_empty(),
        "applying a way out leaves a ranking"
    );
    assert_eq!(count(&root, "[data-contradiction]"), 0);
    root.remove();
}

#[wasm_bindgen_test]
async fn compare_and_copy_work() {
    let root = mount_wizard("?workload=untrusted").await;
    let heads = texts(&root, ".compare-table thead th[data-tech]");
    assert_eq!(heads.len(), 2);
    let first: web_sys::HtmlSelectElement =
        find(&root, "select[data-compare='0']").unchecked_into();
    assert_eq!(
        first.value(),
        ranking(&root)[0],
        "the pickers show the pair compared"
    );
    let select: web_sys::HtmlSelectElement =
        find(&root, "select[data-compare='1']").unchecked_into();
    select.set_value("vm");
    let event = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    select.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    leptos::task::tick().await;
    let heads = root
        .query_selector_all(".compare-table thead th[data-tech]")
        .unwrap();
    let second: Element = heads.item(1).unwrap().unchecked_into();
    assert_eq!(second.get_attribute("data-tech").as_deref(), Some("vm"));
    assert!(search().contains("compare="), "{}", search());

    click(&root, "[data-copy]").await;
    // The clipboard answers, or after 1.5 s the page shows the text instead.
    for _ in 0..40 {
        sleep_ms(100).await;
        if !text(&root, ".copy-status").is_empty() {
            break;
        }
    }
    let status = text(&root, ".copy-status");
    let area: web_sys::HtmlTextAreaElement = find(&root, "textarea.markdown").unchecked_into();
    assert!(
        area.value().starts_with("# Sandbox choice"),
        "{}",
        area.value()
    );
    if status == Key::WizardCopied.text(Lang::En) {
        assert!(area.hidden(), "copied: no need to show the text");
    } else {
        assert_eq!(status, Key::CopyFailed.text(Lang::En));
        assert!(
            !area.hidden(),
            "not copied: the text is shown to copy by hand"
        );
    }
    root.remove();
}

// ---- The Wasm lab ----

use container_atlas::data::wasm_features::FEATURES;
use container_atlas::ui::lab;
use container_atlas::ui::pages::wasm::WasmPage;

#[wasm_bindgen_test]
fn every_detector_answers_and_chromium_has_what_it_ships() {
    let mut supported = Vec::new();
    for f in FEATURES {
        // A boolean each, whatever the browser: detection never throws.
        if lab::detect(&f) {
            supported.push(f.id);
        }
    }
    for id in [
        "simd",
        "bulk-memory",
        "reference-types",
        "gc",
        "tail-calls",
        "exceptions",
    ] {
        assert!(
            supported.contains(&id),
            "{id} not detected in Chromium: {supported:?}"
        );
    }
    for f in FEATURES.iter().filter(|f| f.in_chromium) {
        assert!(
            supported.contains(&f.id),
            "{} not detected: {supported:?}",
            f.id
        );
    }
}

#[wasm_bindgen_test]
fn the_simd_kernel_computes_the_exact_answer() {
    let kernel = lab::DotKernel::new().expect("the kernel instantiates");
    let (scalar, simd) = kernel.answers();
    assert_eq!(scalar, Some(lab::dot_answer()));
    assert_eq!(simd, Some(lab::dot_answer()));
    let t = kernel.time(true, 2).unwrap();
    assert!(t.is_finite() && t >= 0.0);
}

fn attr_number(root: &Element, selector: &str, attr: &str) -> Option<f64> {
    find(root, selector).get_attribute(attr)?.parse().ok()
}

#[wasm_bindgen_test]
async fn the_benchmarks_finish_with_finite_positive_figures() {
    let root = mount_page("?quick=1", || view! { <WasmPage /> }).await;
    // Detection ran on mount: every feature has an answer.
    assert_eq!(count(&root, "[data-feature][data-supported=pending]"), 0);
    assert_eq!(
        count(&root, "[data-feature][data-supported=true]")
            + count(&root, "[data-feature][data-supported=false]"),
        FEATURES.len() as u32
    );
    click(&root, "[data-run]").await;
    for _ in 0..100 {
        sleep_ms(100).await;
        if text(&root, ".progress") == Key::LabDone.text(Lang::En) {
            break;
        }
    }
    assert_eq!(text(&root, ".progress"), Key::LabDone.text(Lang::En));
    for name in ["instantiate", "scalar", "simd"] {
        let median = attr_number(&root, &format!("[data-bench={name}]"), "data-median");
        assert!(
            median.is_some_and(|m| m.is_finite() && m >= 0.0),
            "{name}: {median:?}"
        );
    }
    let speedup = attr_number(&root, "[data-speedup]", "data-speedup");
    assert!(
        speedup.is_some_and(|x| x.is_finite() && x > 0.0),
        "{speedup:?}"
    );
    assert_eq!(
        count(&root, "[data-wrong]"),
        0,
        "SIMD computed the right answer"
    );
    // The run is kept for the next visit.
    let kept = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("atlas.lab")
        .unwrap();
    assert!(kept.is_some_and(|k| k.starts_with("{\n  \"v\": 3,")));
    root.remove();
}

/// The router may build the next page's host in the element of the last one, children
/// and all: the overview, which keeps its pre-rendered HTML on a first visit, must still
/// be drawn when it is come back to.
#[wasm_bindgen_test]
async fn coming_back_to_a_page_draws_it_again() {
    // The heading once it reads `expected`, or what it read after two seconds.
    async fn heading(root: &Element, expected: &str) -> String {
        for _ in 0..40 {
            if text(root, "main h1") == expected {
                break;
            }
            gloo_timers::future::TimeoutFuture::new(50).await;
        }
        text(root, "main h1")
    }
    let root = mount("/").await;
    let overview = "The container-technology report, explorable";
    for round in 0..2 {
        follow(&root, ".site-nav a[href='/data']").await;
        assert_eq!(
            heading(&root, "All figures").await,
            "All figures",
            "round {round}"
        );
        follow(&root, ".site-nav a[href='/']").await;
        assert_eq!(heading(&root, overview).await, overview, "round {round}");
    }
    root.remove();
}

// ---- The playground ----

use container_atlas::ui::pages::playground::client::{InPage, serve_in_page};

/// What `read` returns once it is `Some`, trying for five seconds.
async fn eventually<T>(what: &str, read: impl Fn() -> Option<T>) -> T {
    for _ in 0..100 {
        if let Some(found) = read() {
            return found;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("never happened: {what}");
}

/// Types `text` into the editor, as a reader would (an `input` event).
fn type_into_editor(root: &Element, text: &str) {
    let editor: web_sys::HtmlTextAreaElement = find(root, "#pg-editor").unchecked_into();
    editor.set_value(text);
    let event = web_sys::EventInit::new();
    event.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &event).unwrap();
    editor.dispatch_event(&input).unwrap();
}

/// The editor compiles what is typed (its worker served in this page: the test has no
/// worker script), says at which line and column text fails, and a written module's
/// export runs and shows its result.
#[wasm_bindgen_test]
async fn the_editor_compiles_as_you_type_says_where_it_fails_and_runs_an_export() {
    serve_in_page(InPage {
        receive: container_atlas::worker::receive,
        connect: container_atlas::worker::connect,
    });
    let root = mount("/playground").await;
    // The first example opens, inspected.
    let summary = eventually("the first example's summary", || {
        root.query_selector(".pg-summary")
            .unwrap()
            .and_then(|s| s.text_content())
            .filter(|t| t.contains("Core module"))
    })
    .await;
    assert!(summary.contains("calc-module.wasm"), "{summary}");

    // Its sections, drawn by the app's chart frame: a mark for each row of the
    // section table, and the frame's own table names where each value was read.
    let table_rows = root
        .query_selector_all(".pg-sections tbody tr")
        .unwrap()
        .length();
    let marks = eventually("the sections chart", || {
        let n = root
            .query_selector_all(".chart[data-chart=sections] .mark[data-row]")
            .unwrap()
            .length();
        (n > 0).then_some(n)
    })
    .await;
    assert_eq!(marks, table_rows, "a bar per section");
    find(&root, ".chart[data-chart=sections] [data-view=table]")
        .unchecked_into::<HtmlElement>()
        .click();
    let frame_table = eventually("the chart frame's table", || {
        root.query_selector(".chart[data-chart=sections] .table-wrap:not(.sr-only) tbody")
            .unwrap()
            .and_then(|t| t.text_content())
    })
    .await;
    assert!(
        frame_table.contains("this file, from byte 0x8"),
        "{frame_table}"
    );

    type_into_editor(
        &root,
        "(module\n  (func (export \"f\") (result i32)\n    i32.const 7\n    i32.bogus))",
    );
    let error = eventually("a compile error", || {
        let status = find(&root, "#pg-compile");
        status
            .class_list()
            .contains("error")
            .then(|| status.text_content().unwrap_or_default())
    })
    .await;
    assert!(error.starts_with("Line 4, column 5"), "{error}");
    assert!(
        root.query_selector(".pg-call[data-export=f]")
            .unwrap()
            .is_none()
    );

    type_into_editor(
        &root,
        "(module (func (export \"seven\") (result i32) i32.const 7))",
    );
    eventually("the export's row", || {
        root.query_selector(".pg-call[data-export=seven] button")
            .unwrap()
    })
    .await
    .unchecked_into::<HtmlElement>()
    .click();
    let result = eventually("the call's result", || {
        root.query_selector(".pg-run-result")
            .unwrap()
            .and_then(|r| r.text_content())
            .filter(|t| t.starts_with("seven returned"))
    })
    .await;
    assert!(result.starts_with("seven returned 7: i32"), "{result}");
    assert!(!find(&root, "#pg-compile").class_list().contains("error"));
    root.remove();
}

/// The editor tells the truth where the reader looks: text that compiles to a binary
/// that does not validate is marked at the instruction's line and column (numbers,
/// band, `aria-invalid`, a button that puts the caret there); after a parse error the
/// results of the text before are marked as such; mended text clears every mark.
#[wasm_bindgen_test]
async fn the_editor_marks_where_the_text_is_wrong_and_results_that_are_stale() {
    serve_in_page(InPage {
        receive: container_atlas::worker::receive,
        connect: container_atlas::worker::connect,
    });
    let root = mount("/playground").await;
    eventually("the first example's summary", || {
        root.query_selector(".pg-summary").unwrap()
    })
    .await;
    let editor: web_sys::HtmlTextAreaElement = find(&root, "#pg-editor").unchecked_into();
    let gutter = || {
        find(&root, ".pg-gutter-lines")
            .text_content()
            .unwrap_or_default()
    };

    // Valid text, then text whose add has one operand: invalid at the add.
    type_into_editor(
        &root,
        "(module (func (export \"f\") (result i32) i32.const 1))",
    );
    eventually("the export", || {
        root.query_selector(".pg-call[data-export=f]").unwrap()
    })
    .await;
    assert_eq!(
        editor.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    type_into_editor(
        &root,
        "(module (func (export \"f\") (result i32) i32.const 1 i32.add))",
    );
    let said = eventually("the validation error under the editor", || {
        let status = find(&root, "#pg-compile");
        let text = status.text_content().unwrap_or_default();
        (status.class_list().contains("error") && text.contains("validate")).then_some(text)
    })
    .await;
    assert!(
        said.starts_with(
            "Compiled to 35 bytes, which do not validate. Line 1, column 53: type mismatch"
        ),
        "{said}"
    );
    assert_eq!(
        editor.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        find(&root, ".pg-gutter-error").text_content().as_deref(),
        Some("1")
    );
    // The caret goes to the add.
    find(&root, ".pg-compile-row .pg-goto-error")
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(editor.selection_start().unwrap(), Some(52));
    assert_eq!(
        web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .map(|e| e.id()),
        Some("pg-editor".to_owned())
    );

    // Text that does not parse: the results are of the text before, and say so.
    type_into_editor(
        &root,
        "(module\n  (func (export \"f\") (result i32)\n    i32.const 7\n    i32.bogus))",
    );
    let note = eventually("the stale results' note", || {
        root.query_selector(".pg-result.pg-stale .pg-stale-note")
            .unwrap()
            .and_then(|n| n.text_content())
    })
    .await;
    assert!(note.contains("line 4, column 5"), "{note}");
    assert_eq!(gutter(), "1\n2\n3\n4");
    assert_eq!(
        find(&root, ".pg-gutter-error").text_content().as_deref(),
        Some("4")
    );

    // Mended: no mark is left.
    type_into_editor(
        &root,
        "(module (func (export \"g\") (result i32) i32.const 7))",
    );
    eventually("the mended export", || {
        root.query_selector(".pg-call[data-export=g]").unwrap()
    })
    .await;
    assert!(
        root.query_selector(".pg-stale, .pg-stale-note, .pg-gutter-error, .pg-goto-error")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        editor.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(
        find(&root, "#pg-compile").text_content().as_deref(),
        Some("Compiled: 34 bytes.")
    );
    root.remove();
}

/// Sets a text field's value as a reader would (an `input` event).
fn type_into(field: &web_sys::HtmlInputElement, text: &str) {
    field.set_value(text);
    let event = web_sys::EventInit::new();
    event.set_bubbles(true);
    let input = web_sys::Event::new_with_event_init_dict("input", &event).unwrap();
    field.dispatch_event(&input).unwrap();
}

/// A component written in the editor is called with WAVE values: a string and a
/// record through memory, its stubbed import logged, its instance kept between calls.
#[wasm_bindgen_test]
async fn a_component_export_is_called_with_wave_values_on_a_kept_instance() {
    serve_in_page(InPage {
        receive: container_atlas::worker::receive,
        connect: container_atlas::worker::connect,
    });
    let root = mount("/playground").await;
    let tools = container_atlas::domain::inspect::examples()
        .into_iter()
        .find(|e| e.file == "tools-component.wasm")
        .unwrap();
    type_into_editor(&root, tools.source);
    let field: web_sys::HtmlInputElement = eventually("greet's field", || {
        root.query_selector(".pg-component-call[data-export=greet] .pg-wave-arg")
            .unwrap()
    })
    .await
    .unchecked_into();
    assert_eq!(field.value(), "\"\"", "starts from a value of its type");
    type_into(&field, "\"Ada\"");
    click(
        &root,
        ".pg-component-call[data-export=greet] .pg-call-button",
    )
    .await;
    let wave = eventually("greet's result", || {
        root.query_selector(".pg-wave")
            .unwrap()
            .and_then(|w| w.text_content())
    })
    .await;
    assert_eq!(wave, "\"Hello, Ada!\"");
    let calls = find(&root, ".pg-import-calls").text_content().unwrap();
    assert!(
        calls.contains("docs:tools/logger@0.1.0#log(\"greeting Ada\")"),
        "{calls}"
    );

    let values: web_sys::HtmlInputElement =
        find(&root, ".pg-component-call[data-export=stats] .pg-wave-arg").unchecked_into();
    type_into(&values, "[1, 2, 6]");
    click(
        &root,
        ".pg-component-call[data-export=stats] .pg-call-button",
    )
    .await;
    let tree = eventually("stats as a tree", || {
        root.query_selector(".pg-value-tree")
            .unwrap()
            .and_then(|t| t.text_content())
            .filter(|t| t.contains("mean"))
    })
    .await;
    assert!(tree.contains("count") && tree.contains("max"), "{tree}");
    assert_eq!(
        find(&root, ".pg-wave").text_content().unwrap(),
        "{count: 3, mean: 3, min: 1, max: 6}"
    );

    // The instance is kept: next counts on; a fresh instance starts again.
    for expected in ["1", "2"] {
        click(
            &root,
            ".pg-component-call[data-export=next] .pg-call-button",
        )
        .await;
        eventually("next's result", || {
            root.query_selector(".pg-wave")
                .unwrap()
                .and_then(|w| w.text_content())
                .filter(|t| t == expected)
        })
        .await;
    }
    click(&root, ".pg-fresh").await;
    eventually("the fresh instance", || {
        root.query_selector(".pg-run-result")
            .unwrap()
            .and_then(|r| r.text_content())
            .filter(|t| t.contains("fresh instance"))
    })
    .await;
    click(
        &root,
        ".pg-component-call[data-export=next] .pg-call-button",
    )
    .await;
    eventually("next from one again", || {
        root.query_selector(".pg-wave")
            .unwrap()
            .and_then(|w| w.text_content())
            .filter(|t| t == "1")
    })
    .await;

    // The form writes WAVE: a list of two strings, then a variant's case with a tuple.
    let find_row = ".pg-component-call[data-export=find] .pg-wave-param";
    click(&root, &format!("{find_row} .pg-form-add")).await;
    click(&root, &format!("{find_row} .pg-form-add")).await;
    let elements = root
        .query_selector_all(&format!("{find_row} .pg-form-list .pg-form-text"))
        .unwrap();
    assert_eq!(elements.length(), 2);
    for (i, word) in ["wasm", "wi\"t"].iter().enumerate() {
        let input: web_sys::HtmlInputElement = elements.item(i as u32).unwrap().unchecked_into();
        type_into(&input, word);
    }
    let words: web_sys::HtmlInputElement =
        find(&root, &format!("{find_row} .pg-wave-arg")).unchecked_into();
    eventually("the list written as WAVE", || {
        (words.value() == r#"["wasm", "wi\"t"]"#).then_some(())
    })
    .await;
    let select: web_sys::HtmlSelectElement =
        find(&root, ".pg-component-call[data-export=area] .pg-form-case").unchecked_into();
    select.set_value("1");
    let event = web_sys::EventInit::new();
    event.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &event).unwrap())
        .unwrap();
    let shape: web_sys::HtmlInputElement =
        find(&root, ".pg-component-call[data-export=area] .pg-wave-arg").unchecked_into();
    eventually("the case written as WAVE", || {
        (shape.value() == "rectangle((0, 0))").then_some(())
    })
    .await;

    // A value not of its type says which parameter and why.
    let a: web_sys::HtmlInputElement =
        find(&root, ".pg-component-call[data-export=divide] .pg-wave-arg").unchecked_into();
    type_into(&a, "1.5");
    click(
        &root,
        ".pg-component-call[data-export=divide] .pg-call-button",
    )
    .await;
    let said = eventually("the argument refused", || {
        root.query_selector(".pg-run-result")
            .unwrap()
            .and_then(|r| r.text_content())
            .filter(|t| t.starts_with("a is not"))
    })
    .await;
    assert!(said.contains("s32"), "{said}");
    root.remove();
}

/// A WASI 0.2 command component runs in the run panel: its arguments, its output
/// through the stream resource the host hands it, its exit code.
#[wasm_bindgen_test]
async fn a_wasi_0_2_command_component_runs_with_its_arguments() {
    serve_in_page(InPage {
        receive: container_atlas::worker::receive,
        connect: container_atlas::worker::connect,
    });
    let root = mount("/playground?example=wasi2-hello.wasm").await;
    let args: web_sys::HtmlInputElement = eventually("the run panel", || {
        root.query_selector(".pg-program-args").unwrap()
    })
    .await
    .unchecked_into();
    eventually("the example's arguments", || {
        (args.value() == "Ada Grace").then_some(())
    })
    .await;
    click(&root, ".pg-program-run").await;
    let end = eventually("the end of the run", || {
        root.query_selector(".pg-run-end")
            .unwrap()
            .and_then(|e| e.text_content())
            .filter(|t| {
                t.starts_with("Finished") || t.starts_with("Exited") || t.starts_with("Stopped")
            })
    })
    .await;
    assert!(end.starts_with("Finished"), "{end}");
    let console = find(&root, ".pg-console").text_content().unwrap();
    assert_eq!(console, "Hello, Ada!\nHello, Grace!\n");

    type_into(&args, "");
    click(&root, ".pg-program-run").await;
    let end = eventually("exit code 1", || {
        root.query_selector(".pg-run-end")
            .unwrap()
            .and_then(|e| e.text_content())
            .filter(|t| t.starts_with("Exited"))
    })
    .await;
    assert!(end.starts_with("Exited with code 1"), "{end}");
    root.remove();
}

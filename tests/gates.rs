//! Layer 3, quality gates: every route, in both languages and both themes, on the
//! release build. Static hosting under a sub-path, a strict Content-Security-Policy,
//! hostile query strings and corrupt storage, accessibility (axe-core, keyboard, skip
//! link, contrast), phone widths and print.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use container_atlas::base::lang::Lang;
use container_atlas::base::page::{Page, page_location};
use container_atlas::domain::pages::GLOBAL_QUERY_KEYS;
use container_atlas::domain::prefs::LANG_PARAM;
use container_atlas::domain::query::{get_param, unknown_keys};
use container_atlas::i18n::Key;
use container_atlas::ui::document::file_for;
use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::json;
use support::{Hosting, Server, Session, VIEW_WRITERS, build_dir, page_title};

/// The sub-path the second release build is made for (see scripts/atlas.sh).
const SUB_PATH: &str = "/some/sub/path";

/// Every route, and one the app does not know.
fn routes() -> Vec<&'static str> {
    Page::ALL
        .iter()
        .map(|p| p.path())
        .chain(["/no/such/page"])
        .collect()
}

#[tokio::test]
#[ignore = "needs the release builds and chromedriver: run through scripts/atlas.sh test"]
async fn plain_static_host_under_a_sub_path_serves_every_deep_link() {
    let root = build_dir("ATLAS_DIST_SUB", "target/dist-sub");
    for page in Page::ALL {
        for lang in Lang::ALL {
            let at = page_location(page, lang, "");
            let file = root.join(file_for(&at));
            assert!(
                file.is_file(),
                "no {} for plain static hosts",
                file.display()
            );
        }
    }
    assert!(root.join("404.html").is_file());

    let s = Session::start_on(Server::start(root.clone(), SUB_PATH, Hosting::Plain)).await;
    // Each page's own file, in each language, after the host's redirect to the
    // folder's address with a slash: hydrated, not drawn again.
    for page in Page::ALL {
        for lang in Lang::ALL {
            s.open(&page_location(page, lang, "")).await;
            assert_eq!(s.text("main h1").await, page_title(page, lang));
            let hydrated = s
                .eval("return performance.getEntriesByName('atlas:hydrated').length")
                .await;
            let at = s.eval("return location.pathname").await;
            assert_eq!(hydrated, json!(1), "{at} was not hydrated");
        }
    }
    for page in Page::ALL {
        s.assert_heading_survives_reload(
            &format!("{}?lang=en", page.path()),
            page_title(page, Lang::En),
        )
        .await;
    }
    // Links stay under the sub-path.
    s.open("/").await;
    s.click(&format!(".site-nav a[href$='{}']", Page::Gpus.path()))
        .await;
    let gpus = page_title(Page::Gpus, Lang::En);
    let seen = s.wait_for_text("main h1", gpus).await;
    let url = s.client.current_url().await.unwrap();
    assert_eq!(url.path(), format!("{SUB_PATH}/gpus"));
    assert_eq!(
        seen,
        gpus,
        "{:?}",
        s.eval("return document.body.innerText").await
    );
    // Views written into the address stay under the sub-path (the router once put
    // the base path in twice), and keep the language switched to.
    for (page, control) in VIEW_WRITERS {
        let url = s
            .switch_to_english_then_change_the_view(page, control)
            .await;
        assert_eq!(
            url.path().trim_end_matches('/'),
            format!("{SUB_PATH}{}", page.path())
        );
    }
    // An unknown path gets 404.html, which shows the not-found page: the app mounts
    // there, with the code that mounts it in the page's one pack.
    s.disable_cache().await;
    s.page_requests().await;
    s.open("/no/such/page").await;
    assert_eq!(s.text("main h1").await, Key::NotFoundTitle.text(Lang::En));
    let not_found = std::fs::read_to_string(root.join("404.html")).unwrap();
    let pack = support::chunks_meta(&not_found, "content")
        .rsplit('/')
        .next()
        .filter(|file| !file.is_empty())
        .expect("404.html names its pack")
        .to_owned();
    let wasm: Vec<String> = s
        .page_requests()
        .await
        .into_iter()
        .filter(|url| url.ends_with(".wasm"))
        .map(|url| url.rsplit('/').next().unwrap_or_default().to_owned())
        .filter(|file| !file.starts_with("container-atlas-"))
        .collect();
    assert_eq!(wasm, [pack], "404.html fetches its pack and no chunk alone");

    let errors: Vec<String> = s
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !(e.contains("/no/such/page") && e.contains("404")))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    s.assert_no_request_elsewhere().await;
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn strict_content_security_policy_is_set_and_enforced() {
    let s = Session::start().await;
    s.open("/").await;
    let policy = s
        .eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content")
        .await;
    let policy = policy.as_str().expect("a CSP meta tag");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'self'",
    ] {
        assert!(
            policy.contains(directive),
            "{directive} missing from {policy}"
        );
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
    // One inline script, the boot script, allowed by its hash (and it ran: the js class).
    let inline = s
        .eval_async(
            "const done = arguments[arguments.length - 1];
             const scripts = [...document.querySelectorAll('script:not([src])')];
             Promise.all(scripts.map(async el => {
                 const bytes = new TextEncoder().encode(el.textContent);
                 const hash = await crypto.subtle.digest('SHA-256', bytes);
                 return 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(hash)));
             })).then(done);",
        )
        .await;
    let hashes: Vec<&str> = inline
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h.as_str())
        .collect();
    assert_eq!(
        hashes.len(),
        1,
        "only the boot script is inline: {hashes:?}"
    );
    assert!(
        policy.contains(&format!("'{}'", hashes[0])),
        "{} not in {policy}",
        hashes[0]
    );
    assert_eq!(
        s.eval("return document.documentElement.classList.contains('js')")
            .await,
        json!(true)
    );

    // The app ran under it (the heading is there); an inline script is refused and the
    // refusal reaches the console, where every other test looks for errors.
    s.eval(
        "const el = document.createElement('script'); el.textContent = 'window.__ran = 1';
         document.body.append(el); return null;",
    )
    .await;
    assert_eq!(s.eval("return window.__ran ?? null").await, json!(null));
    let errors = s.console_errors().await;
    assert!(
        errors.iter().any(|e| e.contains("Content Security Policy")),
        "the violation was not reported: {errors:?}"
    );
    s.close().await;
}

/// A small deterministic generator, so a failing case can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Query strings a user could paste or an attacker could craft.
fn hostile_queries(count: usize) -> Vec<String> {
    const KEYS: &[&str] = &[
        "lang",
        "lang",
        "theme",
        "utm_source",
        "q",
        "%3Cscript%3E",
        "__proto__",
        "constructor",
        "",
        "lang[]",
        "LANG",
        "%00",
        "%E4%B8%AD%E6%96%87",
    ];
    const VALUES: &[&str] = &[
        "zh",
        "en",
        "fr",
        "",
        "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        "%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E",
        "javascript:window.__pwned=1",
        "%ZZ%",
        "%",
        "%FF%FE",
        "-1",
        "1e309",
        "NaN",
        "null",
        "%7B%22a%22%3A1%7D",
        "%F0%9F%92%A5",
        "zh&lang=en",
        "..%2F..%2Fetc%2Fpasswd",
    ];
    let mut rng = XorShift(0x5EED_CAFE_F00D_1234);
    (0..count)
        .map(|i| {
            let pairs = 1 + (rng.next() % 4) as usize;
            let mut parts: Vec<String> = (0..pairs)
                .map(|_| format!("{}={}", rng.pick(KEYS), rng.pick(VALUES)))
                .collect();
            if i % 25 == 0 {
                parts.push(format!("big={}", "x".repeat(8_000)));
            }
            if i % 30 == 7 {
                parts.push("&&==&".into());
            }
            format!("?{}", parts.join("&"))
        })
        .collect()
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn hostile_query_strings_never_break_a_page() {
    let s = Session::start().await;
    let routes = routes();
    for (i, query) in hostile_queries(300).into_iter().enumerate() {
        let route = routes[i % routes.len()];
        s.open(&format!("{route}{query}")).await;
        let case = format!("case {i}: {route}{}", &query[..query.len().min(120)]);
        let state = s
            .eval(
                "return {
                    panic: !!document.getElementById('panic-panel'),
                    pwned: window.__pwned ?? null,
                    injected: document.querySelectorAll('#app script, #app img[src=x], #app [onerror]').length,
                    ignored: !!document.querySelector('.notice[data-notice=ignored-params]'),
                    badLang: !!document.querySelector('.notice[data-notice=ignored-lang-param]'),
                    h1: document.querySelector('main h1')?.textContent ?? ''
                }",
            )
            .await;
        assert_eq!(state["panic"], json!(false), "{case}");
        assert_eq!(state["pwned"], json!(null), "{case}");
        assert_eq!(state["injected"], json!(0), "{case}");
        assert_ne!(state["h1"], json!(""), "{case}");
        // What the page should have said, by the same rules the app uses.
        let page = Page::from_path(route);
        let known: Vec<&str> = GLOBAL_QUERY_KEYS
            .iter()
            .chain(page.map_or(&[][..], container_atlas::domain::pages::query_keys))
            .copied()
            .collect();
        let expect_ignored = !unknown_keys(&query, &known).is_empty();
        assert_eq!(state["ignored"], json!(expect_ignored), "{case}");
        let bad_lang = get_param(&query, LANG_PARAM).is_some_and(|v| Lang::parse(&v).is_none());
        assert_eq!(state["badLang"], json!(bad_lang), "{case}");
    }
    let errors = s.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn corrupt_storage_is_reset_with_a_notice() {
    let s = Session::start().await;
    s.open("/").await;
    s.eval(
        "localStorage.setItem('atlas.lang', '{\"half\":'); localStorage.setItem('atlas.theme', '💥');
         return null;",
    )
    .await;
    s.reload().await;
    s.client
        .wait()
        .for_element(Locator::Css(".notice[data-notice=reset-stored-theme]"))
        .await
        .unwrap();
    assert!(
        s.client
            .find(Locator::Css(".notice[data-notice=reset-stored-lang]"))
            .await
            .is_ok()
    );
    let stored = s
        .eval("return [localStorage.getItem('atlas.lang'), localStorage.getItem('atlas.theme')]")
        .await;
    assert_eq!(stored, json!(["en", "system"]));
    assert_eq!(
        s.text("main h1").await,
        page_title(Page::Overview, Lang::En)
    );
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build, axe-core and chromedriver: run through scripts/atlas.sh test"]
async fn axe_finds_no_violation_on_any_route_language_or_theme() {
    let axe_path = std::env::var("ATLAS_AXE")
        .unwrap_or_else(|_| ".tools/axe/node_modules/axe-core/axe.min.js".into());
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|e| {
        panic!("axe-core at {axe_path}: {e} (scripts/atlas.sh test installs it)")
    });
    let s = Session::start().await;
    let mut violations = Vec::new();
    for lang in ["en", "zh"] {
        for route in routes() {
            s.open(&format!("{route}?lang={lang}")).await;
            for theme in ["light", "dark"] {
                s.click(&format!("button[data-theme-choice={theme}]")).await;
                // Injected through WebDriver, which the page's CSP does not govern.
                s.client
                    .execute(&axe, vec![])
                    .await
                    .expect("axe-core loads");
                let found = s
                    .client
                    .execute_async(
                        "const done = arguments[arguments.length - 1];
                         axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                           r.violations.map(v => v.id + ' (' + v.impact + '): ' +
                             v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(' | '))));",
                        vec![],
                    )
                    .await
                    .expect("axe.run");
                for v in found.as_array().into_iter().flatten() {
                    violations.push(format!(
                        "{route} {lang} {theme}: {}",
                        v.as_str().unwrap_or_default()
                    ));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "axe violations:\n{}",
        violations.join("\n")
    );

    // And it does find a violation when there is one: an image with no text.
    s.eval("document.querySelector('main').append(document.createElement('img')); return null")
        .await;
    let control = s
        .eval_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v => v.id)));",
        )
        .await;
    assert!(
        control.to_string().contains("image-alt"),
        "axe missed it: {control}"
    );
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn the_keyboard_reaches_every_control_in_visible_order() {
    let s = Session::start().await;
    for (route, lang) in routes().into_iter().flat_map(|r| [(r, "en"), (r, "zh")]) {
        s.open(&format!("{route}?lang={lang}")).await;
        settle(&s, route).await;
        // Every control the page shows (not those in a closed <details>), in document order.
        let controls = s
            .eval(
                "return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]
                   .filter(e => !e.disabled && e.getClientRects().length && e.checkVisibility())
                   // A radio group is one stop: its checked radio (or its first, if none is).
                   .filter(e => e.type !== 'radio' || e === ([...document.getElementsByName(e.name)].find(r => r.checked) ?? document.getElementsByName(e.name)[0]))
                   .map((e, i) => { e.dataset.kbd = i; return i; }).length",
            )
            .await
            .as_u64()
            .unwrap();
        s.eval("document.activeElement?.blur(); window.scrollTo(0, 0); return null")
            .await;
        let mut reached = Vec::new();
        for _ in 0..controls + 1 {
            // Tab pressed on the page, not typed into the focused element: WebDriver
            // reads keys sent to a file input as a file's path.
            let tab = KeyActions::new("keyboard".to_owned())
                .then(KeyAction::Down { value: '\u{E004}' })
                .then(KeyAction::Up { value: '\u{E004}' });
            s.client.perform_actions(tab).await.unwrap();
            // Give a smooth scroll to the newly focused control time to finish.
            let focus = s
                .eval_async(
                    "const done = arguments[arguments.length - 1];
                     const e = document.activeElement;
                     const style = getComputedStyle(e);
                     const seen = () => { const r = e.getBoundingClientRect();
                       return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight; };
                     const started = performance.now();
                     // Seen, and the page no longer scrolling: a smooth scroll still
                     // running when the next Tab moves focus can leave that control
                     // where the scroll ends, off screen.
                     let lastY = NaN, still = 0;
                     const check = () => {
                       still = scrollY === lastY ? still + 1 : 0;
                       lastY = scrollY;
                       if ((seen() && still >= 2) || performance.now() - started > 1500) {
                         const r = e.getBoundingClientRect();
                         done({ kbd: e.dataset.kbd ?? null, visible: seen(),
                                where: `${e.tagName} ${e.textContent.trim().slice(0, 30)} top=${r.top} bottom=${r.bottom} h=${innerHeight}`,
                                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 });
                       } else { requestAnimationFrame(check); }
                     };
                     check();",
                )
                .await;
            let Some(index) = focus["kbd"].as_str() else {
                break;
            };
            assert_eq!(
                focus["outline"],
                json!(true),
                "{route} {lang}: control {index} shows no focus ring"
            );
            assert_eq!(
                focus["visible"],
                json!(true),
                "{route} {lang}: control {index} is focused off screen: {}",
                focus["where"]
            );
            reached.push(index.parse::<u64>().unwrap());
        }
        let expected: Vec<u64> = (0..controls).collect();
        assert_eq!(
            reached, expected,
            "{route} {lang}: Tab order differs from the visible order"
        );
    }
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn the_skip_link_moves_focus_to_the_content() {
    let s = Session::start().await;
    for route in routes() {
        s.open(&format!("{route}?lang=zh")).await;
        s.eval("document.activeElement?.blur(); return null").await;
        let body = s.client.find(Locator::Css("body")).await.unwrap();
        body.send_keys("\u{E004}").await.unwrap();
        let first = s.eval("return document.activeElement.className").await;
        assert_eq!(
            first,
            json!("skip-link"),
            "{route}: the skip link is not the first stop"
        );
        assert_eq!(s.text(".skip-link").await, Key::AppSkip.text(Lang::Zh));
        s.client
            .active_element()
            .await
            .unwrap()
            .send_keys("\u{E007}")
            .await
            .unwrap();
        let focused = s.eval("return document.activeElement.id").await;
        assert_eq!(
            focused,
            json!("main"),
            "{route}: Enter on the skip link left focus elsewhere"
        );
    }
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn phones_get_no_sideways_scroll_and_big_enough_touch_targets() {
    let s = Session::start().await;
    s.emulate_phone().await;
    for lang in ["en", "zh"] {
        for route in routes() {
            s.open(&format!("{route}?lang={lang}")).await;
            settle(&s, route).await;
            // Unfold every chart's secondary controls, so they are measured too.
            let unfolded = s
                .eval(
                    "const toggles = [...document.querySelectorAll('.more-toggle')]
                       .filter(b => b.getClientRects().length);
                     toggles.forEach(b => b.click());
                     return toggles.length;",
                )
                .await;
            if unfolded.as_u64() > Some(0) {
                s.wait_until(
                    "return [...document.querySelectorAll('.chart-more')].every(m => !m.hidden) || null",
                )
                .await;
            }
            let report = s
                .eval(
                    "return {
                       width: innerWidth,
                       scroll: document.documentElement.scrollWidth,
                       small: [...document.querySelectorAll('a[href], button, summary, select')]
                         .filter(e => e.getClientRects().length && !e.classList.contains('skip-link'))
                         .map(e => [e, e.getBoundingClientRect()])
                         .filter(([, r]) => r.width < 44 || r.height < 44)
                         .map(([e, r]) => `${e.textContent.trim().slice(0, 30)} ${Math.round(r.width)}x${Math.round(r.height)}`)
                     }",
                )
                .await;
            assert_eq!(report["width"], json!(375), "{route} {lang}");
            assert!(
                report["scroll"].as_u64() <= Some(375),
                "{route} {lang}: the page is {} px wide",
                report["scroll"]
            );
            assert_eq!(
                report["small"],
                json!([]),
                "{route} {lang}: touch targets under 44 px"
            );
        }
    }
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn print_shows_the_content_without_the_navigation() {
    let s = Session::start().await;
    s.open("/?lang=en").await;
    s.click("button[data-theme-choice=dark]").await;
    s.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let shown = s
        .eval(
            "const shown = sel => { const e = document.querySelector(sel); return !!e && getComputedStyle(e).display !== 'none'; };
             return { nav: shown('.site-nav'), switches: shown('.switches'), main: shown('main'),
                      figures: shown('.figure-grid'), footer: shown('.site-footer'),
                      background: getComputedStyle(document.body).backgroundColor };",
        )
        .await;
    assert_eq!(shown["nav"], json!(false), "navigation printed");
    assert_eq!(shown["switches"], json!(false), "switches printed");
    assert_eq!(shown["main"], json!(true));
    assert_eq!(shown["figures"], json!(true));
    assert_eq!(
        shown["footer"],
        json!(true),
        "the source of the figures is printed"
    );
    assert_eq!(
        shown["background"],
        json!("rgb(255, 255, 255)"),
        "dark theme printed dark"
    );
    s.close().await;
}

/// Waits for what a page adds after its first render: the playground's results come
/// from its worker, with controls of their own (the calls, the text tools), and its
/// status line says when it is done. Then waits until the layout holds still (the
/// page's height and its last control's place unchanged for 600 ms), so that a control
/// focused by the test is not moved off screen by content still arriving.
async fn settle(s: &Session, route: &str) {
    if route.ends_with("/playground") {
        let ready = s
            .wait_until(
                "const text = document.querySelector('.pg-text code')?.textContent ?? '';
                 const status = document.querySelector('.pg-status')?.textContent ?? 'x';
                 return text.includes('(module') && status === '' || null",
            )
            .await;
        assert_eq!(
            ready,
            json!(true),
            "{route}: the playground showed no result"
        );
        // Its section chart, whose code comes when it nears the screen: drawn, so that
        // the gates see its controls, then back to the top.
        let drawn = s
            .wait_until(&format!(
                "{} return document.querySelector('.pg-chart-host')?.dataset.state === 'ready' || null",
                support::SHOW_SECTION_CHART
            ))
            .await;
        assert_eq!(
            drawn,
            json!(true),
            "{route}: the section chart was not drawn"
        );
        s.eval("window.scrollTo(0, 0); return null").await;
    }
    s.eval_async(
        "const done = arguments[arguments.length - 1];
         const shape = () => {
           const all = document.querySelectorAll('a[href], button, input, select, textarea');
           const last = all[all.length - 1]?.getBoundingClientRect().top ?? 0;
           return `${document.documentElement.scrollHeight} ${last}`;
         };
         let seen = shape(), since = performance.now();
         const started = since;
         const check = () => {
           const now = shape();
           if (now !== seen) { seen = now; since = performance.now(); }
           if (performance.now() - since >= 600 || performance.now() - started > 5000) done(null);
           else setTimeout(check, 100);
         };
         check();",
    )
    .await;
}

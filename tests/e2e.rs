//! Layer 3: the release build (after wasm-opt), served by this test's own static
//! server on 127.0.0.1 with index.html fallback, driven through chromedriver.
//!
//! Run by `scripts/atlas.sh test`, which builds `dist/` first:
//! `ATLAS_DIST=dist cargo test --test e2e -- --ignored --test-threads=1`.
//! Requests to other hosts are caught twice: Chromium's DevTools network log lists every
//! request the page makes, and Chromium's proxy is this same server, which refuses all
//! of them (so nothing leaves the machine) and records those the page made. Chromium's
//! own background traffic (update checks, sign-in) names no page of ours as referrer
//! and is refused without being counted.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use container_atlas::domain::pages::Page;
use container_atlas::domain::prefs::Lang;
use container_atlas::i18n::Key;
use container_atlas::ui::components::page_names::title_key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(20);

/// A static file server for `dist/` that is also Chromium's proxy: requests for our
/// own origin are served, any other is recorded in `foreign` and refused.
struct Server {
    port: u16,
    foreign: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(dist: PathBuf) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let foreign = Arc::new(Mutex::new(Vec::new()));
        let recorded = foreign.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let dist = dist.clone();
                let recorded = recorded.clone();
                std::thread::spawn(move || handle(stream, &dist, port, &recorded));
            }
        });
        Server { port, foreign }
    }

    fn url(&self, path_and_query: &str) -> String {
        format!("http://127.0.0.1:{}{path_and_query}", self.port)
    }

    fn foreign_requests(&self) -> Vec<String> {
        self.foreign.lock().unwrap().clone()
    }
}

fn handle(mut stream: TcpStream, dist: &Path, port: u16, foreign: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut host = String::new();
    let mut referer = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("host") {
                host = value.trim().to_owned();
            } else if name.eq_ignore_ascii_case("referer") || name.eq_ignore_ascii_case("origin") {
                referer = value.trim().to_owned();
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let own = format!("127.0.0.1:{port}");
    let path = if method == "CONNECT" {
        None
    } else if let Some(rest) = target.strip_prefix("http://") {
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        (authority == own).then_some(if path.is_empty() { "/" } else { path })
    } else {
        (host == own || host.is_empty()).then_some(target)
    };
    let Some(path) = path else {
        if referer.starts_with(&format!("http://{own}")) {
            foreign.lock().unwrap().push(format!("{method} {target}"));
        }
        let _ = stream
            .write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        return;
    };
    let (status, content_type, body) = serve(dist, path);
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
    // Drain anything left so the client sees an orderly close.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = reader.read(&mut [0; 64]);
}

/// A file of `dist/`, or `index.html` for extension-less paths (client-side routes).
fn serve(dist: &Path, target: &str) -> (&'static str, &'static str, Vec<u8>) {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return ("400 Bad Request", "text/plain", b"bad path".to_vec());
    }
    let file = dist.join(relative);
    let (file, status) = if file.is_file() {
        (file, "200 OK")
    } else if Path::new(relative).extension().is_none() {
        (dist.join("index.html"), "200 OK")
    } else {
        return ("404 Not Found", "text/plain", b"not found".to_vec());
    };
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    };
    (status, content_type, std::fs::read(file).unwrap())
}

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let deadline = Instant::now() + WAIT;
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser session against one server.
struct Session {
    client: Client,
    server: Server,
    _driver: Driver,
}

impl Session {
    async fn start() -> Session {
        let dist = PathBuf::from(std::env::var("ATLAS_DIST").unwrap_or_else(|_| "dist".into()));
        assert!(
            dist.join("index.html").is_file(),
            "no release build in {}: run `trunk build --release` (scripts/atlas.sh test does)",
            dist.display()
        );
        let server = Server::start(dist);
        let driver = Driver::start();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    "--lang=en-US", "--window-size=1280,900",
                    format!("--proxy-server=http://127.0.0.1:{}", server.port),
                    // Loopback too goes through the proxy, so nothing escapes the count.
                    "--proxy-bypass-list=<-loopback>",
                ]
            }),
        );
        caps.insert(
            "goog:loggingPrefs".into(),
            json!({ "browser": "ALL", "performance": "ALL" }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a chromedriver session");
        Session {
            client,
            server,
            _driver: driver,
        }
    }

    async fn open(&self, path_and_query: &str) {
        self.client
            .goto(&self.server.url(path_and_query))
            .await
            .unwrap();
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("main h1"))
            .await
            .unwrap();
    }

    async fn text(&self, selector: &str) -> String {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Waits until the element's text equals `expected`, returning what it last saw.
    async fn wait_for_text(&self, selector: &str, expected: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let seen = match self.client.find(Locator::Css(selector)).await {
                Ok(el) => el.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if seen == expected || Instant::now() > deadline {
                return seen;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn html_lang(&self) -> String {
        let lang = self
            .client
            .execute("return document.documentElement.lang", vec![])
            .await;
        lang.unwrap().as_str().unwrap_or_default().to_owned()
    }

    /// Console entries of level SEVERE since the last call (errors, failed loads).
    async fn console_errors(&self) -> Vec<String> {
        self.log("browser")
            .await
            .into_iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// URLs of the requests the page made since the last call, from DevTools events.
    async fn page_requests(&self) -> Vec<String> {
        self.log("performance")
            .await
            .into_iter()
            .filter_map(|entry| {
                serde_json::from_str::<serde_json::Value>(entry["message"].as_str()?).ok()
            })
            .filter(|event| event["message"]["method"] == "Network.requestWillBeSent")
            .filter_map(|event| {
                Some(
                    event["message"]["params"]["request"]["url"]
                        .as_str()?
                        .to_owned(),
                )
            })
            .collect()
    }

    /// Requests to anything but our own origin (inline `data:` URLs are not requests).
    async fn requests_elsewhere(&self) -> Vec<String> {
        let own = self.server.url("/");
        let mut elsewhere: Vec<String> = self
            .page_requests()
            .await
            .into_iter()
            .filter(|url| !url.starts_with(&own) && !url.starts_with("data:"))
            .collect();
        elsewhere.extend(self.server.foreign_requests());
        elsewhere
    }

    async fn log(&self, kind: &'static str) -> Vec<serde_json::Value> {
        let log = self.client.issue_cmd(ChromeLog(kind)).await;
        log.expect("the browser log")
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    async fn close(self) {
        self.client.close().await.unwrap();
    }
}

/// chromedriver's log endpoint, which the WebDriver standard lacks.
#[derive(Debug)]
struct ChromeLog(&'static str);

impl WebDriverCompatibleCommand for ChromeLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

fn title(page: Page, lang: Lang) -> &'static str {
    title_key(page).text(lang)
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn every_route_renders_its_heading() {
    let s = Session::start().await;
    for page in Page::ALL {
        s.open(&format!("{}?lang=en", page.path())).await;
        assert_eq!(
            s.text("main h1").await,
            title(page, Lang::En),
            "{}",
            page.path()
        );
        let current = s
            .client
            .find(Locator::Css(".site-nav a[aria-current=page]"))
            .await;
        let href = current
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            href.ends_with(page.path()),
            "{} marks {href} as current",
            page.path()
        );
    }
    s.open("/no/such/page").await;
    assert_eq!(s.text("main h1").await, Key::NotFoundTitle.text(Lang::En));
    assert!(s.text("main").await.contains("/no/such/page"));
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn a_deep_link_loads_directly() {
    let s = Session::start().await;
    s.open("/gpus?lang=zh").await;
    assert_eq!(s.text("main h1").await, title(Page::Gpus, Lang::Zh));
    assert_eq!(s.html_lang().await, "zh");
    s.open("/wizard/").await;
    assert_eq!(
        s.text("main h1").await,
        title(Page::Wizard, Lang::Zh),
        "the choice was kept"
    );
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn language_switch_works_and_survives_a_reload() {
    let s = Session::start().await;
    s.open("/engines").await;
    // The browser runs with --lang=en-US and nothing is stored: English.
    assert_eq!(s.text("main h1").await, title(Page::Engines, Lang::En));
    s.client
        .find(Locator::Css("button[data-lang=zh]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let zh = title(Page::Engines, Lang::Zh);
    assert_eq!(s.wait_for_text("main h1", zh).await, zh);
    assert_eq!(s.html_lang().await, "zh");
    s.client.refresh().await.unwrap();
    assert_eq!(s.wait_for_text("main h1", zh).await, zh);
    assert_eq!(s.text(".site-nav a").await, Key::NavOverview.text(Lang::Zh));

    // Opened with ?lang=zh, switched to English, reloaded: still English.
    s.open("/sandboxes?lang=zh").await;
    s.client
        .find(Locator::Css("button[data-lang=en]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let en = title(Page::Sandboxes, Lang::En);
    assert_eq!(s.wait_for_text("main h1", en).await, en);
    s.client.refresh().await.unwrap();
    assert_eq!(s.wait_for_text("main h1", en).await, en);
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn no_console_errors_and_no_request_to_another_host() {
    let s = Session::start().await;
    for lang in ["en", "zh"] {
        for page in Page::ALL {
            s.open(&format!("{}?lang={lang}", page.path())).await;
            for theme in ["dark", "light", "system"] {
                let button = format!("button[data-theme-choice={theme}]");
                s.client
                    .find(Locator::Css(&button))
                    .await
                    .unwrap()
                    .click()
                    .await
                    .unwrap();
            }
        }
    }
    s.open("/unknown-route").await;
    let errors = s.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    let elsewhere = s.requests_elsewhere().await;
    assert!(
        elsewhere.is_empty(),
        "requests to other hosts: {elsewhere:#?}"
    );
    s.close().await;
}

#[tokio::test]
#[ignore = "needs the release build and chromedriver: run through scripts/atlas.sh test"]
async fn the_request_and_console_checks_can_fail() {
    // The two checks above are only worth something if they see what they look for.
    let s = Session::start().await;
    s.open("/").await;
    s.client
        .execute(
            "fetch('http://example.invalid/probe').catch(() => {}); console.error('probe');",
            vec![],
        )
        .await
        .unwrap();
    let deadline = Instant::now() + WAIT;
    while s.server.foreign_requests().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let proxied = s.server.foreign_requests();
    assert!(
        proxied.iter().any(|r| r.contains("example.invalid")),
        "proxy saw {proxied:?}"
    );
    let logged = s.page_requests().await;
    assert!(
        logged.iter().any(|r| r.contains("example.invalid")),
        "DevTools saw {logged:?}"
    );
    let errors = s.console_errors().await;
    assert!(errors.iter().any(|e| e.contains("probe")), "{errors:?}");
    s.close().await;
}

//! The end-to-end harness shared by `tests/e2e.rs` and `tests/gates.rs`: a static
//! server for a release build, chromedriver, and a browser session with helpers.
//!
//! Requests to other hosts are caught twice: Chromium's DevTools network log lists every
//! request the page makes, and Chromium's proxy is this same server, which refuses all
//! of them (so nothing leaves the machine) and records those the page made. Chromium's
//! own background traffic (update checks, sign-in) names no page of ours as referrer
//! and is refused without being counted.
#![allow(dead_code)] // each test file uses part of the harness

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use container_atlas::base::lang::Lang;
use container_atlas::base::page::Page;
use container_atlas::ui::components::page_names::title_key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A page's heading in a language, as the app shows it.
pub fn page_title(page: Page, lang: Lang) -> &'static str {
    title_key(page).text(lang)
}

/// Every page that writes its view into the address, with a control that changes it.
/// Chart pages: the first scale toggle not yet pressed (whatever the chart's default).
/// (/wasm reads `quick=1` and writes nothing; a test checks the list is complete.)
pub const VIEW_WRITERS: [(Page, &str); 6] = [
    (Page::Sandboxes, "[data-scale][aria-pressed=false]"),
    (Page::Gpus, "[data-scale][aria-pressed=false]"),
    (Page::Engines, "[data-scale][aria-pressed=false]"),
    (Page::Data, "th[data-column=value] button"),
    (Page::Wizard, "[data-preset='0']"),
    (
        Page::Playground,
        ".chart[data-chart=sections] [data-scale][aria-pressed=false]",
    ),
];

pub const WAIT: Duration = Duration::from_secs(20);

/// How the server answers a path that is not a file.
#[derive(Clone, Copy, PartialEq)]
pub enum Hosting {
    /// Like a host with SPA fallback: a directory's `index.html` (the pre-rendered
    /// pages), else `index.html` for any route, as `trunk serve` answers.
    SpaFallback,
    /// Like GitHub Pages: `dir/index.html` for a directory (after a redirect that adds
    /// the slash), else `404.html` with 404.
    Plain,
    /// Whatever the server on this port of 127.0.0.1 answers (`trunk serve`): the
    /// browser still goes through this one, which counts requests elsewhere.
    Upstream(u16),
}

/// A static file server for a build that is also Chromium's proxy: requests for our
/// own origin are served, any other is refused, and recorded in `foreign` when the
/// page made it.
pub struct Server {
    port: u16,
    prefix: String,
    foreign: Arc<Mutex<Vec<String>>>,
}

#[derive(Clone)]
pub struct Site {
    root: PathBuf,
    /// The path the build was made for (`trunk build --public-url`), without trailing slash.
    prefix: String,
    hosting: Hosting,
}

impl Server {
    pub fn start(root: PathBuf, prefix: &str, hosting: Hosting) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let foreign = Arc::new(Mutex::new(Vec::new()));
        let recorded = foreign.clone();
        let site = Site {
            root,
            prefix: prefix.to_owned(),
            hosting,
        };
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                let recorded = recorded.clone();
                std::thread::spawn(move || handle(stream, &site, port, &recorded));
            }
        });
        Server {
            port,
            prefix: prefix.to_owned(),
            foreign,
        }
    }

    /// The URL of an app path (`/gpus?lang=zh`), under the site's prefix.
    pub fn url(&self, path_and_query: &str) -> String {
        format!(
            "http://127.0.0.1:{}{}{path_and_query}",
            self.port, self.prefix
        )
    }

    pub fn foreign_requests(&self) -> Vec<String> {
        self.foreign.lock().unwrap().clone()
    }
}

fn handle(mut stream: TcpStream, site: &Site, port: u16, foreign: &Mutex<Vec<String>>) {
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
    let (status, content_type, body) = serve(site, path);
    // A redirect's body is where it leads.
    let location = if status.starts_with("301") {
        format!("Location: {}\r\n", String::from_utf8_lossy(&body))
    } else {
        String::new()
    };
    let head = format!(
        "HTTP/1.1 {status}\r\n{location}Content-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
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

/// A file of the site, or what its kind of host answers when there is none.
fn serve(site: &Site, target: &str) -> (&'static str, &'static str, Vec<u8>) {
    if let Hosting::Upstream(port) = site.hosting {
        return forward(port, target);
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let Some(relative) = path.strip_prefix(&site.prefix) else {
        return ("404 Not Found", "text/plain", b"outside the site".to_vec());
    };
    let relative = relative.trim_start_matches('/');
    if relative.split('/').any(|part| part == "..") {
        return ("400 Bad Request", "text/plain", b"bad path".to_vec());
    }
    let file = site.root.join(relative);
    let index = file.join("index.html");
    let (file, status) = if file.is_file() {
        (file, "200 OK")
    } else if index.is_file() && site.hosting == Hosting::Plain && !path.ends_with('/') {
        // GitHub Pages sends a folder's address without its slash to the one with it.
        let query = &target[path.len()..];
        return (
            "301 Moved Permanently",
            "text/plain",
            format!("{path}/{query}").into_bytes(),
        );
    } else if index.is_file() {
        // A pre-rendered page (`zh/gpus/index.html`): every host serves it.
        (index, "200 OK")
    } else if site.hosting == Hosting::Plain {
        (site.root.join("404.html"), "404 Not Found")
    } else if Path::new(relative).extension().is_none() {
        (site.root.join("index.html"), "200 OK")
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

/// What the server on `port` answers to a GET of `target`: its status (200, a redirect
/// as 301 with where it leads as the body, else 404), type and body. HTTP/1.0, so the
/// answer comes whole, without chunks.
pub fn forward(port: u16, target: &str) -> (&'static str, &'static str, Vec<u8>) {
    let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", port)) else {
        return ("404 Not Found", "text/plain", b"upstream down".to_vec());
    };
    let request = format!("GET {target} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n\r\n");
    let mut answer = Vec::new();
    if upstream.write_all(request.as_bytes()).is_err() || upstream.read_to_end(&mut answer).is_err()
    {
        return ("404 Not Found", "text/plain", b"upstream failed".to_vec());
    }
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(answer.len());
    let head = String::from_utf8_lossy(&answer[..split]).to_string();
    let body = answer.get(split + 4..).unwrap_or_default().to_vec();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    };
    let code = head.split_whitespace().nth(1).unwrap_or("");
    if code.starts_with('3') {
        let location = header("location").unwrap_or_default();
        return ("301 Moved Permanently", "text/plain", location.into_bytes());
    }
    let content_type = match header("content-type").unwrap_or_default() {
        t if t.starts_with("text/html") => "text/html; charset=utf-8",
        t if t.contains("javascript") => "text/javascript",
        t if t.starts_with("application/wasm") => "application/wasm",
        t if t.starts_with("text/css") => "text/css",
        t if t.starts_with("application/json") => "application/json",
        _ => "application/octet-stream",
    };
    let status = if code == "200" {
        "200 OK"
    } else {
        "404 Not Found"
    };
    (status, content_type, body)
}

/// chromedriver on a free port, stopped when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    pub fn start() -> Driver {
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

/// Script that scrolls the playground's section chart to the screen when it waits
/// there for its code, which comes only once the chart is near the screen.
pub const SHOW_SECTION_CHART: &str = "document.querySelector('.pg-chart-host[data-state=waiting]')?.scrollIntoView({ block: 'center' });";

/// One browser session against one server.
pub struct Session {
    pub client: Client,
    pub server: Server,
    _driver: Driver,
}

/// Whether the app has started and drawn its page (`true`), could not fetch the
/// page's code (`"failed"`), or not yet (`null`).
pub const READY: &str = "
    if (!document.querySelector('#app[data-rendered]')) return true;
    if (!performance.getEntriesByName('atlas:ready').length) return null;
    const host = document.querySelector('.page-host');
    const state = host && host.dataset.state;
    if (state === 'failed') return 'failed';
    return !state || state === 'ready' ? true : null;";

impl Session {
    /// A session on the release build at the root of a host with SPA fallback.
    pub async fn start() -> Session {
        Session::start_on(Server::start(
            build_dir("ATLAS_DIST", "dist"),
            "",
            Hosting::SpaFallback,
        ))
        .await
    }

    pub async fn start_on(server: Server) -> Session {
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

    pub async fn open(&self, path_and_query: &str) {
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
        self.wait_ready().await;
    }

    /// Reloads the page, and waits until the app has taken it over again.
    pub async fn reload(&self) {
        self.client.refresh().await.unwrap();
        self.wait_ready().await;
    }

    /// Waits until the app has taken over the page (the pre-rendered HTML is there, and
    /// readable, before): its `atlas:ready` mark, and the page drawn by its own code
    /// (fetched as a chunk of the wasm: the host's `data-state` is `ready`). (A build from
    /// before pre-rendering, which the bench can measure, shows a heading only once it
    /// runs; one from before the split has no `data-state`.)
    pub async fn wait_ready(&self) {
        let ready = self.wait_until(READY).await;
        assert_eq!(
            ready,
            serde_json::json!(true),
            "the app did not start, or its page did not load"
        );
    }

    pub async fn text(&self, selector: &str) -> String {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// Waits until the element's text equals `expected`, returning what it last saw.
    pub async fn wait_for_text(&self, selector: &str, expected: &str) -> String {
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

    pub async fn html_lang(&self) -> String {
        let lang = self
            .client
            .execute("return document.documentElement.lang", vec![])
            .await;
        lang.unwrap().as_str().unwrap_or_default().to_owned()
    }

    /// Console entries of level SEVERE since the last call (errors, failed loads).
    /// Console errors and warnings since the last call (hydration warns of mismatches).
    pub async fn console_problems(&self) -> Vec<String> {
        self.console(&["SEVERE", "WARNING"]).await
    }

    pub async fn console_errors(&self) -> Vec<String> {
        self.console(&["SEVERE"]).await
    }

    /// Console messages of the given levels since the last call.
    async fn console(&self, levels: &[&str]) -> Vec<String> {
        self.log("browser")
            .await
            .into_iter()
            .filter(|entry| levels.iter().any(|level| entry["level"] == *level))
            .map(|entry| {
                let message = entry["message"].as_str().unwrap_or_default().to_owned();
                (entry["level"] == "WARNING", message)
            })
            // Trunk 0.21's loader shim for the playground's worker calls wasm-bindgen's
            // init the old way; wasm-bindgen warns, and the worker runs.
            .filter(|(warning, message)| {
                !(*warning && message.contains("deprecated parameters for the initialization"))
            })
            .map(|(_, message)| message)
            .collect()
    }

    /// URLs of the requests the page made since the last call, from DevTools events.
    pub async fn page_requests(&self) -> Vec<String> {
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
    pub async fn requests_elsewhere(&self) -> Vec<String> {
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

    pub async fn log(&self, kind: &'static str) -> Vec<serde_json::Value> {
        let command = ChromeCommand {
            path: "se/log",
            body: json!({ "type": kind }),
        };
        let log = self.client.issue_cmd(command).await;
        log.expect("the browser log")
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Asserts that the page asked no host but ours for anything so far.
    pub async fn assert_no_request_elsewhere(&self) {
        let elsewhere = self.requests_elsewhere().await;
        assert!(
            elsewhere.is_empty(),
            "requests to other hosts: {elsewhere:#?}"
        );
    }

    /// Opens an app path, checks its heading, reloads, and checks it again.
    pub async fn assert_heading_survives_reload(&self, path_and_query: &str, expected: &str) {
        self.open(path_and_query).await;
        assert_eq!(self.text("main h1").await, expected, "{path_and_query}");
        self.reload().await;
        let seen = self.wait_for_text("main h1", expected).await;
        assert_eq!(seen, expected, "{path_and_query} after a reload");
    }

    /// Turns the browser's cache off (through DevTools), so every load counts every byte.
    pub async fn disable_cache(&self) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp("Network.setCacheDisabled", json!({ "cacheDisabled": true }))
            .await;
    }

    /// Runs a DevTools protocol command.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) {
        let command = ChromeCommand {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        };
        self.client.issue_cmd(command).await.expect(cmd);
    }

    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client.execute(script, vec![]).await.expect(script)
    }

    /// Runs a script that reports through its last argument, a callback.
    pub async fn eval_async(&self, script: &str) -> serde_json::Value {
        self.client
            .execute_async(script, vec![])
            .await
            .expect(script)
    }

    /// Runs `script` until it returns something other than `null` or `false`, and
    /// returns that (or the last value, once [`WAIT`] has passed).
    pub async fn wait_until(&self, script: &str) -> serde_json::Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = self.eval(script).await;
            let done = !(value.is_null() || value == serde_json::Value::Bool(false));
            if done || Instant::now() > deadline {
                return value;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// From now on, files the page offers are kept instead of saved: each Blob made
    /// into a URL (`window.__blobs`) and each download link clicked (`window.__links`,
    /// file name and URL).
    pub async fn capture_downloads(&self) {
        self.eval(
            "window.__blobs = [];
             const create = URL.createObjectURL.bind(URL);
             URL.createObjectURL = blob => { window.__blobs.push(blob); return create(blob); };
             window.__links = [];
             HTMLAnchorElement.prototype.click = function () { window.__links.push([this.download, this.href]); };
             return null;",
        )
        .await;
    }

    /// The captured Blobs as `[type, text, first three bytes]`.
    pub async fn captured_blobs(&self) -> Vec<serde_json::Value> {
        let blobs = self
            .eval_async(
                "const done = arguments[arguments.length - 1];
                 Promise.all(window.__blobs.map(async b => [b.type, await b.text(),
                   [...new Uint8Array(await b.arrayBuffer()).slice(0, 3)]])).then(done);",
            )
            .await;
        blobs.as_array().cloned().unwrap_or_default()
    }

    /// Clicks like a reader: the element is scrolled into view at once first (the
    /// page scrolls smoothly, and a click during the scroll would land elsewhere).
    pub async fn click(&self, selector: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0])?.scrollIntoView({ block: 'center', behavior: 'instant' })",
                vec![serde_json::Value::String(selector.to_owned())],
            )
            .await
            .expect(selector);
        let element = self
            .client
            .find(Locator::Css(selector))
            .await
            .expect(selector);
        element.click().await.expect(selector);
    }

    /// Opens `page` in Chinese by an old link's `?lang=zh` (which lands on the Chinese
    /// page, `/zh/…`), switches to English, clicks `control`, and checks that the view
    /// change keeps the English page's address and a reload shows English. Returns the
    /// address after the change.
    pub async fn switch_to_english_then_change_the_view(
        &self,
        page: Page,
        control: &str,
    ) -> url::Url {
        self.open(&format!("{}?lang=zh", page.path())).await;
        let zh = page_title(page, Lang::Zh);
        assert_eq!(self.wait_for_text("main h1", zh).await, zh);
        self.click("a[data-lang=en]").await;
        let en = page_title(page, Lang::En);
        assert_eq!(self.wait_for_text("main h1", en).await, en);
        let before = self.eval("return location.href").await;
        // Some controls come with the page's results (the playground's chart, once its
        // worker has read the first example, and its code once it is near the screen).
        let there = self
            .wait_until(&format!(
                "{SHOW_SECTION_CHART} return document.querySelector({control:?}) ? true : null"
            ))
            .await;
        assert_eq!(there, json!(true), "{}: no {control}", page.path());
        self.click(control).await;
        let after = self
            .wait_until(&format!(
                "return location.href !== {before} ? location.pathname + location.search : null"
            ))
            .await;
        let after = after.as_str().unwrap().to_owned();
        assert!(
            !after.contains("/zh/") && !after.contains("lang="),
            "{}: after a view change the address reads {after}",
            page.path()
        );
        let url = self.client.current_url().await.unwrap();
        self.reload().await;
        assert_eq!(
            self.wait_for_text("main h1", en).await,
            en,
            "{}: the reload of {after} is not in English",
            page.path()
        );
        url
    }

    /// Makes the page a 375 × 812 phone screen (mobile, at twice the pixel density).
    pub async fn emulate_phone(&self) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": true }),
        )
        .await;
    }

    /// Ends a test that should have gone cleanly: no console error, no request to
    /// another host, then closes the browser.
    pub async fn finish_clean(self) {
        let errors = self.console_errors().await;
        assert!(errors.is_empty(), "console errors: {errors:#?}");
        self.assert_no_request_elsewhere().await;
        self.close().await;
    }

    pub async fn close(self) {
        self.client.close().await.unwrap();
    }
}

/// The release build named by an environment variable (set by scripts/atlas.sh).
/// The value of `attribute` (`content`: the page's pack; `data-holds`: what it holds) on
/// a pre-rendered page's `<meta name="atlas-chunks">`; empty when the page has none.
pub fn chunks_meta<'a>(html: &'a str, attribute: &str) -> &'a str {
    let tag = format!(
        "<meta name=\"{}\"",
        container_atlas::ui::document::CHUNKS_META
    );
    let Some(meta) = html.split(tag.as_str()).nth(1) else {
        return "";
    };
    let meta = &meta[..meta.find('>').unwrap_or(meta.len())];
    meta.split(&format!(" {attribute}=\""))
        .nth(1)
        .and_then(|value| value.split('"').next())
        .unwrap_or_default()
}

pub fn build_dir(variable: &str, default: &str) -> PathBuf {
    let dir = PathBuf::from(std::env::var(variable).unwrap_or_else(|_| default.into()));
    assert!(
        dir.join("index.html").is_file(),
        "no release build in {} (${variable}): run scripts/atlas.sh test, which builds it",
        dir.display()
    );
    dir
}

/// A chromedriver endpoint the WebDriver standard lacks: its log (`se/log`) and the
/// DevTools protocol (`goog/cdp/execute`).
#[derive(Debug)]
struct ChromeCommand {
    path: &'static str,
    body: serde_json::Value,
}

impl WebDriverCompatibleCommand for ChromeCommand {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/{}",
            session.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

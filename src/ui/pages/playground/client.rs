//! The page's side of the playground worker: starts it (only when the playground
//! opens), sends requests with the file's bytes transferred rather than copied, hands
//! each answer to the page, and can stop and restart it (the Cancel button, a runaway call).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use crate::domain::inspect::protocol::{Answers, Envelope, Request, Response};
use crate::i18n::Key;

/// The worker's loader script (Trunk's loader shim), next to `index.html`: its name
/// carries a hash of the worker's code (`xtask/src/main.rs`), which each page
/// names in `<meta name=atlas-worker>`; Trunk's own name where there is none.
pub(super) fn worker_script() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=atlas-worker]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|name| !name.is_empty() && !name.contains(['/', ':']))
        // A build always names it; without the name, Trunk's, which fails to load and
        // says so (`WORKER_MISSING`) if the hook renamed it.
        .unwrap_or_else(|| "worker_loader.js".to_owned())
}

/// The id of a `Failed` answer that says the worker stopped (it panicked, or died):
/// a new one can take the next request.
pub const WORKER_STOPPED: u32 = u32::MAX;
/// The id of a `Failed` answer that says the worker could not be loaded or started
/// (offline, a page of an older build whose worker is gone, no Web Workers): starting
/// another would fail the same way, and ask the server again, each time.
pub const WORKER_MISSING: u32 = u32::MAX - 1;

type OnResponse = Rc<dyn Fn(u32, Response)>;
type Handler<E> = RefCell<Option<Closure<dyn FnMut(E)>>>;
/// A request as JSON, and the bytes it transfers (copied once, out of the wasm's
/// memory, when it is sent).
type Outgoing = (String, Option<Uint8Array>);

/// The worker's ends served in this page instead of in a Web Worker: for the component
/// tests, which have no worker script to load (`container_atlas::worker`'s `receive`
/// and `connect`). The app never sets it, so the worker's code stays out of its wasm.
#[derive(Clone, Copy)]
pub struct InPage {
    pub receive: fn(&str, Option<Vec<u8>>),
    pub connect: fn(Answers),
}

thread_local! {
    static IN_PAGE: Cell<Option<InPage>> = const { Cell::new(None) };
}

/// Serves the playground's requests in this page from now on (the component tests).
pub fn serve_in_page(worker: InPage) {
    IN_PAGE.set(Some(worker));
}

/// Where requests go: a Web Worker, or the worker's code in this page.
#[derive(Clone)]
enum Port {
    Worker(Worker),
    InPage(InPage),
}

impl Port {
    fn transmit(&self, (json, bytes): Outgoing) {
        match self {
            Port::Worker(worker) => {
                let message = Object::new();
                let _ = Reflect::set(&message, &"json".into(), &json.into());
                let transfer = Array::new();
                if let Some(bytes) = bytes {
                    let buffer = bytes.buffer();
                    let _ = Reflect::set(&message, &"bytes".into(), &buffer);
                    transfer.push(&buffer);
                }
                let _ = worker.post_message_with_transfer(&message, &transfer);
            }
            // Later, as a message would arrive: never inside the sender's own call.
            Port::InPage(worker) => {
                let receive = worker.receive;
                let bytes = bytes.map(|b| b.to_vec());
                wasm_bindgen_futures::spawn_local(async move { receive(&json, bytes) });
            }
        }
    }
}

/// A running worker and what to do with its answers.
pub struct Client {
    /// Shared with the message handler, which flushes the queue into it.
    port: Rc<RefCell<Option<Port>>>,
    on_message: Handler<MessageEvent>,
    on_error: Handler<web_sys::Event>,
    on_response: OnResponse,
    next_id: Cell<u32>,
    /// Whether the worker started since the last spawn said it is ready: an error
    /// before that is a worker that could not load.
    ready: Rc<Cell<bool>>,
    /// Messages sent before the worker said it is ready: a worker's wasm loads
    /// asynchronously, and a message that arrives before its handler is set is lost.
    queue: Rc<RefCell<Option<Vec<Outgoing>>>>,
}

impl Client {
    /// Starts the worker. Answers reach `on_response` with the id of their request;
    /// a worker that stops arrives as `Response::Failed` with id [`WORKER_STOPPED`], one
    /// that cannot load with [`WORKER_MISSING`].
    pub fn start(on_response: impl Fn(u32, Response) + 'static) -> Rc<Client> {
        let client = Rc::new(Client {
            port: Rc::new(RefCell::new(None)),
            on_message: RefCell::new(None),
            on_error: RefCell::new(None),
            on_response: Rc::new(on_response),
            next_id: Cell::new(1),
            ready: Rc::new(Cell::new(false)),
            queue: Rc::new(RefCell::new(Some(Vec::new()))),
        });
        client.spawn();
        client
    }

    fn spawn(&self) {
        *self.queue.borrow_mut() = Some(Vec::new());
        self.ready.set(false);
        let ready = Rc::clone(&self.ready);
        let on_response = Rc::clone(&self.on_response);
        let queue = Rc::clone(&self.queue);
        let port = Rc::clone(&self.port);
        // An answer, as the JSON the worker sends, and the bytes beside it.
        let deliver = Rc::new(move |json: &str, bytes: Option<Vec<u8>>| {
            match serde_json::from_str::<Envelope<Response>>(json) {
                Ok(Envelope {
                    body: Response::Ready,
                    id,
                }) => {
                    ready.set(true);
                    // Send what waited for the worker, in order.
                    let waiting = queue.borrow_mut().take().unwrap_or_default();
                    if let Some(port) = port.borrow().as_ref() {
                        for message in waiting {
                            port.transmit(message);
                        }
                    }
                    on_response(id, Response::Ready);
                }
                Ok(Envelope {
                    id,
                    body: Response::Ran(mut ran),
                }) => {
                    ran.bytes = bytes.unwrap_or_default();
                    on_response(id, Response::Ran(ran));
                }
                Ok(Envelope {
                    id,
                    body: Response::TextFile(Ok(mut file)),
                }) => {
                    file.bytes = bytes.unwrap_or_default();
                    on_response(id, Response::TextFile(Ok(file)));
                }
                Ok(Envelope { id, body }) => on_response(id, body),
                Err(e) => on_response(WORKER_STOPPED, failed(format!("unreadable answer: {e}"))),
            }
        });
        if let Some(worker) = IN_PAGE.get() {
            *self.port.borrow_mut() = Some(Port::InPage(worker));
            (worker.connect)(Box::new(move |json, bytes| {
                let deliver = Rc::clone(&deliver);
                wasm_bindgen_futures::spawn_local(async move { deliver(&json, bytes) });
            }));
            return;
        }
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            if let Some(json) = data.as_string() {
                deliver(&json, None);
            } else if let Some(json) = Reflect::get(&data, &"json".into())
                .ok()
                .and_then(|j| j.as_string())
            {
                let bytes = Reflect::get(&data, &"bytes".into())
                    .ok()
                    .filter(|b| b.is_object())
                    .map(|b| Uint8Array::new(&b).to_vec());
                deliver(&json, bytes);
            }
        });
        let on_response = Rc::clone(&self.on_response);
        let ready = Rc::clone(&self.ready);
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            if ready.get() {
                on_response(WORKER_STOPPED, failed("the worker stopped".to_owned()));
            } else {
                on_response(
                    WORKER_MISSING,
                    failed("the playground's worker could not be loaded".to_owned()),
                );
            }
        });
        let script = worker_script();
        let url = crate::ui::browser::base_href()
            .map(|base| {
                let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
                format!("{dir}{script}")
            })
            .unwrap_or(script);
        match Worker::new(&url) {
            Ok(worker) => {
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                *self.port.borrow_mut() = Some(Port::Worker(worker));
            }
            Err(_) => (self.on_response)(
                WORKER_MISSING,
                failed("this browser cannot start a Web Worker".to_owned()),
            ),
        }
        *self.on_message.borrow_mut() = Some(on_message);
        *self.on_error.borrow_mut() = Some(on_error);
    }

    /// Sends `request`; `bytes`, if any, travel as a transferred `ArrayBuffer`.
    /// Returns the request's id.
    pub fn send(&self, request: Request, bytes: Option<&[u8]>) -> u32 {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1).max(1));
        let json = serde_json::to_string(&Envelope { id, body: request }).unwrap_or_default();
        let message = (json, bytes.map(Uint8Array::from));
        if let Some(waiting) = self.queue.borrow_mut().as_mut() {
            waiting.push(message);
        } else if let Some(port) = self.port.borrow().as_ref() {
            port.transmit(message);
        }
        id
    }

    /// Stops the worker where it is (a runaway call, the Cancel button) and starts a
    /// new one.
    pub fn restart(&self) {
        self.stop();
        self.spawn();
    }

    pub fn stop(&self) {
        match self.port.borrow_mut().take() {
            Some(Port::Worker(worker)) => worker.terminate(),
            // Answers still on their way go nowhere, and the next worker starts empty,
            // as a new Web Worker would.
            Some(Port::InPage(worker)) => (worker.connect)(Box::new(|_, _| {})),
            None => {}
        }
    }
}

fn failed(message: String) -> Response {
    use crate::domain::inspect::{ProblemKind, WasmError};
    Response::Failed(WasmError {
        kind: ProblemKind::Invalid,
        offset: 0,
        message,
    })
}

/// Fetches `url` (one of this site's own files) as bytes.
pub async fn fetch_bytes(url: &str) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(response.array_buffer().ok()?)
        .await
        .ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// Reads a file the visitor chose or dropped (gloo's `FileReader`). On failure, what
/// to say (a message with the file's `name`; the browser's own words are English only).
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, Key> {
    use gloo_file::FileReadError;
    let blob = gloo_file::Blob::from(web_sys::Blob::from(file.clone()));
    gloo_file::futures::read_as_bytes(&blob)
        .await
        .map_err(|error| match error {
            FileReadError::NotFound(_) => Key::PlaygroundReadGone,
            FileReadError::NotReadable(_) | FileReadError::Security(_) => Key::PlaygroundReadDenied,
            FileReadError::AbortedEarly => Key::PlaygroundReadStopped,
        })
}

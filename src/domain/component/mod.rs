//! Running components: their types ([`types`]), values and their WAVE text
//! ([`val`]), the canonical ABI ([`abi`]), and instantiating a component on an engine
//! that knows core modules only ([`link`]). Pure Rust, tested natively with `wasmi`
//! (tests/component.rs); the worker runs the same code on the browser's WebAssembly.

pub mod abi;
pub mod link;
pub mod types;
pub mod val;
pub mod wasi2;

pub use link::{CallError, Callable, Engine, Imports, LinkError, Linked, Plan, Stubs, Target};
pub use types::{FuncTy, Ty};
pub use val::Val;

//! One file per page of the app.

pub mod code;
pub mod data;
pub mod engines;
pub mod gpus;
pub mod not_found;
pub mod overview;
pub mod playground;
pub mod sandboxes;
pub mod section_page;
pub mod wasm;
pub mod wizard;

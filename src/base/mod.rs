//! The shared vocabulary every layer speaks: the two languages and text in both, the
//! app's pages, and quantities with their units. It depends on nothing else in the
//! crate, so `data` and `domain` can both use it while `data` never reaches into
//! `domain` (`tests/architecture.rs` checks the direction).

pub mod answers;
pub mod lang;
pub mod page;
pub mod quantity;

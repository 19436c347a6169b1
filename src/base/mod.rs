//! The shared vocabulary every layer speaks: the two languages and text in both, the
//! app's pages, quantities with their units, and the wizard's questions and answers
//! (the report's profiles in `data` are written in them). It depends on nothing else in the
//! crate, so `data` and `domain` can both use it while `data` never reaches into
//! `domain` (`tests/architecture.rs` checks the direction).

pub mod answers;
pub mod lang;
pub mod page;
pub mod quantity;

//! Reusable components of the shell and pages.

pub mod copy;
pub mod evidence;
pub mod figure_card;
pub mod footer;
pub mod gpu_blocks;
pub mod header;
pub mod page_intro;
pub mod page_names;
pub mod report_blocks;
pub mod section_card;
pub mod sort_header;

//! Charts as data, one file per concern: `values` resolves a chart's cells to
//! values with their sources, `view` holds the view a reader chose and its query
//! codec, `text` writes values and sources for display, `geometry` places every
//! mark as fractions of the plot, and `csv` writes the values as a file. The UI
//! only scales and draws.

mod csv;
mod footnotes;
mod geometry;
mod text;
mod values;
mod view;

pub use csv::chart_csv;
pub use footnotes::{Footnote, Footnotes, Said, figures_of};
pub use geometry::{
    BarSpan, Shape, bar_span, dot_span, extent, panels, radar_point, sin_cos_of_turn, stack,
};
pub use text::{cell_text, readable, significant, source_text};
pub use values::{Cell, Row, RowOf, Source, divide, resolve, resolve_cell};
pub use view::{ChartView, SortBy, has_scale_toggle};

//! Sortable column headers, for the figure table on /data and the chart tables: one
//! rule for `aria-sort` on the `<th>` and for the mark beside the label (▲, ▼, or ↕
//! where a click would sort), which is hidden from screen readers since they read
//! `aria-sort`.

use crate::ui::html::Html;

/// How a table is sorted by one column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortState {
    None,
    Ascending,
    Descending,
}

impl SortState {
    /// The state of a column: `active` when the table is sorted by it.
    pub const fn of(active: bool, descending: bool) -> SortState {
        match (active, descending) {
            (false, _) => SortState::None,
            (true, false) => SortState::Ascending,
            (true, true) => SortState::Descending,
        }
    }

    /// The value of `aria-sort`.
    pub const fn aria(self) -> &'static str {
        match self {
            SortState::None => "none",
            SortState::Ascending => "ascending",
            SortState::Descending => "descending",
        }
    }

    /// The mark shown after the label.
    pub const fn mark(self) -> &'static str {
        match self {
            SortState::None => "↕",
            SortState::Ascending => "▲",
            SortState::Descending => "▼",
        }
    }
}

/// A sortable header as static HTML: `<th aria-sort>` around a button that carries
/// `data-sort`, for a listener on an ancestor to act on.
pub fn sort_header_html(h: &mut Html, label: &str, data_sort: &str, state: SortState) {
    h.open("th", &[("scope", "col"), ("aria-sort", state.aria())]);
    h.open("button", &[("type", "button"), ("data-sort", data_sort)]);
    h.text(label);
    h.element(
        "span",
        &[("class", "sort-mark"), ("aria-hidden", "true")],
        state.mark(),
    );
    h.close("button").close("th");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_says_its_order_to_the_eye_and_to_screen_readers() {
        assert_eq!(SortState::of(false, true), SortState::None);
        assert_eq!(SortState::of(true, true).aria(), "descending");
        let mut h = Html::new();
        sort_header_html(&mut h, "FP16", "0", SortState::of(true, false));
        assert_eq!(
            h.finish(),
            "<th scope=\"col\" aria-sort=\"ascending\"><button type=\"button\" data-sort=\"0\">FP16\
             <span class=\"sort-mark\" aria-hidden=\"true\">▲</span></button></th>"
        );
    }
}

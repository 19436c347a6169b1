//! The view a reader chose for one chart (scale, sort, direction, hidden rows,
//! filters, table) and its codec as a query-string value (`log,by-1,desc,hide-vm`).

use super::values::Row;
use crate::base::lang::Lang;
use crate::data::charts::{ChartDef, ChartKind, Origin};
use crate::domain::scale::ScaleKind;

/// How rows are ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// The report's order.
    #[default]
    Report,
    Name,
    /// By the values of a series (0-based).
    Series(usize),
}

/// What a reader chose for one chart. The default is the chart as defined.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ChartView {
    /// `None`: the chart's own default scale.
    pub scale: Option<ScaleKind>,
    pub sort: SortBy,
    pub descending: bool,
    pub table: bool,
    /// Keys of rows left out.
    pub hidden: Vec<String>,
    /// Tags a row must carry to be shown.
    pub only: Vec<String>,
}

impl ChartView {
    /// The scale in effect for `chart`.
    pub fn scale_kind(&self, chart: &ChartDef) -> ScaleKind {
        match self.scale {
            Some(ScaleKind::Log) if chart.can_log => ScaleKind::Log,
            Some(_) => ScaleKind::Linear,
            None if chart.log => ScaleKind::Log,
            None => ScaleKind::Linear,
        }
    }

    /// Reads the view from its query value (`log,by-1,desc,hide-vm`). Tokens that do
    /// not apply to `chart` are ignored and returned, for a notice.
    pub fn parse(value: &str, chart: &'static ChartDef, rows: &[Row]) -> (ChartView, Vec<String>) {
        let mut view = ChartView::default();
        let mut ignored = Vec::new();
        for token in value.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let ok = match token {
                "log" if chart.can_log => {
                    view.scale = Some(ScaleKind::Log);
                    true
                }
                "lin" => {
                    view.scale = Some(ScaleKind::Linear);
                    true
                }
                "by-name" => {
                    view.sort = SortBy::Name;
                    true
                }
                "desc" => {
                    view.descending = true;
                    true
                }
                "table" => {
                    view.table = true;
                    true
                }
                _ => {
                    if let Some(n) = token.strip_prefix("by-") {
                        match n.parse::<usize>() {
                            Ok(n) if (1..=chart.series.len()).contains(&n) => {
                                view.sort = SortBy::Series(n - 1);
                                true
                            }
                            _ => false,
                        }
                    } else if let Some(key) = token.strip_prefix("hide-") {
                        let known = rows.iter().any(|r| r.key == key);
                        if known && !view.hidden.iter().any(|h| h == key) {
                            view.hidden.push(key.to_owned());
                        }
                        // A file's chart keeps its view from one file to the next: a
                        // row this file lacks is simply not there, not a mistake.
                        known || chart.origin == Origin::File
                    } else if let Some(tag) = token.strip_prefix("only-") {
                        let known = chart.filters.iter().any(|group| group.contains(&tag));
                        if known && !view.only.iter().any(|t| t == tag) {
                            view.only.push(tag.to_owned());
                        }
                        known
                    } else {
                        false
                    }
                }
            };
            if !ok {
                ignored.push(token.to_owned());
            }
        }
        (view, ignored)
    }

    /// The query value for this view: only what differs from the chart's defaults,
    /// so an untouched chart adds nothing to the link.
    pub fn to_value(&self, chart: &ChartDef) -> String {
        let mut tokens: Vec<String> = Vec::new();
        match self.scale {
            Some(ScaleKind::Log) if !chart.log && chart.can_log => tokens.push("log".into()),
            Some(ScaleKind::Linear) if chart.log => tokens.push("lin".into()),
            _ => {}
        }
        match self.sort {
            SortBy::Report => {}
            SortBy::Name => tokens.push("by-name".into()),
            SortBy::Series(n) => tokens.push(format!("by-{}", n + 1)),
        }
        if self.descending {
            tokens.push("desc".into());
        }
        if self.table {
            tokens.push("table".into());
        }
        tokens.extend(self.only.iter().map(|t| format!("only-{t}")));
        tokens.extend(self.hidden.iter().map(|k| format!("hide-{k}")));
        tokens.join(",")
    }

    /// Shows or hides one row.
    pub fn toggle_hidden(&mut self, key: &str) {
        if let Some(i) = self.hidden.iter().position(|h| h == key) {
            self.hidden.remove(i);
        } else {
            self.hidden.push(key.to_owned());
        }
    }

    /// Sets the filter of the tag group `tag` belongs to (`None`: the whole group).
    pub fn set_only(&mut self, chart: &ChartDef, group: usize, tag: Option<&str>) {
        if let Some(tags) = chart.filters.get(group) {
            self.only.retain(|t| !tags.contains(&t.as_str()));
        }
        if let Some(tag) = tag {
            self.only.push(tag.to_owned());
        }
    }

    /// Sorting by `by`; choosing the current sort again flips its direction.
    pub fn sort_by(&mut self, by: SortBy) {
        if self.sort == by {
            self.descending = !self.descending;
        } else {
            self.sort = by;
            self.descending = false;
        }
    }

    /// The rows this view shows, in its order. Rows without a value to sort by come last.
    pub fn apply(&self, rows: &[Row], lang: Lang) -> Vec<Row> {
        let mut shown: Vec<Row> = rows
            .iter()
            .filter(|r| !self.hidden.contains(&r.key))
            .filter(|r| self.only.iter().all(|t| r.tags().contains(&t.as_str())))
            .cloned()
            .collect();
        match self.sort {
            SortBy::Report => {
                if self.descending {
                    shown.reverse();
                }
            }
            SortBy::Name => {
                shown.sort_by_cached_key(|r| r.label(lang));
                if self.descending {
                    shown.reverse();
                }
            }
            SortBy::Series(n) => {
                let value = |r: &Row| {
                    r.cells
                        .get(n)
                        .copied()
                        .flatten()
                        .map(|c| c.quantity.amount.representative())
                };
                shown.sort_by(|a, b| match (value(a), value(b)) {
                    (Some(x), Some(y)) if self.descending => y.total_cmp(&x),
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.index.cmp(&b.index),
                });
            }
        }
        shown
    }
}

/// Whether a chart kind draws a value axis that can be log.
pub const fn has_scale_toggle(chart: &ChartDef) -> bool {
    chart.can_log
        && !matches!(
            chart.kind,
            ChartKind::Radar | ChartKind::Stacked | ChartKind::Table
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::charts::chart;
    use crate::domain::chart::resolve;

    #[test]
    fn views_round_trip_through_the_query_value() {
        let chart = chart("startup").unwrap();
        let rows = resolve(chart);
        let (view, ignored) =
            ChartView::parse("lin,by-1,desc,table,hide-vm,hide-docker", chart, &rows);
        assert!(ignored.is_empty());
        assert_eq!(view.scale_kind(chart), ScaleKind::Linear);
        assert_eq!(view.sort, SortBy::Series(0));
        assert!(view.descending && view.table);
        assert_eq!(view.hidden, ["vm", "docker"]);
        assert_eq!(
            view.to_value(chart),
            "lin,by-1,desc,table,hide-vm,hide-docker"
        );
        assert_eq!(
            ChartView::parse(&view.to_value(chart), chart, &rows).0,
            view
        );
        // The default view writes nothing.
        assert_eq!(ChartView::default().to_value(chart), "");
        assert_eq!(ChartView::default().scale_kind(chart), ScaleKind::Log);
    }

    #[test]
    fn bad_tokens_are_ignored_and_named() {
        let chart = chart("profiles").unwrap();
        let rows = resolve(chart);
        let (view, ignored) = ChartView::parse(
            "log,by-9,by-0,hide-nope,only-cn,<script>,,by-name, desc ",
            chart,
            &rows,
        );
        assert_eq!(
            ignored,
            ["log", "by-9", "by-0", "hide-nope", "only-cn", "<script>"]
        );
        assert_eq!(view.sort, SortBy::Name);
        assert!(view.descending);
        assert_eq!(view.scale_kind(chart), ScaleKind::Linear);
    }

    #[test]
    fn sorting_filtering_and_hiding() {
        let chart = chart("gpu-table").unwrap();
        let rows = resolve(chart);
        let mut view = ChartView::default();
        view.set_only(chart, 0, Some("cn"));
        view.set_only(chart, 1, Some("inference"));
        let shown: Vec<String> = view
            .apply(&rows, Lang::En)
            .into_iter()
            .map(|r| r.key)
            .collect();
        assert_eq!(shown, ["iluvatar-bi-v100", "iluvatar-bi-v150", "mtt-s70"]);
        view.set_only(chart, 1, None);
        view.sort_by(SortBy::Series(0));
        view.sort_by(SortBy::Series(0));
        assert!(view.descending);
        let shown = view.apply(&rows, Lang::En);
        assert_eq!(shown[0].key, "biren-br100");
        // Rows without FP16 come last, in the report's order.
        assert_eq!(shown.last().unwrap().key, "mtt-s70");
        assert_eq!(view.to_value(chart), "by-1,desc,only-cn");
        view.toggle_hidden("biren-br100");
        assert_eq!(view.apply(&rows, Lang::En)[0].key, "biren-br104");
        view.toggle_hidden("biren-br100");
        assert!(view.hidden.is_empty());
    }
}

//! Horizontal bars, one per series in each row; ranges float between their ends,
//! upper bounds are hatched and capped, lower bounds carry an arrow onward, and
//! independent figures are thin lines with diamonds. Rows in different units get a
//! panel and an axis each.

use super::Plot;
use super::svg::{Svg, TickLabels, text_width};
use crate::data::charts::{Better, Role};
use crate::domain::chart::{Shape, bar_span, extent, panels};
use crate::domain::scale::{Scale, ScaleKind, tick_label};
use crate::i18n::Key;

/// Below this width, labels go above their bars instead of beside them.
const NARROW: f64 = 560.0;

pub fn draw(p: &Plot, s: &mut Svg) -> f64 {
    let mixed_better = {
        let mut betters = p.rows.iter().map(|r| r.def.better);
        let first = betters.next();
        betters.any(|b| Some(b) != first)
    };
    let label_of = |row: &crate::domain::chart::Row| {
        let label = row.label(p.lang);
        if !mixed_better || row.def.better == Better::Neither {
            return label;
        }
        let hint = if row.def.better == Better::Higher {
            Key::ChartBetterHigher
        } else {
            Key::ChartBetterLower
        };
        format!("{label} ({})", hint.text(p.lang))
    };
    // Labels sit beside the bars when they fit in under half the width (on two lines
    // at most), above them otherwise.
    let widest = p
        .rows
        .iter()
        .map(|r| {
            let label = label_of(r);
            let (a, b) = split_label(&label);
            text_width(a).max(text_width(b))
        })
        .fold(0.0, f64::max);
    let narrow = p.width < NARROW || widest + 12.0 > p.width * 0.45;
    let label_w = if narrow {
        0.0
    } else {
        (widest + 4.0).max(60.0)
    };
    let x0 = if narrow { 8.0 } else { label_w + 10.0 };
    let x1 = p.width - if narrow { 84.0 } else { 110.0 };
    let plot_w = x1 - x0;
    let series = p.chart.series.len();
    let bar_h = if series > 1 { 13.0 } else { 18.0 };
    let mut y = 6.0;
    let mut first_mark = true;
    for (unit, members) in panels(p.rows) {
        let values = extent(
            members
                .iter()
                .flat_map(|r| r.cells.iter().flatten().copied()),
        );
        let scale = Scale::fit(p.scale, &values);
        let top = y;
        let mut body = Svg::new();
        for row in members {
            let label = label_of(row);
            let row_h = (bar_h + 3.0) * series as f64 - 3.0;
            if narrow && text_width(&label) > p.width - x0 {
                let (first, second) = split_label(&label);
                body.text(x0, y + 12.0, "start", "row-label", first);
                body.text(x0, y + 26.0, "start", "row-label sub", second);
                y += 31.0;
            } else if narrow {
                body.text(x0, y + 12.0, "start", "row-label", &label);
                y += 17.0;
            } else {
                label_lines(&mut body, &label, label_w, y + row_h / 2.0);
            }
            for (i, cell) in row.cells.iter().enumerate() {
                let by = y + (bar_h + 3.0) * i as f64;
                let Some(cell) = cell else { continue };
                let tip = p.tip(row, i, cell);
                let role = p.chart.series[i].role;
                let class = format!(
                    "mark s{i} {}",
                    Shape::of(cell.quantity.amount.kind()).code()
                );
                body.open_mark(first_mark, &class, &row.key, &tip);
                first_mark = false;
                match bar_span(cell.quantity.amount, &scale) {
                    Some(span) => {
                        let (bx, ex) = (x0 + span.start * plot_w, x0 + span.end * plot_w);
                        let w = (ex - bx).max(2.0);
                        let mid = by + bar_h / 2.0;
                        if role == Role::Independent {
                            if span.shape == Shape::Range || span.shape == Shape::UpperBound {
                                body.rect(bx, mid - 1.5, w, 3.0, "bar");
                            }
                            if span.shape == Shape::Range {
                                body.diamond(bx, mid, 5.0, "dot");
                            }
                            body.diamond(bx + w, mid, 5.0, "dot");
                        } else {
                            match span.shape {
                                Shape::UpperBound => {
                                    let pattern = format!("hatch-{}-{i}", p.chart.id);
                                    body.patterned_rect(bx, by, w, bar_h, "hatched", &pattern);
                                    body.rect(bx + w - 3.0, by - 2.0, 3.0, bar_h + 4.0, "cap");
                                }
                                Shape::LowerBound => {
                                    body.rect(bx, by, w, bar_h, "bar");
                                    let tip_x = (bx + w + 22.0).min(x1 + 20.0);
                                    body.line(bx + w, mid, tip_x - 4.0, mid, "onward");
                                    body.arrowhead(tip_x, mid, 1.0, 0.0, "arrow");
                                }
                                _ => {
                                    body.rect(bx, by, w, bar_h, "bar");
                                }
                            }
                        }
                        let after = if span.shape == Shape::LowerBound {
                            26.0
                        } else {
                            5.0
                        };
                        body.text(bx + w + after, mid + 4.0, "start", "value", &p.value(cell));
                    }
                    None => {
                        body.text(
                            x0,
                            by + bar_h - 4.0,
                            "start",
                            "value muted",
                            Key::ChartNoLog.text(p.lang),
                        );
                    }
                }
                body.close("g");
            }
            y += row_h + 12.0;
        }
        // Grid and ticks under the bars, then the bars.
        let mut labels = TickLabels::within(p.width);
        for tick in scale.ticks() {
            if let Some(t) = scale.position(tick) {
                let x = x0 + t * plot_w;
                s.line(
                    x,
                    top,
                    x,
                    y - 4.0,
                    if tick == 0.0 { "zero" } else { "grid" },
                );
                labels.across(s, x, y + 10.0, &tick_label(tick, unit, p.lang));
            }
        }
        let axis = if scale.kind == ScaleKind::Log {
            Key::ChartLogAxis
        } else {
            Key::ChartLinearAxis
        };
        s.text(x1, y + 26.0, "end", "axis-title", axis.text(p.lang));
        s.append(body);
        y += 40.0;
    }
    y
}

/// A label in two lines: before and after its last " · " (or its first space), or
/// whole when it fits on one.
fn split_label(label: &str) -> (&str, &str) {
    if text_width(label) <= 200.0 {
        return (label, "");
    }
    label
        .rsplit_once(" · ")
        .or_else(|| label.split_once(' '))
        .unwrap_or((label, ""))
}

/// A row label right-aligned before the plot, on two lines when it is too long.
fn label_lines(s: &mut Svg, label: &str, right: f64, mid: f64) {
    let (first, second) = split_label(label);
    if second.is_empty() {
        s.text(right, mid + 4.0, "end", "row-label", first);
        return;
    }
    s.text(right, mid - 3.0, "end", "row-label", first);
    s.text(right, mid + 11.0, "end", "row-label sub", second);
}

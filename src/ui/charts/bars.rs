//! Horizontal bars, one per series in each row; ranges float between their ends,
//! upper bounds are hatched and capped, lower bounds carry an arrow onward, and
//! independent figures are thin lines with diamonds. On a log scale the same values
//! are a dot plot instead (a bar's length from the axis' arbitrary floor would imply
//! ratios): dots, a range's line, a bound's bar with an arrow toward the value. Rows
//! in different units get a panel and an axis each.

use super::Plot;
use super::svg::{Svg, TickLabels, text_width};
use crate::base::quantity::Amount;
use crate::data::charts::{Better, Role};
use crate::domain::chart::{BarSpan, Row, Shape, bar_span, dot_span, extent, panels};
use crate::domain::scale::{Scale, ScaleKind, axis_labels};
use crate::i18n::Key;

// Layout, in CSS pixels at the charts' 12 px font.

/// Below this width, labels go above their bars instead of beside them.
const NARROW: f64 = 560.0;
/// Labels go beside the bars only when the widest, with this margin, fits in this
/// share of the width.
const LABEL_SHARE: f64 = 0.45;
const LABEL_MARGIN: f64 = 12.0;
/// Labels beside the bars: their column is at least this wide…
const LABEL_MIN_W: f64 = 60.0;
/// …and this much wider than the widest label, with this gap before the plot.
const LABEL_PAD: f64 = 4.0;
const LABEL_GAP: f64 = 10.0;
/// A label wider than this is split over two lines.
const LABEL_SPLIT_W: f64 = 200.0;
/// The plot's left edge when labels go above the bars.
const NARROW_LEFT: f64 = 8.0;
/// Room right of the plot for values: at least this (a lower bound's arrow reaches
/// past the plot), at most this share of the plot's width, and this far from the edge.
const MIN_VALUE_ROOM: f64 = 24.0;
const MAX_VALUE_SHARE: f64 = 0.6;
const EDGE: f64 = 4.0;
/// A bar's height: thinner when a row has a bar per series.
const BAR_H: f64 = 18.0;
const MULTI_BAR_H: f64 = 13.0;
/// Between the bars of one row, and between rows.
const BAR_GAP: f64 = 3.0;
const ROW_GAP: f64 = 12.0;
/// Grid lines reach this far below a panel's last bar.
const GRID_BELOW_BARS: f64 = 8.0;
/// The shortest bar drawn, so that a tiny value still shows.
const MIN_BAR_W: f64 = 2.0;
/// An upper bound's cap: its width, and how far it stands out above and below.
const CAP_W: f64 = 3.0;
const CAP_OVER: f64 = 2.0;
/// An independent figure: a line this thick for a range or bound, diamonds this big.
const LINE_H: f64 = 3.0;
const DIAMOND_R: f64 = 5.0;
/// Above the first panel.
const TOP: f64 = 6.0;
/// A label above its bars: the baseline of its first and second line, and the
/// height it takes on one line and on two.
const ABOVE_LINE_1: f64 = 12.0;
const ABOVE_LINE_2: f64 = 26.0;
const ABOVE_H: f64 = 17.0;
const ABOVE_TWO_H: f64 = 31.0;
/// Under a panel's last row: the baselines of the tick labels and of the axis title,
/// and the space before the next panel.
const TICKS_BELOW: f64 = 10.0;
const AXIS_TITLE_BELOW: f64 = 26.0;
const PANEL_GAP: f64 = 40.0;
/// A bound's arrow: how far it reaches past the mark, at most past the plot's right
/// end and before its left end, and at least (or it is left out).
const ARROW_REACH: f64 = 22.0;
const ARROW_OVERHANG: f64 = 20.0;
const ARROW_UNDERHANG: f64 = 6.0;
const ARROW_MIN: f64 = 8.0;
/// On a log scale: a value's dot, and a range's line.
const DOT_R: f64 = 5.0;
const RANGE_H: f64 = 5.0;
/// The gap between a bar's end and its value (after an arrow, past the arrow).
const VALUE_GAP: f64 = 5.0;
const VALUE_AFTER_ARROW: f64 = 26.0;
/// Text baselines sit this far below the middle of a bar, to center 12 px text.
const TEXT_DROP: f64 = 4.0;

pub fn draw(p: &Plot, s: &mut Svg) -> f64 {
    let mixed_better = {
        let mut betters = p.rows.iter().map(Row::better);
        let first = betters.next();
        betters.any(|b| Some(b) != first)
    };
    let label_of = |row: &Row| {
        let label = row.label(p.lang);
        if !mixed_better || row.better() == Better::Neither {
            return label;
        }
        let hint = if row.better() == Better::Higher {
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
    let narrow = p.width < NARROW || widest + LABEL_MARGIN > p.width * LABEL_SHARE;
    let label_w = if narrow {
        0.0
    } else {
        (widest + LABEL_PAD).max(LABEL_MIN_W)
    };
    let x0 = if narrow {
        NARROW_LEFT
    } else {
        label_w + LABEL_GAP
    };
    let panels: Vec<_> = panels(p.rows)
        .into_iter()
        .map(|(unit, members)| {
            let values = extent(
                members
                    .iter()
                    .flat_map(|r| r.cells.iter().flatten().copied()),
            );
            (unit, members, Scale::fit(p.scale, &values))
        })
        .collect();
    // Room right of the plot for the value after each mark, measured: a value at
    // fraction `t` of the plot with `after` pixels of text needs
    // `x0 + t·(x1 − x0) + after ≤ width − EDGE`.
    let mut room: f64 = MIN_VALUE_ROOM;
    for (_, members, scale) in &panels {
        for row in members {
            for (i, cell) in row.cells.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let Some(span) = span_on(cell.quantity.amount, scale) else {
                    continue;
                };
                let text = p.value_text(row, i, cell);
                let after = value_offset(span.shape, scale.kind) + text_width(&text);
                let free = p.width - EDGE - x0 - after;
                if span.end > 0.0 {
                    room = room.max(p.width - x0 - free / span.end);
                }
            }
        }
    }
    let x1 = p.width - room.min((p.width - x0) * MAX_VALUE_SHARE);
    let plot_w = x1 - x0;
    let series = p.chart.series.len();
    let bar_h = if series > 1 { MULTI_BAR_H } else { BAR_H };
    let mut y = TOP;
    let mut first_mark = true;
    for (unit, members, scale) in panels {
        let dots = scale.kind == ScaleKind::Log;
        let top = y;
        let mut body = Svg::new();
        for row in members {
            let label = label_of(row);
            let row_h = (bar_h + BAR_GAP) * series as f64 - BAR_GAP;
            if narrow && text_width(&label) > p.width - x0 {
                let (first, second) = split_label(&label);
                body.text(x0, y + ABOVE_LINE_1, "start", "row-label", first);
                body.text(x0, y + ABOVE_LINE_2, "start", "row-label sub", second);
                y += ABOVE_TWO_H;
            } else if narrow {
                body.text(x0, y + ABOVE_LINE_1, "start", "row-label", &label);
                y += ABOVE_H;
            } else {
                label_lines(&mut body, &label, label_w, y + row_h / 2.0);
            }
            for (i, cell) in row.cells.iter().enumerate() {
                let by = y + (bar_h + BAR_GAP) * i as f64;
                let Some(cell) = cell else { continue };
                let tip = p.tip(row, i, cell);
                let role = p.chart.series[i].role;
                let shape = Shape::of(cell.quantity.amount.kind());
                let noted = if p.notes.markers(&row.key, i).is_empty() {
                    ""
                } else {
                    " noted"
                };
                let class = format!("mark s{i} {}{noted}", shape.code());
                body.open_mark(first_mark, &class, &row.key, &tip);
                first_mark = false;
                let mid = by + bar_h / 2.0;
                match span_on(cell.quantity.amount, &scale) {
                    Some(span) => {
                        let (bx, ex) = (x0 + span.start * plot_w, x0 + span.end * plot_w);
                        let mark = Mark {
                            bx,
                            ex,
                            by,
                            mid,
                            bar_h,
                            x0,
                            x1,
                        };
                        if dots {
                            mark.dot(&mut body, span.shape, role == Role::Independent);
                        } else if role == Role::Independent {
                            mark.thin_bar(&mut body, span.shape);
                        } else {
                            let pattern = format!("hatch-{}-{i}", p.chart.id);
                            mark.bar(&mut body, span.shape, &pattern);
                        }
                        let end = if dots {
                            ex
                        } else {
                            bx + (ex - bx).max(MIN_BAR_W)
                        };
                        let text = p.value_text(row, i, cell);
                        let at = end + value_offset(span.shape, scale.kind);
                        if at + text_width(&text) <= p.width - EDGE {
                            body.text(at, mid + TEXT_DROP, "start", "value", &text);
                        } else {
                            // Only when the plot has been squeezed to its least: the
                            // value ends at the edge rather than past it.
                            body.text(p.width - EDGE, mid + TEXT_DROP, "end", "value", &text);
                        }
                    }
                    None => {
                        body.text(
                            x0,
                            by + bar_h - TEXT_DROP,
                            "start",
                            "value muted",
                            Key::ChartNoLog.text(p.lang),
                        );
                    }
                }
                body.close("g");
            }
            y += row_h + ROW_GAP;
        }
        // Grid and ticks under the bars, then the bars.
        let mut labels = TickLabels::within(p.width);
        let ticks: Vec<(f64, f64)> = scale
            .ticks()
            .into_iter()
            .filter_map(|tick| Some((tick, scale.position(tick)?)))
            .collect();
        let values: Vec<f64> = ticks.iter().map(|(v, _)| *v).collect();
        let texts = axis_labels(&values, unit, p.lang);
        for ((tick, t), text) in ticks.into_iter().zip(texts) {
            let x = x0 + t * plot_w;
            s.line(
                x,
                top,
                x,
                y - ROW_GAP + GRID_BELOW_BARS,
                if tick == 0.0 { "zero" } else { "grid" },
            );
            labels.across(s, x, y + TICKS_BELOW, &text);
        }
        let axis = if scale.kind == ScaleKind::Log {
            Key::ChartLogAxis
        } else {
            Key::ChartLinearAxis
        };
        let axis = axis.text(p.lang);
        s.text(
            x1.max(text_width(axis) + EDGE),
            y + AXIS_TITLE_BELOW,
            "end",
            "axis-title",
            axis,
        );
        s.append(body);
        y += PANEL_GAP;
    }
    y
}

/// Where a value's mark lies: a bar from the baseline on a linear scale, a point
/// (or a range's line) on a log scale.
fn span_on(amount: Amount, scale: &Scale) -> Option<BarSpan> {
    if scale.kind == ScaleKind::Log {
        dot_span(amount, scale)
    } else {
        bar_span(amount, scale)
    }
}

/// How far right of a mark's end its value starts.
fn value_offset(shape: Shape, kind: ScaleKind) -> f64 {
    match (shape, kind) {
        (Shape::LowerBound, _) => VALUE_AFTER_ARROW,
        (_, ScaleKind::Log) => DOT_R + VALUE_GAP,
        _ => VALUE_GAP,
    }
}

/// One value's mark: from `bx` to `ex` across, the bar's top `by` and middle `mid`,
/// inside the plot from `x0` to `x1`.
struct Mark {
    bx: f64,
    ex: f64,
    by: f64,
    mid: f64,
    bar_h: f64,
    x0: f64,
    x1: f64,
}

impl Mark {
    /// A bar from the baseline (linear scales): an upper bound hatched and capped, a
    /// lower bound with an arrow onward, a range floating between its ends.
    fn bar(&self, s: &mut Svg, shape: Shape, pattern: &str) {
        let w = (self.ex - self.bx).max(MIN_BAR_W);
        let (bx, by, bar_h) = (self.bx, self.by, self.bar_h);
        match shape {
            Shape::UpperBound => {
                s.patterned_rect(bx, by, w, bar_h, "hatched", pattern);
                let (cap_x, cap_h) = (bx + w - CAP_W, bar_h + 2.0 * CAP_OVER);
                s.rect(cap_x, by - CAP_OVER, CAP_W, cap_h, "cap");
            }
            Shape::LowerBound => {
                s.rect(bx, by, w, bar_h, "bar");
                self.arrow(s, bx + w, 1.0);
            }
            _ => {
                s.rect(bx, by, w, bar_h, "bar");
            }
        }
    }

    /// An independent figure on a linear scale: a thin line to a diamond.
    fn thin_bar(&self, s: &mut Svg, shape: Shape) {
        let w = (self.ex - self.bx).max(MIN_BAR_W);
        let (bx, mid) = (self.bx, self.mid);
        if shape == Shape::Range || shape == Shape::UpperBound {
            s.rect(bx, mid - LINE_H / 2.0, w, LINE_H, "bar");
        }
        if shape == Shape::Range {
            s.diamond(bx, mid, DIAMOND_R, "dot");
        }
        s.diamond(bx + w, mid, DIAMOND_R, "dot");
    }

    /// A value on a log scale: a dot (a diamond for an independent figure), a line
    /// between a range's ends, and a bound as a bar across the value's line with an
    /// arrow toward where the value lies.
    fn dot(&self, s: &mut Svg, shape: Shape, independent: bool) {
        let (bx, ex, mid) = (self.bx, self.ex, self.mid);
        let point = |s: &mut Svg, x: f64| {
            if independent {
                s.diamond(x, mid, DIAMOND_R, "dot");
            } else {
                s.circle(x, mid, DOT_R, "dot");
            }
        };
        match shape {
            Shape::Range => {
                let h = if independent { LINE_H } else { RANGE_H };
                s.rect(bx, mid - h / 2.0, (ex - bx).max(MIN_BAR_W), h, "bar");
                point(s, bx);
                point(s, ex);
            }
            Shape::UpperBound | Shape::LowerBound => {
                let toward = if shape == Shape::UpperBound {
                    -1.0
                } else {
                    1.0
                };
                self.arrow(s, ex, toward);
                if independent {
                    point(s, ex);
                } else {
                    let cap_h = self.bar_h + 2.0 * CAP_OVER;
                    s.rect(ex - CAP_W / 2.0, self.by - CAP_OVER, CAP_W, cap_h, "bar");
                }
            }
            Shape::Exact | Shape::About => point(s, ex),
        }
    }

    /// A dashed arrow from `x` toward larger values (`toward` 1) or smaller (−1),
    /// kept near the plot.
    fn arrow(&self, s: &mut Svg, x: f64, toward: f64) {
        let tip_x = if toward > 0.0 {
            (x + ARROW_REACH).min(self.x1 + ARROW_OVERHANG)
        } else {
            (x - ARROW_REACH).max(self.x0 - ARROW_UNDERHANG)
        };
        if (tip_x - x).abs() < ARROW_MIN {
            return;
        }
        // The line stops inside the arrowhead.
        s.line(x, self.mid, tip_x - 4.0 * toward, self.mid, "onward");
        s.arrowhead(tip_x, self.mid, toward, 0.0, "arrow");
    }
}

/// A label in two lines: before and after its last " · " (or its first space), or
/// whole when it fits on one.
fn split_label(label: &str) -> (&str, &str) {
    if text_width(label) <= LABEL_SPLIT_W {
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
        s.text(right, mid + TEXT_DROP, "end", "row-label", first);
        return;
    }
    // Two lines 14 px apart, centered on the bars.
    s.text(right, mid - 3.0, "end", "row-label", first);
    s.text(right, mid + 11.0, "end", "row-label sub", second);
}

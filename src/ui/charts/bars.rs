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
/// Room right of the plot for the value after the longest bar (less on a phone).
const VALUE_ROOM: f64 = 110.0;
const NARROW_VALUE_ROOM: f64 = 84.0;
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
/// A lower bound's arrow: how far it reaches past the bar, and at most past the plot.
const ARROW_REACH: f64 = 22.0;
const ARROW_OVERHANG: f64 = 20.0;
/// The gap between a bar's end and its value (after an arrow, past the arrow).
const VALUE_GAP: f64 = 5.0;
const VALUE_AFTER_ARROW: f64 = 26.0;
/// Text baselines sit this far below the middle of a bar, to center 12 px text.
const TEXT_DROP: f64 = 4.0;

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
    let x1 = p.width
        - if narrow {
            NARROW_VALUE_ROOM
        } else {
            VALUE_ROOM
        };
    let plot_w = x1 - x0;
    let series = p.chart.series.len();
    let bar_h = if series > 1 { MULTI_BAR_H } else { BAR_H };
    let mut y = TOP;
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
                let class = format!(
                    "mark s{i} {}",
                    Shape::of(cell.quantity.amount.kind()).code()
                );
                body.open_mark(first_mark, &class, &row.key, &tip);
                first_mark = false;
                match bar_span(cell.quantity.amount, &scale) {
                    Some(span) => {
                        let (bx, ex) = (x0 + span.start * plot_w, x0 + span.end * plot_w);
                        let w = (ex - bx).max(MIN_BAR_W);
                        let mid = by + bar_h / 2.0;
                        if role == Role::Independent {
                            if span.shape == Shape::Range || span.shape == Shape::UpperBound {
                                body.rect(bx, mid - LINE_H / 2.0, w, LINE_H, "bar");
                            }
                            if span.shape == Shape::Range {
                                body.diamond(bx, mid, DIAMOND_R, "dot");
                            }
                            body.diamond(bx + w, mid, DIAMOND_R, "dot");
                        } else {
                            match span.shape {
                                Shape::UpperBound => {
                                    let pattern = format!("hatch-{}-{i}", p.chart.id);
                                    body.patterned_rect(bx, by, w, bar_h, "hatched", &pattern);
                                    let (cap_x, cap_h) = (bx + w - CAP_W, bar_h + 2.0 * CAP_OVER);
                                    body.rect(cap_x, by - CAP_OVER, CAP_W, cap_h, "cap");
                                }
                                Shape::LowerBound => {
                                    body.rect(bx, by, w, bar_h, "bar");
                                    let tip_x = (bx + w + ARROW_REACH).min(x1 + ARROW_OVERHANG);
                                    // The line stops inside the arrowhead.
                                    body.line(bx + w, mid, tip_x - 4.0, mid, "onward");
                                    body.arrowhead(tip_x, mid, 1.0, 0.0, "arrow");
                                }
                                _ => {
                                    body.rect(bx, by, w, bar_h, "bar");
                                }
                            }
                        }
                        let after = if span.shape == Shape::LowerBound {
                            VALUE_AFTER_ARROW
                        } else {
                            VALUE_GAP
                        };
                        let value = p.value(cell);
                        body.text(bx + w + after, mid + TEXT_DROP, "start", "value", &value);
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
        for tick in scale.ticks() {
            if let Some(t) = scale.position(tick) {
                let x = x0 + t * plot_w;
                s.line(
                    x,
                    top,
                    x,
                    y - ROW_GAP + GRID_BELOW_BARS,
                    if tick == 0.0 { "zero" } else { "grid" },
                );
                labels.across(s, x, y + TICKS_BELOW, &tick_label(tick, unit, p.lang));
            }
        }
        let axis = if scale.kind == ScaleKind::Log {
            Key::ChartLogAxis
        } else {
            Key::ChartLinearAxis
        };
        s.text(
            x1,
            y + AXIS_TITLE_BELOW,
            "end",
            "axis-title",
            axis.text(p.lang),
        );
        s.append(body);
        y += PANEL_GAP;
    }
    y
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

//! A scatter plot: the first series across, the second up, the third as bubble area.
//! A range is a whisker, a bound an arrow pointing where the value may lie.

use super::Plot;
use super::svg::{EDGE, Svg, TickLabels, bold_text_width, text_width};
use crate::base::quantity::Amount;
use crate::domain::chart::Cell;
use crate::domain::scale::{Scale, ScaleKind, axis_labels};
use crate::i18n::Key;

/// Above the plot: room for the y axis' title and a bubble at the top.
const TOP: f64 = 40.0;
/// The plot's margins at least, and between a tick label and the axis.
const MIN_LEFT: f64 = 40.0;
const MIN_RIGHT: f64 = 12.0;
const TICK_GAP: f64 = 6.0;
/// A point without a size, and a bubble's least and added radius.
const POINT_R: f64 = 7.0;
const MIN_R: f64 = 5.0;
const BUBBLE_R: f64 = 17.0;
/// How far a bound's arrow reaches beyond its point.
const ARROW: f64 = 16.0;

pub fn draw(p: &Plot, s: &mut Svg) -> f64 {
    let cell = |row: &crate::domain::chart::Row, i: usize| row.cells.get(i).copied().flatten();
    let xs_values = crate::domain::chart::extent(p.rows.iter().filter_map(|r| cell(r, 0)));
    let ys_values = crate::domain::chart::extent(p.rows.iter().filter_map(|r| cell(r, 1)));
    let xs = Scale::fit(p.scale, &xs_values);
    let ys = Scale::fit(ScaleKind::Linear, &ys_values);
    let unit_of = |i: usize| {
        p.rows
            .iter()
            .find_map(|r| cell(r, i))
            .map(|c| c.quantity.unit)
    };
    let max_size = p
        .rows
        .iter()
        .filter_map(|r| cell(r, 2))
        .map(|c| c.quantity.amount.representative())
        .fold(0.0, f64::max);
    let radius = |row: &crate::domain::chart::Row| match cell(row, 2) {
        Some(size) if max_size > 0.0 => {
            MIN_R + BUBBLE_R * (size.quantity.amount.representative() / max_size).sqrt()
        }
        _ => POINT_R,
    };
    // The y axis' labels set the left margin; the biggest bubble and a bound's arrow
    // the right one, so that neither is cut at the edge.
    let y_ticks = ys.ticks();
    let y_labels = unit_of(1).map_or_else(Vec::new, |unit| axis_labels(&y_ticks, unit, p.lang));
    let widest_y = y_labels.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let left = (EDGE + widest_y + TICK_GAP).max(MIN_LEFT);
    let right = p
        .rows
        .iter()
        .map(|row| {
            let bound = cell(row, 0).is_some_and(|c| {
                matches!(c.quantity.amount, Amount::AtLeast(_) | Amount::AtMost(_))
            });
            radius(row) + if bound { ARROW + 8.0 } else { 4.0 }
        })
        .fold(MIN_RIGHT, f64::max);
    let top = TOP;
    let height = (p.width * 0.62).clamp(240.0, 380.0);
    let bottom = top + height;
    let (x0, x1) = (left, p.width - right);
    let px = |v: f64| xs.position(v).map(|t| x0 + t * (x1 - x0));
    let py = |v: f64| ys.position(v).map(|t| bottom - t * height);

    if let Some(unit) = unit_of(0) {
        let mut labels = TickLabels::within(p.width);
        let ticks = xs.ticks();
        for (tick, label) in ticks.iter().zip(axis_labels(&ticks, unit, p.lang)) {
            if let Some(x) = px(*tick) {
                s.line(x, top, x, bottom, "grid");
                labels.across(s, x, bottom + 16.0, &label);
            }
        }
    }
    for (tick, label) in y_ticks.iter().zip(&y_labels) {
        if let Some(y) = py(*tick) {
            s.line(x0, y, x1, y, "grid");
            s.text(x0 - TICK_GAP, y + 4.0, "end", "tick", label);
        }
    }
    let axis = if xs.kind == ScaleKind::Log {
        Key::ChartLogAxis
    } else {
        Key::ChartLinearAxis
    };
    let x_title = format!(
        "{} → ({})",
        p.chart.series[0].name.get(p.lang),
        axis.text(p.lang)
    );
    let title_end = x1.max(text_width(&x_title) + EDGE);
    s.text(title_end, bottom + 34.0, "end", "axis-title", &x_title);
    let y_title = format!("↑ {}", p.chart.series[1].name.get(p.lang));
    s.text(4.0, 14.0, "start", "axis-title", &y_title);

    // Where each point goes, first, so that names can keep clear of every point.
    let points: Vec<_> = p
        .rows
        .iter()
        .filter_map(|row| {
            let (xc, yc) = (cell(row, 0)?, cell(row, 1)?);
            let cx = px(xc.quantity.amount.representative())?;
            let cy = py(yc.quantity.amount.representative())?;
            Some((row, xc, yc, cx, cy, radius(row)))
        })
        .collect();
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (_, xc, yc, cx, cy, r) in &points {
        placed.push((cx - r, cy - r, cx + r, cy + r));
        // Whiskers and bound arrows are kept clear of names too.
        let (lo, hi) = whisker_span(xc, *cx, *r, &px);
        placed.push((lo - 3.0, cy - 3.0, hi + 3.0, cy + 3.0));
        let (lo, hi) = whisker_span(yc, *cy, *r, &py);
        placed.push((cx - 3.0, lo - 3.0, cx + 3.0, hi + 3.0));
    }
    for (index, (row, xc, yc, cx, cy, r)) in points.into_iter().enumerate() {
        let mut tip = format!("{}\n{}", p.tip(row, 0, &xc), p.tip_value(1, &yc));
        tip.push_str(&p.notes.tip_lines(&row.key, 1, p.lang));
        if let Some(size) = cell(row, 2) {
            tip = format!("{tip}\n{}", p.tip_value(2, &size));
            tip.push_str(&p.notes.tip_lines(&row.key, 2, p.lang));
        }
        let markers = p.notes.row_markers(&row.key);
        let noted = if markers.is_empty() { "" } else { " noted" };
        s.open_mark(
            index == 0,
            &format!("mark point s{}{noted}", row.index % 7),
            &row.key,
            &tip,
        );
        whiskers(s, &xc, cx, cy, r, true, &px);
        whiskers(s, &yc, cx, cy, r, false, &py);
        s.circle(cx, cy, r, "dot");
        // The name beside the point, where it does not cover an earlier name.
        let label = format!("{}{markers}", row.label(p.lang));
        let w = bold_text_width(&label);
        // Beside, above or below the point, then at its corners and further out;
        // each moved in from the drawing's edges, so that no name is cut.
        let (above, below) = (cy - r - 5.0, cy + r + 14.0);
        let spots = [
            (cx + r + 4.0, cy + 4.0, Anchor::Start),
            (cx - r - 4.0, cy + 4.0, Anchor::End),
            (cx, above, Anchor::Middle),
            (cx, below, Anchor::Middle),
            (cx + r * 0.7, above, Anchor::Start),
            (cx - r * 0.7, above, Anchor::End),
            (cx + r * 0.7, below, Anchor::Start),
            (cx - r * 0.7, below, Anchor::End),
            (cx, above - 14.0, Anchor::Middle),
            (cx, below + 14.0, Anchor::Middle),
        ];
        let boxes = spots.iter().filter_map(|&(x, y, anchor)| {
            let left = match anchor {
                Anchor::Start => x,
                Anchor::End => x - w,
                Anchor::Middle => x - w / 2.0,
            };
            let left = left.min(p.width - EDGE - w).max(EDGE);
            let b = (left, y - 11.0, left + w, y + 2.0);
            (b.1 >= 18.0 && b.3 <= bottom).then_some(b)
        });
        // Where it covers nothing; else where it covers least.
        let covered = |b: &(f64, f64, f64, f64)| -> f64 {
            placed
                .iter()
                .map(|o| {
                    let across = (b.2.min(o.2) - b.0.max(o.0)).max(0.0);
                    let up = (b.3.min(o.3) - b.1.max(o.1)).max(0.0);
                    across * up
                })
                .sum()
        };
        let mut best: Option<((f64, f64, f64, f64), f64)> = None;
        for b in boxes {
            let c = covered(&b);
            if best.is_none_or(|(_, least)| c < least) {
                best = Some((b, c));
            }
            if c == 0.0 {
                break;
            }
        }
        let spot = best.map_or_else(
            || {
                let left = (cx + r + 4.0).min(p.width - EDGE - w).max(EDGE);
                (left, cy - 7.0, left + w, cy + 6.0)
            },
            |(b, _)| b,
        );
        placed.push(spot);
        s.text(spot.0, spot.3 - 2.0, "start", "point-label", &label);
        s.close("g");
    }
    bottom + 44.0
}

/// Where a name is anchored on its spot.
#[derive(Clone, Copy)]
enum Anchor {
    Start,
    Middle,
    End,
}
/// Where a value's whisker or arrow reaches along its axis, from `center` (a range's
/// ends, or an arrow's length either side for a bound).
fn whisker_span(
    cell: &Cell,
    center: f64,
    r: f64,
    place: &dyn Fn(f64) -> Option<f64>,
) -> (f64, f64) {
    match cell.quantity.amount {
        Amount::Range(lo, hi) => match (place(lo), place(hi)) {
            (Some(a), Some(b)) => (a.min(b), a.max(b)),
            _ => (center, center),
        },
        Amount::AtMost(_) | Amount::AtLeast(_) => {
            (center - r - ARROW - 2.0, center + r + ARROW + 2.0)
        }
        _ => (center, center),
    }
}

/// A range as a whisker between its ends, a bound as an arrow from the point toward
/// where the value may lie.
fn whiskers(
    s: &mut Svg,
    cell: &Cell,
    cx: f64,
    cy: f64,
    r: f64,
    across: bool,
    place: &dyn Fn(f64) -> Option<f64>,
) {
    let along = |from: f64, to: f64, s: &mut Svg| {
        if across {
            s.line(from, cy, to, cy, "whisker");
        } else {
            s.line(cx, from, cx, to, "whisker");
        }
    };
    let center = if across { cx } else { cy };
    match cell.quantity.amount {
        Amount::Range(lo, hi) => {
            if let (Some(a), Some(b)) = (place(lo), place(hi)) {
                along(a, b, s);
            }
        }
        Amount::AtMost(_) | Amount::AtLeast(_) => {
            let lower = matches!(cell.quantity.amount, Amount::AtMost(_));
            // Smaller values lie left on the x axis and down on the y axis.
            let sign = match (across, lower) {
                (true, true) | (false, false) => -1.0,
                _ => 1.0,
            };
            let end = center + sign * (r + ARROW);
            along(center + sign * r, end, s);
            if across {
                s.arrowhead(end, cy, sign, 0.0, "arrow");
            } else {
                s.arrowhead(cx, end, 0.0, sign, "arrow");
            }
        }
        _ => {}
    }
}

//! A radar chart: the series are the axes (ratings from 0 to 5), one polygon per row.

use super::Plot;
use super::svg::{EDGE, Svg, text_width};
use crate::domain::chart::radar_point;

const MAX: f64 = 5.0;
/// Axis names stand this far out, as a share of the radius.
const LABEL_AT: f64 = 1.1;

pub fn draw(p: &Plot, s: &mut Svg) -> f64 {
    let axes = p.chart.series.len();
    // The axis names stand beyond the rim, beside it on the left and right: the
    // radius leaves each of them its width inside the drawing.
    let room = p
        .chart
        .series
        .iter()
        .enumerate()
        .map(|(axis, series)| {
            let (sin, _) = radar_point(axis, axes, 1.0, 1.0);
            let w = text_width(series.name.get(p.lang));
            // A name beside the rim takes its width; one above or below, half of it.
            let beside = if sin.abs() < 0.05 { w / 2.0 } else { w };
            (p.width / 2.0 - EDGE - beside) / (sin.abs() * LABEL_AT).max(0.3)
        })
        .fold(f64::INFINITY, f64::min);
    let radius = (p.width / 2.0 - 70.0).min(room).clamp(60.0, 170.0);
    let (cx, cy) = (p.width / 2.0, radius + 40.0);
    let at = |axis: usize, value: f64| {
        let (x, y) = radar_point(axis, axes, value, MAX);
        (cx + x * radius, cy + y * radius)
    };
    for ring in 1..=5 {
        let ring_points: Vec<(f64, f64)> = (0..axes).map(|a| at(a, f64::from(ring))).collect();
        s.path(&ring_points, true, if ring == 5 { "zero" } else { "grid" });
    }
    for (axis, series) in p.chart.series.iter().enumerate() {
        let (x, y) = at(axis, MAX);
        s.line(cx, cy, x, y, "grid");
        // Beyond the rim (`at` stops at it).
        let (ux, uy) = radar_point(axis, axes, 1.0, 1.0);
        let (lx, ly) = (cx + ux * radius * LABEL_AT, cy + uy * radius * LABEL_AT);
        let anchor = if (lx - cx).abs() < 8.0 {
            "middle"
        } else if lx > cx {
            "start"
        } else {
            "end"
        };
        s.text(lx, ly + 4.0, anchor, "axis-title", series.name.get(p.lang));
    }
    for ring in [1.0, 3.0, 5.0] {
        let (x, y) = at(0, ring);
        s.text(
            x + 6.0,
            y + 12.0,
            "start",
            "tick",
            &crate::base::quantity::number(ring),
        );
    }
    for (index, row) in p.rows.iter().enumerate() {
        let points: Vec<(f64, f64)> = row
            .cells
            .iter()
            .enumerate()
            .map(|(axis, cell)| {
                at(
                    axis,
                    cell.map_or(0.0, |c| c.quantity.amount.representative()),
                )
            })
            .collect();
        let mut tip = row.label(p.lang);
        for (axis, cell) in row.cells.iter().enumerate() {
            if let Some(cell) = cell {
                tip.push('\n');
                tip.push_str(&p.tip_value(axis, cell));
            }
        }
        // Color by the row's place in the report, so hiding a row keeps the others'.
        s.open_mark(
            index == 0,
            &format!("mark shape s{}", row.index % 7),
            &row.key,
            &tip,
        );
        s.path(&points, true, "area");
        for (x, y) in &points {
            s.circle(*x, *y, 3.0, "dot");
        }
        s.close("g");
    }
    // A legend: the color of each row.
    let mut y = cy + radius + 48.0;
    let mut x = 12.0;
    for row in p.rows {
        let label = row.label(p.lang);
        let w = text_width(&label) + 30.0;
        if x + w > p.width {
            x = 12.0;
            y += 20.0;
        }
        s.rect(
            x,
            y - 10.0,
            12.0,
            12.0,
            &format!("swatch s{}", row.index % 7),
        );
        s.text(x + 17.0, y, "start", "legend", &label);
        x += w;
    }
    y + 14.0
}

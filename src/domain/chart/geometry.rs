//! Geometry: where every mark lies as fractions of the plot (bars with the shape of
//! their value, panels per dimension, radar points, stacked segments), so the UI
//! only scales and draws.

use super::values::{Cell, Row};
use crate::base::quantity::{Amount, Kind, Unit};
use crate::domain::scale::Scale;

/// How a bar or marker is drawn, so that its shape says how exact the value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Exact,
    /// "~": the bar ends in a soft edge.
    About,
    /// "<": hatched, capped at the bound; the value is somewhere below.
    UpperBound,
    /// "+": solid to the bound, then an arrow onward.
    LowerBound,
    /// "a-b": a floating bar from a to b.
    Range,
}

impl Shape {
    pub const fn of(kind: Kind) -> Shape {
        match kind {
            Kind::Exact => Shape::Exact,
            Kind::Approximate => Shape::About,
            Kind::UpperBound => Shape::UpperBound,
            Kind::LowerBound => Shape::LowerBound,
            Kind::Range => Shape::Range,
        }
    }

    pub const fn code(self) -> &'static str {
        match self {
            Shape::Exact => "exact",
            Shape::About => "about",
            Shape::UpperBound => "upper",
            Shape::LowerBound => "lower",
            Shape::Range => "range",
        }
    }
}

/// A bar along an axis, from `start` to `end` (fractions of the plot width).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarSpan {
    pub start: f64,
    pub end: f64,
    pub shape: Shape,
}

/// Where a value's bar lies on `scale`. A range floats between its ends; every other
/// value starts at the baseline (zero, or the bottom of a log axis). `None` when the
/// scale cannot show it (zero or below on a log axis).
pub fn bar_span(amount: Amount, scale: &Scale) -> Option<BarSpan> {
    let shape = Shape::of(amount.kind());
    let (start, end) = match amount {
        Amount::Range(lo, hi) => (scale.position(lo)?, scale.position(hi)?),
        other => {
            let v = scale.position(other.representative())?;
            let base = scale.baseline();
            (base.min(v), base.max(v))
        }
    };
    Some(BarSpan { start, end, shape })
}

/// Where a value lies on a log scale, drawn as a dot plot: from its low end to its
/// high end, the same point for all but a range. No bar: on a log axis a bar's length
/// is measured from an arbitrary floor and would suggest ratios the values do not
/// have. A bound is a point at the bound; its shape says which way the value lies.
/// `None` when the scale cannot show it.
pub fn dot_span(amount: Amount, scale: &Scale) -> Option<BarSpan> {
    let shape = Shape::of(amount.kind());
    let (start, end) = match amount {
        Amount::Range(lo, hi) => (scale.position(lo)?, scale.position(hi)?),
        other => {
            let v = scale.position(other.representative())?;
            (v, v)
        }
    };
    Some(BarSpan { start, end, shape })
}

/// Every end of every value: what a scale must hold.
pub fn extent(cells: impl Iterator<Item = Cell>) -> Vec<f64> {
    let mut values = Vec::new();
    for cell in cells {
        let (lo, hi) = cell.quantity.amount.bounds();
        values.extend(lo);
        values.extend(hi);
    }
    values
}

/// Rows of a bar chart grouped into panels, one per dimension, in order of first
/// appearance: each panel gets its own axis.
pub fn panels(rows: &[Row]) -> Vec<(Unit, Vec<&Row>)> {
    let mut panels: Vec<(Unit, Vec<&Row>)> = Vec::new();
    for row in rows {
        let Some(cell) = row.primary() else { continue };
        let unit = cell.quantity.unit;
        match panels
            .iter_mut()
            .find(|(u, _)| u.dimension() == unit.dimension())
        {
            Some((_, members)) => members.push(row),
            None => panels.push((unit, vec![row])),
        }
    }
    panels
}

/// The point of a radar chart for `value` (out of `max`) on axis `axis` of `axes`,
/// in a unit circle centered on 0 with the first axis pointing up.
pub fn radar_point(axis: usize, axes: usize, value: f64, max: f64) -> (f64, f64) {
    let (sin, cos) = sin_cos_of_turn(axis as f64 / axes.max(1) as f64);
    let r = (value / max).clamp(0.0, 1.0);
    (r * sin, -r * cos)
}

/// The sine and cosine of a fraction of a full turn. Written out (octant symmetry
/// and a short Taylor series, good to 1e-9) because the library's general `sin` and
/// `cos` bring kilobytes of argument reduction into the wasm for five angles.
pub fn sin_cos_of_turn(turn: f64) -> (f64, f64) {
    let turn = turn - turn.floor();
    let octant = (turn * 8.0) as u32 % 8;
    // The angle within its octant, mirrored in odd octants so that it stays in [0, π/4].
    let within = turn * 8.0 - f64::from(octant);
    let within = if octant % 2 == 1 {
        1.0 - within
    } else {
        within
    };
    let x = within * std::f64::consts::FRAC_PI_4;
    let x2 = x * x;
    let s = x
        * (1.0
            - x2 / 6.0
                * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
    let c = 1.0
        - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
    // Octant k covers angles k·π/4 onward: swap and sign the pair accordingly.
    match octant {
        0 => (s, c),
        1 => (c, s),
        2 => (c, -s),
        3 => (s, -c),
        4 => (-s, -c),
        5 => (-c, -s),
        6 => (-c, s),
        _ => (-s, c),
    }
}

/// The segments of a stacked bar: each row's start and end as fractions of the
/// total of the rows' values, and that total.
pub fn stack(rows: &[Row]) -> (Vec<(f64, f64)>, f64) {
    let values: Vec<f64> = rows
        .iter()
        .map(|r| {
            r.primary()
                .map_or(0.0, |c| c.quantity.amount.representative().max(0.0))
        })
        .collect();
    let total: f64 = values.iter().sum();
    let mut at = 0.0;
    let spans = values
        .iter()
        .map(|v| {
            let start = at;
            at += if total > 0.0 { v / total } else { 0.0 };
            (start, at)
        })
        .collect();
    (spans, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::charts::chart;
    use crate::domain::chart::resolve;
    use crate::domain::scale::ScaleKind;

    #[test]
    fn bars_show_bounds_and_ranges_as_such() {
        let scale = Scale::fit(ScaleKind::Log, &[1.0, 100_000.0]);
        let range = bar_span(Amount::Range(1000.0, 5000.0), &scale).unwrap();
        assert_eq!(range.shape, Shape::Range);
        assert!((range.start - 0.6).abs() < 1e-9 && range.end > range.start);
        let bound = bar_span(Amount::AtMost(10.0), &scale).unwrap();
        assert_eq!((bound.start, bound.shape), (0.0, Shape::UpperBound));
        assert!((bound.end - 0.2).abs() < 1e-9);
        let linear = Scale::linear(&[-25.0, 50.0]);
        let negative = bar_span(Amount::Exact(-25.0), &linear).unwrap();
        assert!(negative.start < negative.end && (negative.end - linear.baseline()).abs() < 1e-9);
        assert_eq!(bar_span(Amount::Exact(0.0), &scale), None);
    }

    #[test]
    fn log_scales_place_points_not_bars() {
        let scale = Scale::fit(ScaleKind::Log, &[1.0, 100_000.0]);
        // "<5 ms" is a point at 5 ms, not a bar from 1 ms.
        let bound = dot_span(Amount::AtMost(10.0), &scale).unwrap();
        assert_eq!(bound.shape, Shape::UpperBound);
        assert!((bound.start - 0.2).abs() < 1e-9 && bound.start == bound.end);
        let about = dot_span(Amount::About(100.0), &scale).unwrap();
        assert!((about.start - 0.4).abs() < 1e-9 && about.start == about.end);
        let range = dot_span(Amount::Range(1000.0, 10_000.0), &scale).unwrap();
        assert!((range.start - 0.6).abs() < 1e-9 && (range.end - 0.8).abs() < 1e-9);
        assert_eq!(dot_span(Amount::Exact(0.0), &scale), None);
    }

    #[test]
    fn mixed_units_get_a_panel_each() {
        let rows = resolve(chart("deltas").unwrap());
        let split = panels(&rows);
        assert_eq!(split.len(), 2);
        assert_eq!(split[0].0, Unit::Percent);
        assert_eq!(split[1].0, Unit::Factor);
        let rows = resolve(chart("network").unwrap());
        assert_eq!(panels(&rows).len(), 3);
        let rows = resolve(chart("startup").unwrap());
        assert_eq!(panels(&rows).len(), 1);
    }

    #[test]
    fn sine_and_cosine_of_turns() {
        for i in 0..=400 {
            let turn = i as f64 / 160.0 - 0.5;
            let (s, c) = sin_cos_of_turn(turn);
            let angle = turn * std::f64::consts::TAU;
            assert!((s - angle.sin()).abs() < 1e-9, "sin {turn}: {s}");
            assert!((c - angle.cos()).abs() < 1e-9, "cos {turn}: {c}");
        }
    }

    #[test]
    fn radar_and_stack_geometry() {
        let (x, y) = radar_point(0, 5, 5.0, 5.0);
        assert!(x.abs() < 1e-9 && (y + 1.0).abs() < 1e-9);
        let (x, _) = radar_point(1, 4, 2.5, 5.0);
        assert!((x - 0.5).abs() < 1e-9);
        assert_eq!(radar_point(2, 5, 9.0, 5.0), radar_point(2, 5, 5.0, 5.0));
        let rows = resolve(chart("segments").unwrap());
        let (spans, total) = stack(&rows);
        // The segments add up to the report's 2025 total: 6 + 5 + 3 + 1 = 15 bn.
        assert_eq!(total, 15e9);
        assert_eq!(spans[0], (0.0, 0.4));
        assert!((spans[3].1 - 1.0).abs() < 1e-12);
    }
}

//! Chart scales: a data domain mapped onto 0..1, with "nice" round bounds and ticks,
//! linear or logarithmic, and tick labels that carry their unit ("10 ms", "1 s").

use super::format::{format_quantity, format_quantity_sized};
use crate::base::lang::Lang;
use crate::base::quantity::{Amount, Dimension, Quantity, Unit};

/// Linear or logarithmic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum ScaleKind {
    #[default]
    Linear,
    Log,
}

impl ScaleKind {
    pub const fn code(self) -> &'static str {
        match self {
            ScaleKind::Linear => "lin",
            ScaleKind::Log => "log",
        }
    }
}

/// A scale over `lo..=hi`. Log scales have `0 < lo < hi`, both powers of ten.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub kind: ScaleKind,
    pub lo: f64,
    pub hi: f64,
}

/// Roughly how many intervals a linear axis is cut into.
const TARGET_TICKS: f64 = 5.0;

impl Scale {
    /// A linear scale that holds every value and zero (bars start at zero), with
    /// bounds rounded out to the tick step. An empty or all-zero input gives 0..1.
    pub fn linear(values: &[f64]) -> Scale {
        let finite = || values.iter().copied().filter(|v| v.is_finite());
        let min = finite().fold(0.0_f64, f64::min);
        let max = finite().fold(0.0_f64, f64::max);
        if min == max {
            return Scale {
                kind: ScaleKind::Linear,
                lo: 0.0,
                hi: 1.0,
            };
        }
        let step = nice_step((max - min) / TARGET_TICKS);
        Scale {
            kind: ScaleKind::Linear,
            lo: (min / step).floor() * step,
            hi: (max / step).ceil() * step,
        }
    }

    /// A log scale from the power of ten at or below the smallest positive value to
    /// the one at or above the largest. Zero and negative values cannot be placed
    /// on a log axis: they are left out here and [`Scale::position`] refuses them.
    /// `None` when no value is positive.
    pub fn log(values: &[f64]) -> Option<Scale> {
        let positive = || values.iter().copied().filter(|v| v.is_finite() && *v > 0.0);
        let min = positive().reduce(f64::min)?;
        let max = positive().reduce(f64::max)?;
        let lo = 10f64.powi(min.log10().floor() as i32);
        let mut hi = 10f64.powi(max.log10().ceil() as i32);
        if hi <= lo {
            hi = lo * 10.0;
        }
        Some(Scale {
            kind: ScaleKind::Log,
            lo,
            hi,
        })
    }

    /// The scale of `kind` for these values; a log scale falls back to linear when
    /// no value is positive.
    pub fn fit(kind: ScaleKind, values: &[f64]) -> Scale {
        match kind {
            ScaleKind::Log => Scale::log(values).unwrap_or_else(|| Scale::linear(values)),
            ScaleKind::Linear => Scale::linear(values),
        }
    }

    /// Where `v` falls, from 0 (at `lo`) to 1 (at `hi`), clamped to the axis.
    /// `None` for values a log axis cannot show (zero, negative) and for NaN.
    pub fn position(&self, v: f64) -> Option<f64> {
        if v.is_nan() {
            return None;
        }
        let t = match self.kind {
            ScaleKind::Linear => (v - self.lo) / (self.hi - self.lo),
            ScaleKind::Log if v <= 0.0 => return None,
            ScaleKind::Log => (v.log10() - self.lo.log10()) / (self.hi.log10() - self.lo.log10()),
        };
        Some(t.clamp(0.0, 1.0))
    }

    /// Where zero falls (a bar's base): zero itself on a linear axis, the bottom
    /// of a log axis.
    pub fn baseline(&self) -> f64 {
        match self.kind {
            ScaleKind::Linear => self.position(0.0).unwrap_or(0.0),
            ScaleKind::Log => 0.0,
        }
    }

    /// Round values along the axis, both ends included: multiples of a 1-2-5 step
    /// on a linear axis; each power of ten on a log axis, with 2 and 5 between them
    /// when it spans two decades or fewer.
    pub fn ticks(&self) -> Vec<f64> {
        match self.kind {
            ScaleKind::Linear => {
                let step = nice_step((self.hi - self.lo) / TARGET_TICKS);
                let first = (self.lo / step).round() as i64;
                let last = (self.hi / step).round() as i64;
                (first..=last).map(|i| i as f64 * step).collect()
            }
            ScaleKind::Log => {
                let first = self.lo.log10().round() as i32;
                let last = self.hi.log10().round() as i32;
                let fine = last - first <= 2;
                let mut ticks = Vec::new();
                for exponent in first..=last {
                    let decade = 10f64.powi(exponent);
                    ticks.push(decade);
                    if fine && exponent < last {
                        ticks.push(2.0 * decade);
                        ticks.push(5.0 * decade);
                    }
                }
                ticks
            }
        }
    }
}

/// The 1, 2 or 5 times a power of ten at or above `raw` (1 for non-positive input).
pub fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let fraction = raw / magnitude;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// A tick value (in `unit`) as a label with its unit, in the unit that reads best
/// at that size: 0.5 ms as "500 µs", 1000 ms as "1 s", 1500 MB as "1.5 GB".
pub fn tick_label(v: f64, unit: Unit, lang: Lang) -> String {
    if unit == Unit::Stars {
        // A rating axis reads 0-5, not rows of stars.
        return crate::base::quantity::number(v);
    }
    let q = Quantity {
        amount: Amount::Exact(v),
        unit,
    }
    .in_base_unit();
    let readable = readable_unit(q.unit, q.amount.representative());
    format_quantity(q.convert(readable).unwrap_or(q), false, lang)
}

/// The tick labels of an axis in `unit`'s dimension, all in one unit: the one that
/// writes every tick without losing it to rounding and keeps the longest label
/// shortest ("0 GB, 20 GB, 40 GB", never "0 MB, 20 GB"; "0.001 ms … 10000 ms" on a
/// log axis of startup times). Among the units a tick would read best in alone.
pub fn axis_labels(ticks: &[f64], unit: Unit, lang: Lang) -> Vec<String> {
    if unit == Unit::Stars {
        return ticks
            .iter()
            .map(|v| crate::base::quantity::number(*v))
            .collect();
    }
    let base = |v: f64| {
        Quantity {
            amount: Amount::Exact(v),
            unit,
        }
        .in_base_unit()
    };
    let mut candidates: Vec<Unit> = Vec::new();
    for &v in ticks {
        let q = base(v);
        let u = readable_unit(q.unit, q.amount.representative());
        if !candidates.contains(&u) {
            candidates.push(u);
        }
    }
    // Units without a dimension to convert in (money) still write every tick in one
    // form: the largest tick's ("USD 0 bn … USD 30 bn").
    let size = ticks.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    let labels_in = |to: Unit| -> Option<Vec<String>> {
        ticks
            .iter()
            .map(|&v| {
                let q = base(v).convert(to)?;
                let size = base(size).convert(to)?.amount.representative();
                let shown = q.amount.representative();
                // A tick that rounds to another number (0.0001 s as "0 s") is lost.
                let written = (shown * 1000.0).round() / 1000.0;
                let kept = (written - shown).abs() <= 1e-6 * shown.abs();
                kept.then(|| format_quantity_sized(q, false, lang, size))
            })
            .collect()
    };
    candidates
        .into_iter()
        .filter_map(labels_in)
        .min_by_key(|labels| labels.iter().map(|l| l.chars().count()).max().unwrap_or(0))
        .unwrap_or_else(|| ticks.iter().map(|v| tick_label(*v, unit, lang)).collect())
}

/// The unit that reads best for `value` (given in `unit`'s dimension's base unit:
/// ms, MB, MB/s): 0.5 ms in µs, 1500 ms in s, 3,000,000 MB/s in TB/s.
pub fn readable_unit(unit: Unit, value: f64) -> Unit {
    let v = value.abs();
    match unit.dimension() {
        Dimension::Time if v >= 1000.0 => Unit::Seconds,
        Dimension::Time if v > 0.0 && v < 1.0 => Unit::Microseconds,
        Dimension::Time => Unit::Milliseconds,
        Dimension::DataSize if v >= 1000.0 => Unit::Gigabytes,
        Dimension::DataSize if v > 0.0 && v < 0.001 => Unit::Bytes,
        Dimension::DataSize if v > 0.0 && v < 1.0 => Unit::Kilobytes,
        Dimension::DataSize => Unit::Megabytes,
        Dimension::Bandwidth if v >= 1_000_000.0 => Unit::TerabytesPerSecond,
        Dimension::Bandwidth if v >= 1000.0 => Unit::GigabytesPerSecond,
        Dimension::Bandwidth => Unit::MegabytesPerSecond,
        _ => unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| (x - y).abs() < 1e-9 * y.abs().max(1.0))
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(230.0), 500.0);
        assert!((nice_step(0.023) - 0.05).abs() < 1e-12);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(-3.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn linear_domain_is_nice_and_holds_zero() {
        let s = Scale::linear(&[312.0, 1000.0, 200.0]);
        assert_eq!((s.lo, s.hi), (0.0, 1000.0));
        assert!(close(
            &s.ticks(),
            &[0.0, 200.0, 400.0, 600.0, 800.0, 1000.0]
        ));
        let s = Scale::linear(&[33.0, 141.0]);
        assert_eq!((s.lo, s.hi), (0.0, 150.0));
        assert!(close(&s.ticks(), &[0.0, 50.0, 100.0, 150.0]));
    }

    #[test]
    fn linear_handles_negatives_zero_and_nothing() {
        let s = Scale::linear(&[-25.0, 30.0, 50.0]);
        assert_eq!((s.lo, s.hi), (-40.0, 60.0));
        assert_eq!(s.position(0.0), Some(0.4));
        assert_eq!(s.baseline(), 0.4);
        assert!(s.ticks().contains(&0.0));
        let s = Scale::linear(&[-5.0, -1.0]);
        assert_eq!((s.lo, s.hi), (-5.0, 0.0));
        assert_eq!(s.baseline(), 1.0);
        for empty in [&[][..], &[0.0, 0.0][..], &[f64::NAN][..]] {
            let s = Scale::linear(empty);
            assert_eq!((s.lo, s.hi), (0.0, 1.0));
        }
    }

    #[test]
    fn positions_are_clamped_and_nan_refused() {
        let s = Scale::linear(&[10.0]);
        assert_eq!(s.position(5.0), Some(0.5));
        assert_eq!(s.position(20.0), Some(1.0));
        assert_eq!(s.position(-3.0), Some(0.0));
        assert_eq!(s.position(f64::NAN), None);
    }

    #[test]
    fn log_domain_spans_whole_decades() {
        // The report's startup times in ms: <5 ms (Wasm) to 10-30 s (VM).
        let s = Scale::log(&[
            5.0, 10.0, 100.0, 125.0, 200.0, 1000.0, 5000.0, 10_000.0, 30_000.0,
        ])
        .unwrap();
        assert_eq!((s.lo, s.hi), (1.0, 100_000.0));
        assert!(close(
            &s.ticks(),
            &[1.0, 10.0, 100.0, 1000.0, 10_000.0, 100_000.0]
        ));
        assert_eq!(s.position(1000.0), Some(0.6));
        assert_eq!(s.position(1.0), Some(0.0));
    }

    #[test]
    fn narrow_log_domains_get_two_and_five() {
        let s = Scale::log(&[30.0, 70.0]).unwrap();
        assert_eq!((s.lo, s.hi), (10.0, 100.0));
        assert!(close(&s.ticks(), &[10.0, 20.0, 50.0, 100.0]));
        // One value exactly on a power of ten still gets a decade to live in.
        let s = Scale::log(&[100.0]).unwrap();
        assert_eq!((s.lo, s.hi), (100.0, 1000.0));
    }

    #[test]
    fn log_refuses_zero_and_negatives() {
        assert_eq!(Scale::log(&[0.0, -4.0]), None);
        let s = Scale::log(&[0.0, -4.0, 0.5, 20.0]).unwrap();
        assert_eq!((s.lo, s.hi), (0.1, 100.0));
        assert_eq!(s.position(0.0), None);
        assert_eq!(s.position(-1.0), None);
        assert_eq!(s.baseline(), 0.0);
        // Fit falls back to linear rather than drawing nothing.
        assert_eq!(Scale::fit(ScaleKind::Log, &[-4.0]).kind, ScaleKind::Linear);
        assert_eq!(Scale::fit(ScaleKind::Log, &[4.0]).kind, ScaleKind::Log);
    }

    #[test]
    fn log_of_a_range_uses_its_ends() {
        // A range "1-5 s" is placed by its ends, so both must fit the domain.
        let s = Scale::log(&[1000.0, 5000.0]).unwrap();
        assert!(s.position(1000.0).unwrap() < s.position(5000.0).unwrap());
        assert_eq!((s.lo, s.hi), (1000.0, 10_000.0));
    }

    #[test]
    fn tick_labels_carry_readable_units() {
        let labels: Vec<String> = [1.0, 10.0, 100.0, 1000.0, 10_000.0]
            .iter()
            .map(|v| tick_label(*v, Unit::Milliseconds, Lang::En))
            .collect();
        assert_eq!(labels, ["1 ms", "10 ms", "100 ms", "1 s", "10 s"]);
        assert_eq!(tick_label(0.5, Unit::Milliseconds, Lang::En), "500 µs");
        assert_eq!(tick_label(0.0, Unit::Milliseconds, Lang::En), "0 ms");
        assert_eq!(tick_label(1500.0, Unit::Megabytes, Lang::En), "1.5 GB");
        assert_eq!(
            tick_label(2000.0, Unit::MegabytesPerSecond, Lang::En),
            "2 GB/s"
        );
        assert_eq!(tick_label(-25.0, Unit::Percent, Lang::Zh), "-25%");
        assert_eq!(tick_label(50_000.0, Unit::Cny, Lang::En), "¥50k");
        assert_eq!(tick_label(15e9, Unit::Usd, Lang::Zh), "150亿美元");
        assert_eq!(tick_label(4.0, Unit::Stars, Lang::En), "4");
    }

    #[test]
    fn an_axis_writes_every_tick_in_one_unit() {
        // H100 and H200 memory: not "0 MB, 50 GB, …".
        let s = Scale::linear(&[80_000.0, 141_000.0]);
        let labels = axis_labels(&s.ticks(), Unit::Megabytes, Lang::En);
        assert_eq!(labels, ["0 GB", "50 GB", "100 GB", "150 GB"]);
        // Startup times from microseconds to tens of seconds, on a log axis: one
        // unit that loses no tick.
        let s = Scale::log(&[0.003, 30_000.0]).unwrap();
        let labels = axis_labels(&s.ticks(), Unit::Milliseconds, Lang::En);
        assert_eq!(labels.first().unwrap(), "0.001 ms");
        assert_eq!(labels.last().unwrap(), "100,000 ms");
        let units: Vec<&str> = labels
            .iter()
            .map(|l| l.rsplit(' ').next().unwrap())
            .collect();
        assert!(units.iter().all(|u| *u == "ms"), "{labels:?}");
        // 0 to 1.5 GB reads in GB, with decimals, rather than "1500 MB".
        let labels = axis_labels(&[0.0, 500.0, 1000.0, 1500.0], Unit::Megabytes, Lang::En);
        assert_eq!(labels, ["0 GB", "0.5 GB", "1 GB", "1.5 GB"]);
        assert_eq!(axis_labels(&[0.0, 5.0], Unit::Stars, Lang::En), ["0", "5"]);
        // Money has no unit to convert to, and still one form: not "USD 0, USD 10 bn".
        let usd = [0.0, 1e10, 2e10];
        assert_eq!(
            axis_labels(&usd, Unit::Usd, Lang::En),
            ["USD 0 bn", "USD 10 bn", "USD 20 bn"]
        );
        assert_eq!(
            axis_labels(&usd, Unit::Usd, Lang::Zh),
            ["0亿美元", "100亿美元", "200亿美元"]
        );
    }
}

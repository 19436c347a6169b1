//! What a run of the lab found, and the statistics of its samples: the model the
//! page fills in as it goes, keeps in localStorage and writes out as JSON or Markdown.

use serde::{Deserialize, Serialize};

/// What a run found. Times in milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabResults {
    /// Feature id and whether it is there, in
    /// [`FEATURES`](crate::data::wasm_features::FEATURES) order.
    pub features: Vec<(String, bool)>,
    pub cross_origin_isolated: Option<bool>,
    /// Compile and instantiate the small module: median and spread (min, max).
    pub instantiate: Option<Stat>,
    pub scalar: Option<Stat>,
    pub simd: Option<Stat>,
    /// The app's own start: wasm bytes over the wire, its download, from the wasm
    /// response to the app's first code (compile + instantiate), to first content.
    pub wasm_bytes: Option<f64>,
    pub wasm_download: Option<f64>,
    pub wasm_start: Option<f64>,
    pub first_content: Option<f64>,
    /// The browser (`navigator.userAgent`) and when (ISO 8601).
    pub browser: String,
    pub when: String,
}

/// A median with its spread.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Stat {
    /// The median and spread of samples; `None` for none, or any not finite.
    pub fn of(samples: &[f64]) -> Option<Stat> {
        if samples.is_empty() || samples.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let mid = sorted.len() / 2;
        let median = if sorted.len().is_multiple_of(2) {
            (sorted[mid - 1] + sorted[mid]) / 2.0
        } else {
            sorted[mid]
        };
        Some(Stat {
            median,
            min: sorted[0],
            max: sorted[sorted.len() - 1],
        })
    }
}

impl LabResults {
    /// The SIMD speedup: scalar time over SIMD time.
    pub fn speedup(&self) -> Option<f64> {
        let (s, v) = (self.scalar?, self.simd?);
        (v.median > 0.0).then(|| s.median / v.median)
    }
}

/// Results with every field set, for the storage and report tests.
#[cfg(test)]
pub(super) fn sample() -> LabResults {
    LabResults {
        features: vec![("simd".into(), true), ("memory64".into(), false)],
        cross_origin_isolated: Some(false),
        instantiate: Stat::of(&[0.2, 0.1, 0.3]),
        scalar: Stat::of(&[8.0, 9.0]),
        simd: Stat::of(&[2.0, 2.5]),
        wasm_bytes: Some(290_000.0),
        wasm_download: Some(12.5),
        wasm_start: Some(30.25),
        first_content: Some(64.0),
        browser: "Mozilla/5.0 \"Chrome\"".into(),
        when: "2026-11-27T03:00:00Z".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_take_the_median_and_refuse_bad_samples() {
        assert_eq!(
            Stat::of(&[3.0, 1.0, 2.0]),
            Some(Stat {
                median: 2.0,
                min: 1.0,
                max: 3.0
            })
        );
        assert_eq!(Stat::of(&[4.0, 1.0, 2.0, 3.0]).unwrap().median, 2.5);
        assert_eq!(Stat::of(&[]), None);
        assert_eq!(Stat::of(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn the_speedup_is_scalar_time_over_simd_time() {
        assert_eq!(sample().speedup(), Some(8.5 / 2.25));
        assert_eq!(LabResults::default().speedup(), None);
    }
}

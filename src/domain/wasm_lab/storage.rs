//! How the last run is kept in localStorage (`atlas.lab`): JSON with a version, so that
//! an entry from another version, or damaged by hand or by another app, is recognized
//! and set aside instead of half read.

use serde::{Deserialize, Serialize};

use super::results::{LabResults, Stat};
use crate::data::wasm_features::FEATURES;

/// The stored form's version: 2 was a query string, 3 is JSON.
const VERSION: u32 = 3;

/// The stored form: written from borrowed results, read into owned ones.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Stored<R> {
    v: u32,
    results: R,
}

impl LabResults {
    /// The results as JSON, for localStorage (`{"v": 3, "results": {…}}`), written
    /// pretty like the JSON the visitor copies: one serde_json writer in the wasm
    /// instead of two (-0.4 KB gzip).
    pub fn to_store(&self) -> String {
        let stored = Stored {
            v: VERSION,
            results: self,
        };
        serde_json::to_string_pretty(&stored).unwrap_or_default()
    }

    /// Reads stored results back; `None` when the text is not ours (another version,
    /// or damaged), so the page can say so and start afresh.
    pub fn from_store(text: &str) -> Option<LabResults> {
        let Stored { v, mut results } = serde_json::from_str::<Stored<LabResults>>(text).ok()?;
        let r = &results;
        let stat_ok = |s: &Stat| 0.0 <= s.min && s.min <= s.median && s.median <= s.max;
        let ok = v == VERSION
            && r.features
                .iter()
                .all(|(id, _)| FEATURES.iter().any(|f| f.id == id))
            && [r.instantiate, r.scalar, r.simd]
                .iter()
                .flatten()
                .all(stat_ok)
            && [r.wasm_bytes, r.wasm_download, r.wasm_start, r.first_content]
                .iter()
                .flatten()
                .all(|v| *v >= 0.0);
        results.browser = results.browser.chars().take(300).collect();
        results.when = results.when.chars().take(40).collect();
        ok.then_some(results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::wasm_lab::results::sample;

    #[test]
    fn stored_results_round_trip_and_damage_is_refused() {
        let r = sample();
        let stored = r.to_store();
        assert_eq!(LabResults::from_store(&stored), Some(r.clone()));
        // Stored pretty, as the copied JSON is (one JSON writer in the wasm, not two);
        // the damage below is written into a compact copy, which reads back the same.
        assert!(stored.starts_with("{\n  \"v\": 3,"), "{stored}");
        let stored: String = stored
            .lines()
            .map(str::trim)
            .collect::<String>()
            .replace("\": ", "\":");
        assert_eq!(LabResults::from_store(&stored), Some(r.clone()));
        assert_eq!(LabResults::from_store(""), None);
        assert_eq!(
            LabResults::from_store("v=2&f.simd=1"),
            None,
            "an older version"
        );
        let damaged = |from: &str, to: &str| {
            assert!(stored.contains(from), "{from} in {stored}");
            LabResults::from_store(&stored.replace(from, to))
        };
        assert_eq!(damaged("\"v\":3", "\"v\":4"), None, "a newer version");
        assert_eq!(damaged("[\"simd\",true]", "[\"simd\",\"maybe\"]"), None);
        assert_eq!(damaged("\"simd\",true", "\"unknown\",true"), None);
        assert_eq!(
            damaged(
                "\"median\":0.2,\"min\":0.1,\"max\":0.3",
                "\"median\":0.2,\"min\":0.3,\"max\":0.1"
            ),
            None
        );
        assert_eq!(damaged("\"v\":3", "\"v\":3,\"extra\":1"), None);
        assert_eq!(LabResults::from_store("{\"json\": true}"), None);
        let mut one = LabResults::default();
        one.features.push(("simd".into(), true));
        assert!(LabResults::from_store(&one.to_store()).unwrap().features[0].1);
    }
}

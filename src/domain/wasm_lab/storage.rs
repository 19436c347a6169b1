//! How the last run is kept in localStorage (`atlas.lab`): a query string in the app's
//! own tested codec, versioned, so that an entry from another version, or damaged by
//! hand or by another app, is recognised and set aside instead of half read.

use super::report::micro;
use super::results::{LabResults, Stat};
use crate::data::wasm_features::FEATURES;
use crate::domain::query::{format_query, parse_query};

impl LabResults {
    /// The results as a query string, for localStorage (`v=2&f.simd=1&…`; benchmark
    /// figures in microseconds, to keep their precision).
    pub fn to_store(&self) -> String {
        let mut pairs: Vec<(String, String)> = vec![("v".into(), "2".into())];
        for (id, on) in &self.features {
            pairs.push((format!("f.{id}"), if *on { "1" } else { "0" }.into()));
        }
        if let Some(c) = self.cross_origin_isolated {
            pairs.push(("coi".into(), if c { "1" } else { "0" }.into()));
        }
        for (key, stat) in [
            ("inst", self.instantiate),
            ("scalar", self.scalar),
            ("simd", self.simd),
        ] {
            if let Some(s) = stat {
                let us = |v: f64| micro(v * 1000.0);
                pairs.push((
                    key.into(),
                    format!("{},{},{}", us(s.median), us(s.min), us(s.max)),
                ));
            }
        }
        for (key, value) in [
            ("bytes", self.wasm_bytes),
            ("download", self.wasm_download),
            ("start", self.wasm_start),
            ("content", self.first_content),
        ] {
            if let Some(v) = value {
                pairs.push((key.into(), micro(v)));
            }
        }
        pairs.push(("browser".into(), self.browser.clone()));
        pairs.push(("when".into(), self.when.clone()));
        format_query(&pairs)
    }

    /// Reads stored results back; `None` when the text is not ours (another version,
    /// or damaged), so the page can say so and start afresh.
    pub fn from_store(text: &str) -> Option<LabResults> {
        let pairs = parse_query(text);
        if pairs.first().map(|(k, v)| (k.as_str(), v.as_str())) != Some(("v", "2")) {
            return None;
        }
        let mut r = LabResults::default();
        let number = |v: &str| v.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0);
        let stat = |v: &str| {
            let parts: Vec<f64> = v
                .split(',')
                .filter_map(number)
                .map(|us| us / 1000.0)
                .collect();
            match parts[..] {
                [median, min, max] if min <= median && median <= max => {
                    Some(Stat { median, min, max })
                }
                _ => None,
            }
        };
        for (key, value) in pairs.into_iter().skip(1) {
            let ok = match key.as_str() {
                "coi" => {
                    r.cross_origin_isolated = Some(value == "1");
                    value == "1" || value == "0"
                }
                "inst" => {
                    r.instantiate = stat(&value);
                    r.instantiate.is_some()
                }
                "scalar" => {
                    r.scalar = stat(&value);
                    r.scalar.is_some()
                }
                "simd" => {
                    r.simd = stat(&value);
                    r.simd.is_some()
                }
                "bytes" => {
                    r.wasm_bytes = number(&value);
                    r.wasm_bytes.is_some()
                }
                "download" => {
                    r.wasm_download = number(&value);
                    r.wasm_download.is_some()
                }
                "start" => {
                    r.wasm_start = number(&value);
                    r.wasm_start.is_some()
                }
                "content" => {
                    r.first_content = number(&value);
                    r.first_content.is_some()
                }
                "browser" => {
                    r.browser = value.chars().take(300).collect();
                    true
                }
                "when" => {
                    r.when = value.chars().take(40).collect();
                    true
                }
                other => match other.strip_prefix("f.") {
                    Some(id)
                        if FEATURES.iter().any(|f| f.id == id)
                            && (value == "1" || value == "0") =>
                    {
                        r.features.push((id.to_owned(), value == "1"));
                        true
                    }
                    _ => false,
                },
            };
            if !ok {
                return None;
            }
        }
        Some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::wasm_lab::results::sample;

    #[test]
    fn stored_results_round_trip_and_damage_is_refused() {
        let r = sample();
        assert_eq!(LabResults::from_store(&r.to_store()), Some(r.clone()));
        assert_eq!(LabResults::from_store(""), None);
        assert_eq!(
            LabResults::from_store("v=1&f.simd=1"),
            None,
            "an older version"
        );
        assert_eq!(LabResults::from_store("v=2&f.simd=maybe"), None);
        assert_eq!(LabResults::from_store("v=2&inst=3,2,1"), None);
        assert_eq!(LabResults::from_store("v=2&f.unknown=1"), None);
        assert_eq!(LabResults::from_store("{\"json\": true}"), None);
        assert!(LabResults::from_store("v=2&f.simd=1").unwrap().features[0].1);
        assert_eq!(
            LabResults::from_store("v=2&inst=150,100,300")
                .unwrap()
                .instantiate
                .unwrap()
                .median,
            0.15
        );
    }
}

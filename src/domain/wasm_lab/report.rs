//! The results written out for the visitor: JSON to copy, Markdown in the reader's
//! language, and the figure texts (durations, spreads, speedup, KB) the page shows the
//! same way.

use super::results::{LabResults, Stat};
use crate::base::lang::Lang;
use crate::data::wasm_features::FEATURES;
use crate::domain::export::json_string;
use crate::i18n::Key;

impl LabResults {
    /// The results as JSON, for copying.
    pub fn to_json(&self) -> String {
        let opt = |v: Option<f64>| v.map_or("null".to_owned(), micro);
        let stat = |s: Option<Stat>| {
            s.map_or("null".to_owned(), |s| {
                let us = |v: f64| micro(v * 1000.0);
                format!(
                    "{{\"median_us\": {}, \"min_us\": {}, \"max_us\": {}}}",
                    us(s.median),
                    us(s.min),
                    us(s.max)
                )
            })
        };
        let features: Vec<String> = self
            .features
            .iter()
            .map(|(id, on)| format!("    \"{id}\": {on}"))
            .collect();
        format!(
            "{{\n  \"browser\": {},\n  \"when\": {},\n  \"cross_origin_isolated\": {},\n  \"features\": {{\n{}\n  }},\n  \"instantiate\": {},\n  \"dot_scalar\": {},\n  \"dot_simd\": {},\n  \"simd_speedup\": {},\n  \"app_start\": {{\"wasm_bytes\": {}, \"wasm_download_ms\": {}, \"wasm_to_first_code_ms\": {}, \"first_content_ms\": {}}}\n}}\n",
            json_string(&self.browser),
            json_string(&self.when),
            self.cross_origin_isolated
                .map_or("null".to_owned(), |c| c.to_string()),
            features.join(",\n"),
            stat(self.instantiate),
            stat(self.scalar),
            stat(self.simd),
            opt(self.speedup()),
            opt(self.wasm_bytes),
            opt(self.wasm_download),
            opt(self.wasm_start),
            opt(self.first_content),
        )
    }

    /// The results as Markdown, in the reader's language.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let yes_no = |on: bool| {
            if on {
                Key::LabSupported.text(lang)
            } else {
                Key::LabUnsupported.text(lang)
            }
        };
        let stat = |s: Option<Stat>| {
            s.map_or(Key::LabPending.text(lang).to_owned(), |s| {
                stat_text(s, lang)
            })
        };
        let mut md = format!(
            "# {}

- {}: {}
- {}: {}

## {}

",
            Key::LabMdTitle.text(lang),
            Key::LabMdBrowser.text(lang),
            self.browser,
            Key::LabMdWhen.text(lang),
            self.when,
            Key::LabFeatures.text(lang)
        );
        for f in FEATURES {
            if let Some((_, on)) = self.features.iter().find(|(id, _)| id == f.id) {
                md.push_str(&format!("- {}: {}\n", f.name.get(lang), yes_no(*on)));
            }
        }
        md.push_str(&format!("\n## {}\n\n", Key::LabBench.text(lang)));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabBInstantiate.text(lang),
            stat(self.instantiate)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabScalar.text(lang),
            stat(self.scalar)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSimd.text(lang),
            stat(self.simd)
        ));
        if let Some(x) = self.speedup() {
            md.push_str(&format!("- {}\n", speedup_text(x, lang)));
        }
        md.push_str(&format!("\n## {}\n\n", Key::LabStart.text(lang)));
        let ms =
            |v: Option<f64>| v.map_or(Key::LabUnavailable.text(lang).to_owned(), duration_text);
        let kb = self
            .wasm_bytes
            .map_or(Key::LabUnavailable.text(lang).to_owned(), kb_text);
        md.push_str(&format!("- {}: {kb}\n", Key::LabSBytes.text(lang)));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSDownload.text(lang),
            ms(self.wasm_download)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSCompile.text(lang),
            ms(self.wasm_start)
        ));
        md.push_str(&format!(
            "- {}: {}\n",
            Key::LabSContent.text(lang),
            ms(self.first_content)
        ));
        md
    }
}

/// "median 15.2 µs (spread 13.1 µs–30 µs)".
pub fn stat_text(s: Stat, lang: Lang) -> String {
    let (median, min, max) = (
        duration_text(s.median),
        duration_text(s.min),
        duration_text(s.max),
    );
    Key::LabStat.fill(lang, &[("median", &median), ("min", &min), ("max", &max)])
}

/// A speedup to two decimals: "3.79".
pub fn speedup_figure(x: f64) -> String {
    micro((x * 100.0).round() / 100.0)
}

/// The speedup sentence: "SIMD speedup: 3.79× (the report: 4–16×; …)".
pub fn speedup_text(x: f64, lang: Lang) -> String {
    Key::LabSpeedup.fill(lang, &[("x", &speedup_figure(x))])
}

/// Bytes in KB of 1024, to one decimal: "283.2 KB".
pub fn kb_text(bytes: f64) -> String {
    format!("{} KB", micro((bytes / 102.4).round() / 10.0))
}

/// A duration given in ms, in µs under a millisecond: "15.2 µs", "3.25 ms".
pub fn duration_text(ms: f64) -> String {
    if ms < 1.0 {
        format!("{} µs", micro((ms * 10_000.0).round() / 10.0))
    } else {
        format!("{} ms", micro((ms * 100.0).round() / 100.0))
    }
}

/// A number to a microsecond (three decimals of a millisecond).
pub(super) fn micro(v: f64) -> String {
    crate::base::quantity::number(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::wasm_lab::results::sample;

    #[test]
    fn markdown_lists_features_benchmarks_and_start() {
        let md = sample().to_markdown(Lang::En);
        assert!(md.starts_with("# WebAssembly lab results\n"));
        assert!(md.contains("- SIMD (128-bit): supported\n"));
        assert!(md.contains("- Memory64: not supported\n"));
        assert!(md.contains("median 200 µs (spread 100 µs–300 µs)"), "{md}");
        assert_eq!(duration_text(0.0152), "15.2 µs");
        assert_eq!(duration_text(3.254), "3.25 ms");
        assert!(md.contains("SIMD speedup: 3.78×"));
        assert!(md.contains("WebAssembly downloaded: 283.2 KB"));
        let zh = LabResults::default().to_markdown(Lang::Zh);
        assert!(zh.contains("尚未运行"));
    }

    #[test]
    fn json_parses_and_holds_the_figures() {
        let json: serde_json::Value = serde_json::from_str(&sample().to_json()).unwrap();
        assert_eq!(json["features"]["simd"], true);
        assert_eq!(json["features"]["memory64"], false);
        assert_eq!(json["simd_speedup"], 3.778);
        assert_eq!(json["instantiate"]["median_us"], 200.0);
        assert_eq!(json["browser"], "Mozilla/5.0 \"Chrome\"");
        assert_eq!(json["cross_origin_isolated"], false);
        let empty: serde_json::Value =
            serde_json::from_str(&LabResults::default().to_json()).unwrap();
        assert!(empty["dot_simd"].is_null());
    }
}

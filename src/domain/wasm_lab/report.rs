//! The results written out for the visitor: JSON to copy, Markdown in the reader's
//! language, and the figure texts (durations, spreads, speedup, KB) the page shows the
//! same way.

use serde::{Serialize, Serializer};

use super::results::{LabResults, Stat};
use crate::base::lang::Lang;
use crate::data::wasm_features::FEATURES;
use crate::i18n::Key;

/// The shape of the copied JSON.
#[derive(Serialize)]
struct Json<'a> {
    browser: &'a str,
    when: &'a str,
    cross_origin_isolated: Option<bool>,
    features: Features<'a>,
    instantiate: Option<StatUs>,
    dot_scalar: Option<StatUs>,
    dot_simd: Option<StatUs>,
    simd_speedup: Option<f64>,
    app_start: AppStart,
}

#[derive(Serialize)]
struct StatUs {
    median_us: f64,
    min_us: f64,
    max_us: f64,
}

#[derive(Serialize)]
struct AppStart {
    wasm_bytes: Option<f64>,
    wasm_download_ms: Option<f64>,
    wasm_to_first_code_ms: Option<f64>,
    first_content_ms: Option<f64>,
}

/// The features as one object, `{"simd": true, …}`, in the order they were detected.
struct Features<'a>(&'a [(String, bool)]);

impl Serialize for Features<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, on)| (id, on)))
    }
}

/// A figure to a thousandth, as the page shows it.
fn thousandths(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

impl LabResults {
    /// The results as JSON, for copying: times in microseconds for the benchmarks,
    /// milliseconds for the app's start, to a thousandth.
    pub fn to_json(&self) -> String {
        let stat = |s: Option<Stat>| {
            s.map(|s| StatUs {
                median_us: thousandths(s.median * 1000.0),
                min_us: thousandths(s.min * 1000.0),
                max_us: thousandths(s.max * 1000.0),
            })
        };
        let opt = |v: Option<f64>| v.map(thousandths);
        let json = Json {
            browser: &self.browser,
            when: &self.when,
            cross_origin_isolated: self.cross_origin_isolated,
            features: Features(&self.features),
            instantiate: stat(self.instantiate),
            dot_scalar: stat(self.scalar),
            dot_simd: stat(self.simd),
            simd_speedup: opt(self.speedup()),
            app_start: AppStart {
                wasm_bytes: opt(self.wasm_bytes),
                wasm_download_ms: opt(self.wasm_download),
                wasm_to_first_code_ms: opt(self.wasm_start),
                first_content_ms: opt(self.first_content),
            },
        };
        serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
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
        assert!(md.contains("WebAssembly downloaded (main module): 283.2 KB"));
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

//! Quantities written for readers, in each language, keeping the report's honesty
//! marks: "~" (or "约") for approximate, "<" for an upper bound, "≥" for a lower bound,
//! "a–b" for a range.

use crate::base::lang::Lang;
use crate::base::quantity::{Amount, Quantity, Unit, number};

/// The report's words for display: a quote without the list marker it had in the
/// report ("- 启动时间: <125ms" reads "启动时间: <125ms").
pub fn report_quote(quote: &str) -> &str {
    quote.trim_start_matches("- ").trim()
}

/// The quantity for display. `signed` shows a "+" on positive values, for changes
/// the report wrote with a sign ("+40%").
pub fn format_quantity(q: Quantity, signed: bool, lang: Lang) -> String {
    if q.unit == Unit::Version {
        return q.to_string();
    }
    if q.unit == Unit::Fraction
        && let Amount::Exact(v) = q.amount
        && v > 0.0
        && (1.0 / v - (1.0 / v).round()).abs() < 1e-9
    {
        // A part of one whole, as the report writes it: "1/8", not "0.125×".
        return format!("1/{}", (1.0 / v).round());
    }
    if q.unit == Unit::Stars {
        let stars = q.amount.representative().round().clamp(0.0, 5.0) as usize;
        return format!("{}{}", "★".repeat(stars), "☆".repeat(5 - stars));
    }
    let (scale, before, sep, after) = unit_words(q, lang);
    let num = |v: f64| {
        let text = number(v / scale);
        if signed && v > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    let (mark, body) = match q.amount {
        Amount::Exact(v) => ("", num(v)),
        Amount::About(v) => (if lang == Lang::Zh { "约" } else { "~" }, num(v)),
        Amount::AtMost(v) => ("<", num(v)),
        Amount::AtLeast(v) => ("≥", num(v)),
        Amount::Range(lo, hi) => ("", format!("{}–{}", num(lo), num(hi))),
    };
    format!("{mark}{before}{body}{sep}{after}")
}

/// How to write the unit: a divisor for the number, and text before and after it.
/// Units with a language- or size-dependent form are listed; the rest follow the
/// number as their symbol (`Unit::symbol`), after a space.
fn unit_words(q: Quantity, lang: Lang) -> (f64, &'static str, &'static str, &'static str) {
    let big = q.amount.representative().abs() >= 1e9;
    match (q.unit, lang) {
        (Unit::Usd, Lang::En) if big => (1e9, "USD ", "", " bn"),
        (Unit::Usd, Lang::Zh) if big => (1e8, "", "", "亿美元"),
        (Unit::Usd, _) => (1.0, "USD ", "", ""),
        (Unit::Cny, _) if q.amount.representative().abs() >= 1000.0 => (1000.0, "¥", "", "k"),
        (Unit::Cny, _) => (1.0, "¥", "", ""),
        (Unit::Factor, Lang::Zh) => (1.0, "", "", "倍"),
        (Unit::Factor, Lang::En) => (1.0, "", "", "×"),
        (Unit::Percent, _) => (1.0, "", "", "%"),
        (Unit::Count | Unit::Stars | Unit::Version | Unit::Fraction, _) => (1.0, "", "", ""),
        (Unit::BillionParameters, Lang::En) => (1.0, "", "", "B parameters"),
        (Unit::BillionParameters, Lang::Zh) => (1.0, "", "", "B 参数"),
        (unit, _) => (1.0, "", " ", unit.symbol()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(text: &str, signed: bool, lang: Lang) -> String {
        format_quantity(Quantity::parse(text).unwrap(), signed, lang)
    }

    #[test]
    fn writes_a_part_of_one_whole_as_a_fraction() {
        assert_eq!(f("1/8", false, Lang::En), "1/8");
        assert_eq!(f("1/2", false, Lang::Zh), "1/2");
    }

    #[test]
    fn keeps_the_honesty_marks() {
        assert_eq!(f("<125ms", false, Lang::En), "<125 ms");
        assert_eq!(f("~70ms", false, Lang::En), "~70 ms");
        assert_eq!(f("~70ms", false, Lang::Zh), "约70 ms");
        assert_eq!(f("200+ TF", false, Lang::En), "≥200 TFLOPS");
        assert_eq!(f("1-5s", false, Lang::En), "1–5 s");
        assert_eq!(f("95%+", false, Lang::Zh), "≥95%");
    }

    #[test]
    fn writes_money_and_factors_per_language() {
        assert_eq!(f("约150亿美元", false, Lang::En), "~USD 15 bn");
        assert_eq!(f("约150亿美元", false, Lang::Zh), "约150亿美元");
        assert_eq!(f("280亿美元", false, Lang::En), "USD 28 bn");
        assert_eq!(f("~¥60k", false, Lang::En), "~¥60k");
        assert_eq!(f("¥100k+", false, Lang::Zh), "≥¥100k");
        assert_eq!(f("4-16倍", false, Lang::En), "4–16×");
        assert_eq!(f("4-16倍", false, Lang::Zh), "4–16倍");
    }

    #[test]
    fn signs_stars_and_versions() {
        assert_eq!(f("+40%", true, Lang::En), "+40%");
        assert_eq!(f("-25%", true, Lang::En), "-25%");
        assert_eq!(f("40%", false, Lang::En), "40%");
        assert_eq!(f("⭐⭐⭐", false, Lang::En), "★★★☆☆");
        let v = Quantity::parse_as("1.6+", Unit::Version).unwrap();
        assert_eq!(format_quantity(v, false, Lang::Zh), "v1.6+");
    }
}

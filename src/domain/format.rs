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
    format_quantity_sized(q, signed, lang, q.amount.representative())
}

/// [`format_quantity`] with the unit's form chosen for `size` rather than for the
/// value itself: the ticks of one axis share the form of their largest tick ("USD 0 bn,
/// USD 10 bn", never "USD 0, USD 10 bn").
pub fn format_quantity_sized(q: Quantity, signed: bool, lang: Lang, size: f64) -> String {
    if q.unit == Unit::Version {
        return q.to_string();
    }
    if q.unit == Unit::Fraction
        && let Amount::Exact(v) = q.amount
        && v > 0.0
        && (1.0 / v - (1.0 / v).round()).abs() < 1e-9
    {
        // A part of one whole, as the report writes it: "1/8", not "0.125×".
        return format!("1/{}", number((1.0 / v).round()));
    }
    if q.unit == Unit::Stars {
        let stars = q.amount.representative().round().clamp(0.0, 5.0) as usize;
        return format!("{}{}", "★".repeat(stars), "☆".repeat(5 - stars));
    }
    let (scale, before, sep, after) = unit_words(q.unit, lang, size.abs());
    let num = |v: f64| {
        let text = grouped(&number(v / scale));
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
fn unit_words(
    unit: Unit,
    lang: Lang,
    size: f64,
) -> (f64, &'static str, &'static str, &'static str) {
    let big = size >= 1e9;
    match (unit, lang) {
        (Unit::Usd, Lang::En) if big => (1e9, "USD ", "", " bn"),
        (Unit::Usd, Lang::Zh) if big => (1e8, "", "", "亿美元"),
        (Unit::Usd, _) => (1.0, "USD ", "", ""),
        (Unit::Cny, _) if size >= 1000.0 => (1000.0, "¥", "", "k"),
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

/// A written number with its whole part grouped in threes from five digits on:
/// "100,000", "12,500.5"; four digits stay as they are ("2025", "1000"), as in most
/// style guides, so years and small counts read naturally.
fn grouped(written: &str) -> String {
    let (sign, rest) = match written.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", written),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    if whole.len() < 5 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return written.to_owned();
    }
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
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
    fn groups_long_numbers_in_threes() {
        assert_eq!(f("100000ms", false, Lang::En), "100,000 ms");
        assert_eq!(f("100000ms", false, Lang::Zh), "100,000 ms");
        assert_eq!(f("1000ms", false, Lang::En), "1000 ms");
        assert_eq!(grouped("-1234567.25"), "-1,234,567.25");
        assert_eq!(grouped("12345"), "12,345");
        assert_eq!(grouped("∞"), "∞");
    }

    #[test]
    fn an_axis_writes_money_in_the_form_of_its_largest_tick() {
        let zero = Quantity::parse("0亿美元").unwrap();
        assert_eq!(format_quantity(zero, false, Lang::En), "USD 0");
        assert_eq!(
            format_quantity_sized(zero, false, Lang::En, 2e10),
            "USD 0 bn"
        );
        assert_eq!(
            format_quantity_sized(zero, false, Lang::Zh, 2e10),
            "0亿美元"
        );
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

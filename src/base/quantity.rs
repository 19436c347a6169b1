//! Quantities as the report states them: a number or a range, how exact it is, and a
//! typed unit. Parsing takes the report's own notation ("<125ms", "~150ms", "200+ TF",
//! "1-5s", "95%+", "4-16倍", "约150亿美元"); conversion between units of one dimension
//! (ms and s, MB and GB) is done here, so charts can put them on one axis.

use std::fmt;

/// What a unit measures. Only units of the same dimension convert into each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dimension {
    Time,
    DataSize,
    Bandwidth,
    Compute,
    IntegerCompute,
    Power,
    MoneyCny,
    MoneyUsd,
    Share,
    Rating,
    Ratio,
    Count,
    Parameters,
    Version,
    /// Compute for money: derived, never stated by the report.
    ComputePerPrice,
    /// Compute for power: derived, never stated by the report.
    ComputePerPower,
}

/// A unit of measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Microseconds,
    Milliseconds,
    Seconds,
    /// Bytes: a file's parts in the playground (the report's sizes are KB and up).
    Bytes,
    Kilobytes,
    Megabytes,
    Gigabytes,
    MegabytesPerSecond,
    GigabytesPerSecond,
    TerabytesPerSecond,
    /// FP16 (or the stated precision) tera floating-point operations per second.
    Teraflops,
    /// INT8 tera operations per second.
    Tops,
    Watts,
    Cny,
    Usd,
    Percent,
    Stars,
    /// A multiple ("4-16倍", "3-6x").
    Factor,
    /// A part of one whole ("1/8" of a GPU), written as a fraction.
    Fraction,
    Count,
    /// Billions of model parameters ("70B").
    BillionParameters,
    /// A release number ("v1.6+", "Wasmtime 14.0+"), major.minor.
    Version,
    /// Derived: TFLOPS per 10,000 CNY of price.
    TflopsPer10kCny,
    /// Derived: GFLOPS per watt of TDP.
    GflopsPerWatt,
}

impl Unit {
    pub const fn dimension(self) -> Dimension {
        match self {
            Unit::Microseconds | Unit::Milliseconds | Unit::Seconds => Dimension::Time,
            Unit::Bytes | Unit::Kilobytes | Unit::Megabytes | Unit::Gigabytes => {
                Dimension::DataSize
            }
            Unit::MegabytesPerSecond | Unit::GigabytesPerSecond | Unit::TerabytesPerSecond => {
                Dimension::Bandwidth
            }
            Unit::Teraflops => Dimension::Compute,
            Unit::Tops => Dimension::IntegerCompute,
            Unit::Watts => Dimension::Power,
            Unit::Cny => Dimension::MoneyCny,
            Unit::Usd => Dimension::MoneyUsd,
            Unit::Percent => Dimension::Share,
            Unit::Stars => Dimension::Rating,
            Unit::Factor | Unit::Fraction => Dimension::Ratio,
            Unit::Count => Dimension::Count,
            Unit::BillionParameters => Dimension::Parameters,
            Unit::Version => Dimension::Version,
            Unit::TflopsPer10kCny => Dimension::ComputePerPrice,
            Unit::GflopsPerWatt => Dimension::ComputePerPower,
        }
    }

    /// How many of the dimension's base unit one of this unit is (base units: ms, MB,
    /// MB/s, and 1 for the rest).
    const fn scale(self) -> f64 {
        match self {
            Unit::Microseconds => 0.001,
            Unit::Milliseconds => 1.0,
            Unit::Seconds => 1000.0,
            Unit::Bytes => 1.0 / 1_000_000.0,
            Unit::Kilobytes => 1.0 / 1000.0,
            Unit::Megabytes => 1.0,
            Unit::Gigabytes => 1000.0,
            Unit::MegabytesPerSecond => 1.0,
            Unit::GigabytesPerSecond => 1000.0,
            Unit::TerabytesPerSecond => 1_000_000.0,
            _ => 1.0,
        }
    }

    /// The unit's symbol, as shown beside a number (the same in both languages).
    pub const fn symbol(self) -> &'static str {
        match self {
            Unit::Microseconds => "µs",
            Unit::Milliseconds => "ms",
            Unit::Seconds => "s",
            Unit::Bytes => "B",
            Unit::Kilobytes => "KB",
            Unit::Megabytes => "MB",
            Unit::Gigabytes => "GB",
            Unit::MegabytesPerSecond => "MB/s",
            Unit::GigabytesPerSecond => "GB/s",
            Unit::TerabytesPerSecond => "TB/s",
            Unit::Teraflops => "TFLOPS",
            Unit::Tops => "TOPS",
            Unit::Watts => "W",
            Unit::Cny => "CNY",
            Unit::Usd => "USD",
            Unit::Percent => "%",
            Unit::Stars => "★",
            Unit::Factor => "×",
            Unit::Fraction => "",
            Unit::Count => "",
            Unit::BillionParameters => "B params",
            Unit::Version => "",
            Unit::TflopsPer10kCny => "TFLOPS/¥10k",
            Unit::GflopsPerWatt => "GFLOPS/W",
        }
    }

    /// A stable machine name, for CSV and JSON exports.
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Microseconds => "us",
            Unit::Milliseconds => "ms",
            Unit::Seconds => "s",
            Unit::Bytes => "B",
            Unit::Kilobytes => "KB",
            Unit::Megabytes => "MB",
            Unit::Gigabytes => "GB",
            Unit::MegabytesPerSecond => "MB/s",
            Unit::GigabytesPerSecond => "GB/s",
            Unit::TerabytesPerSecond => "TB/s",
            Unit::Teraflops => "TFLOPS",
            Unit::Tops => "TOPS",
            Unit::Watts => "W",
            Unit::Cny => "CNY",
            Unit::Usd => "USD",
            Unit::Percent => "%",
            Unit::Stars => "stars",
            Unit::Factor => "factor",
            Unit::Fraction => "fraction",
            Unit::Count => "count",
            Unit::BillionParameters => "Bparams",
            Unit::Version => "version",
            Unit::TflopsPer10kCny => "TFLOPS/10kCNY",
            Unit::GflopsPerWatt => "GFLOPS/W",
        }
    }
}

/// How exactly the report states a value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// "350W"
    Exact(f64),
    /// "~70ms", "约150亿美元"
    About(f64),
    /// "<125ms": at most this.
    AtMost(f64),
    /// "200+ TF", "95%+": at least this.
    AtLeast(f64),
    /// "1-5s", "4-16倍": somewhere from the first to the second.
    Range(f64, f64),
}

/// The kind of an amount, for filters and the "kind" column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Exact,
    Approximate,
    UpperBound,
    LowerBound,
    Range,
}

impl Kind {
    pub const fn code(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Approximate => "approximate",
            Kind::UpperBound => "upper-bound",
            Kind::LowerBound => "lower-bound",
            Kind::Range => "range",
        }
    }
}

impl Amount {
    pub const fn kind(self) -> Kind {
        match self {
            Amount::Exact(_) => Kind::Exact,
            Amount::About(_) => Kind::Approximate,
            Amount::AtMost(_) => Kind::UpperBound,
            Amount::AtLeast(_) => Kind::LowerBound,
            Amount::Range(..) => Kind::Range,
        }
    }

    /// The lowest and highest values the statement allows, where it says (an upper
    /// bound has no stated low end, a lower bound no high end).
    pub fn bounds(self) -> (Option<f64>, Option<f64>) {
        match self {
            Amount::Exact(v) | Amount::About(v) => (Some(v), Some(v)),
            Amount::AtMost(v) => (None, Some(v)),
            Amount::AtLeast(v) => (Some(v), None),
            Amount::Range(lo, hi) => (Some(lo), Some(hi)),
        }
    }

    /// One number to sort and plot by: the value, the bound, or a range's midpoint.
    pub fn representative(self) -> f64 {
        match self {
            Amount::Exact(v) | Amount::About(v) | Amount::AtMost(v) | Amount::AtLeast(v) => v,
            Amount::Range(lo, hi) => (lo + hi) / 2.0,
        }
    }

    pub fn map(self, f: impl Fn(f64) -> f64) -> Amount {
        match self {
            Amount::Exact(v) => Amount::Exact(f(v)),
            Amount::About(v) => Amount::About(f(v)),
            Amount::AtMost(v) => Amount::AtMost(f(v)),
            Amount::AtLeast(v) => Amount::AtLeast(f(v)),
            Amount::Range(lo, hi) => Amount::Range(f(lo), f(hi)),
        }
    }
}

/// A value with its unit and how exactly it is stated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub amount: Amount,
    pub unit: Unit,
}

/// Why a value string could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NoNumber(String),
    UnknownUnit { input: String, unit: String },
    BadRange(String),
    MixedQualifiers(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Empty => write!(f, "empty value"),
            ParseError::NoNumber(input) => write!(f, "no number in {input:?}"),
            ParseError::UnknownUnit { input, unit } => {
                write!(f, "unknown unit {unit:?} in {input:?}")
            }
            ParseError::BadRange(input) => {
                write!(f, "range {input:?} must go from a lower to a higher number")
            }
            ParseError::MixedQualifiers(input) => {
                write!(f, "{input:?} is both a bound and approximate or a range")
            }
        }
    }
}

impl std::error::Error for ParseError {}

/// Unit spellings the report uses, longest first so "ms" wins over "s".
const UNIT_WORDS: &[(&str, Unit, f64)] = &[
    ("亿美元", Unit::Usd, 1e8),
    ("美元", Unit::Usd, 1.0),
    ("INT8 TOPS", Unit::Tops, 1.0),
    ("TF FP16", Unit::Teraflops, 1.0),
    // "TF32+" is a precision (Biren's extended TF32), not a lower bound: "768 TF TF32+".
    ("TF TF32+", Unit::Teraflops, 1.0),
    ("TF TF32", Unit::Teraflops, 1.0),
    ("TFLOPS", Unit::Teraflops, 1.0),
    ("TOPS", Unit::Tops, 1.0),
    ("TB/s", Unit::TerabytesPerSecond, 1.0),
    ("GB/s", Unit::GigabytesPerSecond, 1.0),
    ("MB/s", Unit::MegabytesPerSecond, 1.0),
    ("个实例", Unit::Count, 1.0),
    ("个", Unit::Count, 1.0),
    ("倍", Unit::Factor, 1.0),
    ("ms", Unit::Milliseconds, 1.0),
    ("us", Unit::Microseconds, 1.0),
    ("µs", Unit::Microseconds, 1.0),
    ("KB", Unit::Kilobytes, 1.0),
    ("MB", Unit::Megabytes, 1.0),
    ("GB", Unit::Gigabytes, 1.0),
    ("TF", Unit::Teraflops, 1.0),
    ("W", Unit::Watts, 1.0),
    ("B", Unit::BillionParameters, 1.0),
    ("s", Unit::Seconds, 1.0),
    ("x", Unit::Factor, 1.0),
    ("×", Unit::Factor, 1.0),
    ("%", Unit::Percent, 1.0),
    ("k", Unit::Count, 1000.0),
];

impl Quantity {
    /// Reads a value the way the report writes it. Stars ("⭐⭐⭐⭐") count as a rating;
    /// "¥" marks yuan, with "k" for thousands; "约" and "~" mean approximate; "<" an
    /// upper bound; a trailing "+" a lower bound; "a-b" a range; "1/8" a fraction.
    /// A value without a unit is a count.
    pub fn parse(input: &str) -> Result<Quantity, ParseError> {
        Quantity::parse_as(input, Unit::Count)
    }

    /// Like [`Quantity::parse`], but a value without a unit word takes `unitless`
    /// ("14.0+" read as a version).
    pub fn parse_as(input: &str, unitless: Unit) -> Result<Quantity, ParseError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(ParseError::Empty);
        }
        let stars = text.chars().filter(|&c| c == '⭐').count();
        if stars > 0 && text.chars().all(|c| c == '⭐' || c.is_whitespace()) {
            return Ok(Quantity {
                amount: Amount::Exact(stars as f64),
                unit: Unit::Stars,
            });
        }

        let mut rest = text;
        let mut about = false;
        for prefix in ["~", "约", "≈"] {
            if let Some(stripped) = rest.strip_prefix(prefix) {
                about = true;
                rest = stripped.trim_start();
            }
        }
        let at_most = if let Some(stripped) = rest.strip_prefix('<') {
            rest = stripped.trim_start();
            true
        } else {
            false
        };
        let mut cny = false;
        if let Some(stripped) = rest.strip_prefix('¥') {
            cny = true;
            rest = stripped;
        }

        let (mut low, after_low) =
            take_number(rest).ok_or_else(|| ParseError::NoNumber(text.into()))?;
        rest = after_low.trim_start();
        let mut fraction = false;
        if let Some(stripped) = rest.strip_prefix('/') {
            let (denominator, after) =
                take_number(stripped).ok_or_else(|| ParseError::NoNumber(text.into()))?;
            if denominator == 0.0 {
                return Err(ParseError::NoNumber(text.into()));
            }
            low /= denominator;
            fraction = true;
            rest = after.trim_start();
        }
        // "70B-100B": a unit may follow the low end too, if the high end repeats it.
        if let Some((unit, _, after)) = take_unit(rest, cny, unitless)
            && rest != after
            && after.starts_with(['-', '–'])
            && let Some((_, tail)) = take_number(after[1..].trim_start())
            && take_unit(tail.trim_start(), cny, unitless).is_some_and(|(u, ..)| u == unit)
        {
            rest = after;
        }
        let mut high = None;
        if let Some(stripped) = rest.strip_prefix(['-', '–', '~']) {
            let (value, after) = take_number(stripped.trim_start())
                .ok_or_else(|| ParseError::BadRange(text.into()))?;
            high = Some(value);
            rest = after.trim_start();
        }
        // A "+" may stand before or after the unit: "200+ TF", "95%+".
        let mut at_least = false;
        if let Some(stripped) = rest.strip_prefix('+') {
            at_least = true;
            rest = stripped.trim_start();
        }
        let (unit, factor, after_unit) = if fraction && rest.is_empty() {
            (Unit::Fraction, 1.0, rest)
        } else {
            take_unit(rest, cny, unitless).ok_or_else(|| ParseError::UnknownUnit {
                input: text.into(),
                unit: rest.into(),
            })?
        };
        rest = after_unit.trim_start();
        if let Some(stripped) = rest.strip_prefix('+') {
            at_least = true;
            rest = stripped.trim_start();
        }
        if !rest.is_empty() {
            return Err(ParseError::UnknownUnit {
                input: text.into(),
                unit: rest.into(),
            });
        }

        let qualifiers = [about, at_most, at_least, high.is_some()]
            .iter()
            .filter(|q| **q)
            .count();
        if qualifiers > 1 {
            return Err(ParseError::MixedQualifiers(text.into()));
        }
        let amount = match high {
            Some(high) if high <= low => return Err(ParseError::BadRange(text.into())),
            Some(high) => Amount::Range(low, high),
            None if about => Amount::About(low),
            None if at_most => Amount::AtMost(low),
            None if at_least => Amount::AtLeast(low),
            None => Amount::Exact(low),
        };
        Ok(Quantity {
            amount: amount.map(|v| v * factor),
            unit,
        })
    }

    /// The same quantity in another unit of the same dimension; `None` across dimensions.
    pub fn convert(self, to: Unit) -> Option<Quantity> {
        if self.unit.dimension() != to.dimension() {
            return None;
        }
        let ratio = self.unit.scale() / to.scale();
        Some(Quantity {
            amount: self.amount.map(|v| v * ratio),
            unit: to,
        })
    }

    /// The quantity in its dimension's base unit (ms, MB, MB/s; itself otherwise).
    pub fn in_base_unit(self) -> Quantity {
        let base = match self.unit.dimension() {
            Dimension::Time => Unit::Milliseconds,
            Dimension::DataSize => Unit::Megabytes,
            Dimension::Bandwidth => Unit::MegabytesPerSecond,
            _ => self.unit,
        };
        self.convert(base).unwrap_or(self)
    }
}

impl fmt::Display for Quantity {
    /// A normalized rendering: "≤125 ms", "≈70 ms", "≥200 TFLOPS", "1–5 s".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.unit == Unit::Version {
            return match self.amount {
                Amount::AtLeast(v) => write!(f, "v{}+", number(v)),
                Amount::AtMost(v) => write!(f, "≤v{}", number(v)),
                other => write!(f, "v{}", number(other.representative())),
            };
        }
        let unit = self.unit.symbol();
        let sep = if unit.is_empty() || unit == "%" || unit == "×" || unit == "★" {
            ""
        } else {
            " "
        };
        match self.amount {
            Amount::Exact(v) => write!(f, "{}{sep}{unit}", number(v)),
            Amount::About(v) => write!(f, "≈{}{sep}{unit}", number(v)),
            Amount::AtMost(v) => write!(f, "≤{}{sep}{unit}", number(v)),
            Amount::AtLeast(v) => write!(f, "≥{}{sep}{unit}", number(v)),
            Amount::Range(lo, hi) => write!(f, "{}–{}{sep}{unit}", number(lo), number(hi)),
        }
    }
}

/// A number without needless decimals, to at most three places: 125, 4.8, 0.125,
/// 1.5e10 as 15000000000. Integer arithmetic only: Rust's float formatting would add
/// kilobytes of code to the wasm for no visible difference.
pub fn number(v: f64) -> String {
    decimal(v, 3)
}

/// `v` in decimal with at most `places` decimals, trailing zeros dropped: [`number`]
/// at any precision, for exports that must keep a value exact (a file's size in
/// megabytes). A large number keeps fewer decimals: only those an `f64` holds (its
/// digits in units of the last place stay under 2^53), never made-up ones. Written
/// without Rust's float formatting, which would bring about 11 KB of code into every
/// page that writes a number.
pub fn decimal(v: f64, places: u32) -> String {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let mut places = places.min(18);
    while places > 0 && v.abs() * 10f64.powi(places as i32) >= EXACT {
        places -= 1;
    }
    let unit = 10u64.pow(places);
    let parts = (v.abs() * unit as f64).round();
    if !parts.is_finite() || parts >= 9.0e18 {
        return if v.is_nan() {
            "NaN".into()
        } else if v < 0.0 {
            "-∞".into()
        } else {
            "∞".into()
        };
    }
    let parts = parts as u64;
    let (whole, fraction) = (parts / unit, parts % unit);
    let sign = if v < 0.0 && parts != 0 { "-" } else { "" };
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:0width$}", width = places as usize);
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A leading number (optionally signed, with decimals) and the rest.
fn take_number(text: &str) -> Option<(f64, &str)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    if end < bytes.len() && (bytes[end] == b'+' || bytes[end] == b'-') {
        // A sign only counts when a digit follows ("+40%", "-25%").
        if bytes.get(1).is_some_and(u8::is_ascii_digit) {
            end = 1;
        }
    }
    let digits_start = end;
    while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
        end += 1;
    }
    if end == digits_start {
        return None;
    }
    text[..end].parse().ok().map(|v| (v, &text[end..]))
}

/// A leading unit word, its multiplier, and the rest; `cny` when a "¥" came first,
/// `unitless` for a value with no unit word.
fn take_unit(text: &str, cny: bool, unitless: Unit) -> Option<(Unit, f64, &str)> {
    if cny {
        return match text.strip_prefix('k') {
            Some(rest) => Some((Unit::Cny, 1000.0, rest)),
            None => Some((Unit::Cny, 1.0, text)),
        };
    }
    if text.is_empty() || text.starts_with(['+', '-', '–']) {
        return Some((unitless, 1.0, text));
    }
    UNIT_WORDS
        .iter()
        .find_map(|(word, unit, factor)| text.strip_prefix(word).map(|rest| (*unit, *factor, rest)))
}

#[cfg(test)]
#[path = "quantity/tests.rs"]
mod tests;

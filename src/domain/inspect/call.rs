//! What the runner may call: exports whose parameters and results are all numbers
//! (`i32`, `i64`, `f32`, `f64`), and the typed arguments a visitor writes for them.
//! The call itself happens in JavaScript, in the worker.

use super::model::{ExternType, Inspection};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A number type JavaScript can pass to and from WebAssembly (`i64` as a BigInt).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumType {
    I32,
    I64,
    F32,
    F64,
}

impl NumType {
    /// From a value type's text: `i32`, `i64`, `f32`, `f64`; anything else is not one.
    pub fn parse(text: &str) -> Option<NumType> {
        match text {
            "i32" => Some(NumType::I32),
            "i64" => Some(NumType::I64),
            "f32" => Some(NumType::F32),
            "f64" => Some(NumType::F64),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            NumType::I32 => "i32",
            NumType::I64 => "i64",
            NumType::F32 => "f32",
            NumType::F64 => "f64",
        }
    }
}

/// An export the runner can call, with its types.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallableExport {
    pub name: String,
    pub params: Vec<NumType>,
    pub results: Vec<NumType>,
}

/// The function exports of a core module whose parameters and results are all
/// numbers, in export order. Others (`v128`, references) cannot be called with typed
/// inputs; [`uncallable_exports`] names them.
pub fn callable_exports(inspection: &Inspection) -> Vec<CallableExport> {
    inspection
        .exports
        .iter()
        .filter_map(|export| {
            let ExternType::Func(Some(sig)) = &export.ty else {
                return None;
            };
            let numbers = |types: &[String]| -> Option<Vec<NumType>> {
                types.iter().map(|t| NumType::parse(t)).collect()
            };
            Some(CallableExport {
                name: export.name.clone(),
                params: numbers(&sig.params)?,
                results: numbers(&sig.results)?,
            })
        })
        .collect()
}

/// The function exports that [`callable_exports`] leaves out, by name.
pub fn uncallable_exports(inspection: &Inspection) -> Vec<String> {
    let callable = callable_exports(inspection);
    inspection
        .exports
        .iter()
        .filter(|e| matches!(e.ty, ExternType::Func(_)))
        .filter(|e| !callable.iter().any(|c| c.name == e.name))
        .map(|e| e.name.clone())
        .collect()
}

/// A typed value, for an argument or a result.
///
/// It crosses the worker boundary as its type and bits, so NaN payloads and `-0`
/// survive (JSON has no NaN).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "RawValue", from = "RawValue")]
pub enum Value {
    I32(i32),
    I64(i64),
    F32(f32),
    F64(f64),
}

impl Value {
    /// Zero of type `ty`: what a stubbed import returns.
    pub fn zero(ty: NumType) -> Value {
        match ty {
            NumType::I32 => Value::I32(0),
            NumType::I64 => Value::I64(0),
            NumType::F32 => Value::F32(0.0),
            NumType::F64 => Value::F64(0.0),
        }
    }

    pub fn ty(self) -> NumType {
        match self {
            Value::I32(_) => NumType::I32,
            Value::I64(_) => NumType::I64,
            Value::F32(_) => NumType::F32,
            Value::F64(_) => NumType::F64,
        }
    }
}

impl fmt::Display for Value {
    /// As a visitor would write it back: `-1`, `1.5`, `nan`, `-inf`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn float(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
            if x.is_nan() {
                f.write_str("nan")
            } else if x.is_infinite() {
                f.write_str(if x < 0.0 { "-inf" } else { "inf" })
            } else {
                write!(f, "{x}")
            }
        }
        match *self {
            Value::I32(x) => write!(f, "{x}"),
            Value::I64(x) => write!(f, "{x}"),
            Value::F32(x) if x.is_finite() => write!(f, "{x}"),
            Value::F32(x) => float(f, f64::from(x)),
            Value::F64(x) => float(f, x),
        }
    }
}

/// [`Value`] on the wire.
#[derive(Clone, Copy, Serialize, Deserialize)]
struct RawValue {
    ty: NumType,
    /// The value's bits (two's complement or IEEE 754), zero-extended.
    bits: u64,
}

impl From<Value> for RawValue {
    fn from(value: Value) -> Self {
        let bits = match value {
            Value::I32(x) => u64::from(x as u32),
            Value::I64(x) => x as u64,
            Value::F32(x) => u64::from(x.to_bits()),
            Value::F64(x) => x.to_bits(),
        };
        RawValue {
            ty: value.ty(),
            bits,
        }
    }
}

impl From<RawValue> for Value {
    fn from(raw: RawValue) -> Self {
        match raw.ty {
            NumType::I32 => Value::I32(raw.bits as u32 as i32),
            NumType::I64 => Value::I64(raw.bits as i64),
            NumType::F32 => Value::F32(f32::from_bits(raw.bits as u32)),
            NumType::F64 => Value::F64(f64::from_bits(raw.bits)),
        }
    }
}

/// Why an argument's text is not a value of its type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArgError {
    /// Nothing was written.
    Empty,
    /// Not a number of this type: `abc`, `1.5` for an integer, `0x` with no digits.
    NotANumber { ty: NumType, text: String },
    /// An integer outside the type's range (signed or unsigned: `i32` takes
    /// `-2147483648` to `4294967295`, the upper half as its two's complement bits).
    OutOfRange { ty: NumType, text: String },
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::Empty => f.write_str("no value given"),
            ArgError::NotANumber { ty, text } => {
                write!(f, "“{text}” is not a number of type {}", ty.name())
            }
            ArgError::OutOfRange { ty, text } => {
                write!(f, "{text} does not fit in {}", ty.name())
            }
        }
    }
}

/// An integer as written: optional sign, then decimal digits or `0x` and hex digits,
/// with `_` allowed between digits (as in the text format). `None` when malformed;
/// the magnitude saturates past `u128`, which every type rejects as out of range.
fn integer(text: &str) -> Option<(bool, u128)> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = match rest.get(..2) {
        Some("0x" | "0X") => (16, &rest[2..]),
        _ => (10, rest),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') {
        return None;
    }
    let mut magnitude: u128 = 0;
    for c in digits.chars().filter(|c| *c != '_') {
        let digit = c.to_digit(radix)?;
        magnitude = magnitude
            .saturating_mul(u128::from(radix))
            .saturating_add(u128::from(digit));
    }
    Some((negative, magnitude))
}

/// A float as written: a decimal (`1.5`, `-2e3`, `.5`), `nan`, `inf`, `infinity`
/// (any case, with a sign), or an integer in `0x` hex.
fn float(text: &str) -> Option<f64> {
    let plain = text.replace('_', "");
    if let Ok(x) = plain.parse::<f64>() {
        return Some(x);
    }
    let (negative, magnitude) = integer(text)?;
    let x = magnitude as f64;
    Some(if negative { -x } else { x })
}

/// Reads an argument of type `ty` from what the visitor wrote (spaces around are
/// ignored): `42`, `-1`, `0x10`, `4294967295` (an `i32`'s bits), `1.5`, `nan`, `-inf`.
pub fn parse_arg(ty: NumType, text: &str) -> Result<Value, ArgError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ArgError::Empty);
    }
    let not_a_number = || ArgError::NotANumber {
        ty,
        text: text.to_owned(),
    };
    let out_of_range = || ArgError::OutOfRange {
        ty,
        text: text.to_owned(),
    };
    match ty {
        NumType::I32 | NumType::I64 => {
            let (negative, magnitude) = integer(text).ok_or_else(not_a_number)?;
            let bits = if ty == NumType::I32 { 32 } else { 64 };
            let (min_magnitude, max) = (1u128 << (bits - 1), (1u128 << bits) - 1);
            if (negative && magnitude > min_magnitude) || (!negative && magnitude > max) {
                return Err(out_of_range());
            }
            // Two's complement of the magnitude, cut to the type's width.
            let value = if negative {
                magnitude.wrapping_neg()
            } else {
                magnitude
            };
            Ok(match ty {
                NumType::I32 => Value::I32(value as u32 as i32),
                _ => Value::I64(value as u64 as i64),
            })
        }
        NumType::F32 => {
            // Parsed as f32 directly: rounding twice through f64 could differ.
            let plain = text.replace('_', "");
            match plain.parse::<f32>() {
                Ok(x) => Ok(Value::F32(x)),
                Err(_) => float(text)
                    .map(|x| Value::F32(x as f32))
                    .ok_or_else(not_a_number),
            }
        }
        NumType::F64 => float(text).map(Value::F64).ok_or_else(not_a_number),
    }
}

/// Reads every argument of an export: one text per parameter, in order. The first
/// error comes back with the argument's index.
pub fn parse_args(params: &[NumType], texts: &[&str]) -> Result<Vec<Value>, (usize, ArgError)> {
    params
        .iter()
        .enumerate()
        .map(|(i, ty)| parse_arg(*ty, texts.get(i).copied().unwrap_or("")).map_err(|e| (i, e)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(ty: NumType, text: &str) -> Value {
        parse_arg(ty, text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn integers_in_decimal_and_hex_with_their_range() {
        assert_eq!(ok(NumType::I32, "42"), Value::I32(42));
        assert_eq!(ok(NumType::I32, " -1 "), Value::I32(-1));
        assert_eq!(ok(NumType::I32, "0x10"), Value::I32(16));
        assert_eq!(ok(NumType::I32, "+7"), Value::I32(7));
        assert_eq!(ok(NumType::I32, "1_000"), Value::I32(1000));
        assert_eq!(ok(NumType::I32, "-2147483648"), Value::I32(i32::MIN));
        // The unsigned upper half gives the same bits, as `i32.const` does.
        assert_eq!(ok(NumType::I32, "4294967295"), Value::I32(-1));
        assert_eq!(ok(NumType::I32, "0xFFFFFFFF"), Value::I32(-1));
        assert_eq!(
            ok(NumType::I64, "-9223372036854775808"),
            Value::I64(i64::MIN)
        );
        assert_eq!(ok(NumType::I64, "18446744073709551615"), Value::I64(-1));
        for (ty, text) in [
            (NumType::I32, "4294967296"),
            (NumType::I32, "-2147483649"),
            (NumType::I64, "18446744073709551616"),
            (
                NumType::I64,
                "999999999999999999999999999999999999999999999",
            ),
        ] {
            assert!(
                matches!(parse_arg(ty, text), Err(ArgError::OutOfRange { .. })),
                "{text}"
            );
        }
        for text in [
            "1.5", "abc", "0x", "-", "1e3", "nan", "_1", "1_", "0x1g", "--1",
        ] {
            assert!(
                matches!(
                    parse_arg(NumType::I32, text),
                    Err(ArgError::NotANumber { .. })
                ),
                "{text}"
            );
        }
        assert_eq!(parse_arg(NumType::I64, "  "), Err(ArgError::Empty));
    }

    #[test]
    fn floats_with_nan_and_infinities() {
        assert_eq!(ok(NumType::F64, "1.5"), Value::F64(1.5));
        assert_eq!(ok(NumType::F64, "-2e3"), Value::F64(-2000.0));
        assert_eq!(ok(NumType::F64, "0x10"), Value::F64(16.0));
        assert_eq!(ok(NumType::F64, "42"), Value::F64(42.0));
        assert_eq!(ok(NumType::F64, "inf"), Value::F64(f64::INFINITY));
        assert_eq!(ok(NumType::F64, "-Infinity"), Value::F64(f64::NEG_INFINITY));
        assert!(matches!(ok(NumType::F64, "nan"), Value::F64(x) if x.is_nan()));
        assert!(matches!(ok(NumType::F32, "NaN"), Value::F32(x) if x.is_nan()));
        assert_eq!(ok(NumType::F32, "0.1"), Value::F32(0.1));
        assert_eq!(ok(NumType::F32, "-0"), Value::F32(-0.0));
        for text in ["abc", "1.2.3", "0x", "1,5", "infinit"] {
            assert!(parse_arg(NumType::F64, text).is_err(), "{text}");
            assert!(parse_arg(NumType::F32, text).is_err(), "{text}");
        }
    }

    #[test]
    fn values_survive_the_wire_bit_for_bit() {
        let nan = f32::from_bits(0x7fc0_0001);
        for value in [
            Value::I32(-1),
            Value::I64(i64::MIN),
            Value::F32(nan),
            Value::F64(-0.0),
        ] {
            let json = serde_json::to_string(&value).unwrap();
            let back: Value = serde_json::from_str(&json).unwrap();
            assert_eq!(
                RawValue::from(back).bits,
                RawValue::from(value).bits,
                "{json}"
            );
        }
        assert_eq!(Value::F64(f64::NEG_INFINITY).to_string(), "-inf");
        assert_eq!(Value::F32(1.5).to_string(), "1.5");
        assert_eq!(Value::I64(-3).to_string(), "-3");
    }

    #[test]
    fn every_argument_is_read_and_the_first_bad_one_is_named() {
        let params = [NumType::I32, NumType::F64];
        assert_eq!(
            parse_args(&params, &["1", "2.5"]),
            Ok(vec![Value::I32(1), Value::F64(2.5)])
        );
        assert_eq!(
            parse_args(&params, &["1", "x"]),
            Err((
                1,
                ArgError::NotANumber {
                    ty: NumType::F64,
                    text: "x".into()
                }
            ))
        );
        assert_eq!(parse_args(&params, &["1"]), Err((1, ArgError::Empty)));
    }
}

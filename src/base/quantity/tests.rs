//! Parsing, conversion and display of the report's quantities.
use super::*;

fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn reads_the_reports_notations() {
    assert_eq!(
        q("<125ms"),
        Quantity {
            amount: Amount::AtMost(125.0),
            unit: Unit::Milliseconds
        }
    );
    assert_eq!(
        q("~150ms"),
        Quantity {
            amount: Amount::About(150.0),
            unit: Unit::Milliseconds
        }
    );
    assert_eq!(
        q("200+ TF"),
        Quantity {
            amount: Amount::AtLeast(200.0),
            unit: Unit::Teraflops
        }
    );
    assert_eq!(
        q("1-5s"),
        Quantity {
            amount: Amount::Range(1.0, 5.0),
            unit: Unit::Seconds
        }
    );
    assert_eq!(
        q("95%+"),
        Quantity {
            amount: Amount::AtLeast(95.0),
            unit: Unit::Percent
        }
    );
    assert_eq!(
        q("4-16倍"),
        Quantity {
            amount: Amount::Range(4.0, 16.0),
            unit: Unit::Factor
        }
    );
    assert_eq!(
        q("约150亿美元"),
        Quantity {
            amount: Amount::About(1.5e10),
            unit: Unit::Usd
        }
    );
    assert_eq!(
        q("~¥60k"),
        Quantity {
            amount: Amount::About(60_000.0),
            unit: Unit::Cny
        }
    );
    assert_eq!(
        q("¥100k+"),
        Quantity {
            amount: Amount::AtLeast(100_000.0),
            unit: Unit::Cny
        }
    );
    assert_eq!(
        q("4.8TB/s"),
        Quantity {
            amount: Amount::Exact(4.8),
            unit: Unit::TerabytesPerSecond
        }
    );
    assert_eq!(
        q("128 INT8 TOPS"),
        Quantity {
            amount: Amount::Exact(128.0),
            unit: Unit::Tops
        }
    );
    assert_eq!(
        q("-25%"),
        Quantity {
            amount: Amount::Exact(-25.0),
            unit: Unit::Percent
        }
    );
    assert_eq!(
        q("+40%"),
        Quantity {
            amount: Amount::Exact(40.0),
            unit: Unit::Percent
        }
    );
    assert_eq!(
        q("⭐⭐⭐⭐"),
        Quantity {
            amount: Amount::Exact(4.0),
            unit: Unit::Stars
        }
    );
    assert_eq!(
        q("200+"),
        Quantity {
            amount: Amount::AtLeast(200.0),
            unit: Unit::Count
        }
    );
    assert_eq!(
        q("70-100B"),
        Quantity {
            amount: Amount::Range(70.0, 100.0),
            unit: Unit::BillionParameters
        }
    );
    assert_eq!(
        q("60-70%"),
        Quantity {
            amount: Amount::Range(60.0, 70.0),
            unit: Unit::Percent
        }
    );
    assert_eq!(
        q("3-6倍"),
        Quantity {
            amount: Amount::Range(3.0, 6.0),
            unit: Unit::Factor
        }
    );
    assert_eq!(q("70B-100B"), q("70-100B"));
    assert_eq!(
        q("1/8"),
        Quantity {
            amount: Amount::Exact(0.125),
            unit: Unit::Fraction
        }
    );
    assert_eq!(
        q("7个实例"),
        Quantity {
            amount: Amount::Exact(7.0),
            unit: Unit::Count
        }
    );
    assert_eq!(
        q("~213 KB"),
        Quantity {
            amount: Amount::About(213.0),
            unit: Unit::Kilobytes
        }
    );
    // "TF32+" names a precision: the "+" is not a lower bound on 768.
    assert_eq!(
        q("768 TF TF32+"),
        Quantity {
            amount: Amount::Exact(768.0),
            unit: Unit::Teraflops
        }
    );
    assert_eq!(q("200+ TF").amount, Amount::AtLeast(200.0));
    let version = Quantity::parse_as("2025.1+", Unit::Version).unwrap();
    assert_eq!(
        version,
        Quantity {
            amount: Amount::AtLeast(2025.1),
            unit: Unit::Version
        }
    );
    assert_eq!(version.to_string(), "v2025.1+");
    assert_eq!(
        Quantity::parse_as("8个", Unit::Version).unwrap().unit,
        Unit::Count
    );
}

#[test]
fn rejects_malformed_values_with_a_clear_error() {
    assert_eq!(Quantity::parse("  "), Err(ParseError::Empty));
    assert_eq!(
        Quantity::parse("fast"),
        Err(ParseError::NoNumber("fast".into()))
    );
    assert_eq!(
        Quantity::parse("5-1s"),
        Err(ParseError::BadRange("5-1s".into()))
    );
    assert_eq!(
        Quantity::parse("5-s"),
        Err(ParseError::BadRange("5-s".into()))
    );
    assert!(matches!(
        Quantity::parse("12 parsecs"),
        Err(ParseError::UnknownUnit { .. })
    ));
    assert!(matches!(
        Quantity::parse("<5ms+"),
        Err(ParseError::MixedQualifiers(_))
    ));
    assert!(matches!(
        Quantity::parse("5ms tops"),
        Err(ParseError::UnknownUnit { .. })
    ));
    assert!(matches!(
        Quantity::parse("1/0"),
        Err(ParseError::NoNumber(_))
    ));
    assert!(matches!(
        Quantity::parse("70B-100ms"),
        Err(ParseError::UnknownUnit { .. })
    ));
    let message = Quantity::parse("12 parsecs").unwrap_err().to_string();
    assert!(message.contains("parsecs"), "{message}");
}

#[test]
fn converts_within_a_dimension_and_round_trips() {
    let docker = q("1-5s").convert(Unit::Milliseconds).unwrap();
    assert_eq!(docker.amount, Amount::Range(1000.0, 5000.0));
    assert_eq!(
        q("<125ms").convert(Unit::Seconds).unwrap().amount,
        Amount::AtMost(0.125)
    );
    assert_eq!(q("80GB").in_base_unit().amount, Amount::Exact(80_000.0));
    assert_eq!(q("3TB/s").in_base_unit().unit, Unit::MegabytesPerSecond);
    for text in [
        "<125ms", "10-30s", "~213KB", "4.8TB/s", "900GB/s", "~950MB/s",
    ] {
        let original = q(text);
        let back = original.in_base_unit().convert(original.unit).unwrap();
        let (a, b) = (
            original.amount.representative(),
            back.amount.representative(),
        );
        assert!(
            (a - b).abs() < 1e-9 * a.abs().max(1.0),
            "{text}: {a} vs {b}"
        );
        assert_eq!(original.amount.kind(), back.amount.kind());
    }
    assert_eq!(q("350W").convert(Unit::Seconds), None);
    assert_eq!(q("350 TF").convert(Unit::Tops), None);
}

#[test]
fn kinds_bounds_and_display() {
    assert_eq!(q("<10ms").amount.bounds(), (None, Some(10.0)));
    assert_eq!(q("200+ TF").amount.bounds(), (Some(200.0), None));
    assert_eq!(q("1-5s").amount.representative(), 3.0);
    assert_eq!(q("1-5s").amount.kind(), Kind::Range);
    assert_eq!(q("<125ms").to_string(), "≤125 ms");
    assert_eq!(q("~70ms").to_string(), "≈70 ms");
    assert_eq!(q("4-16倍").to_string(), "4–16×");
    assert_eq!(q("约150亿美元").to_string(), "≈15000000000 USD");
    assert_eq!(number(4.8), "4.8");
    assert_eq!(number(0.125), "0.125");
    assert_eq!(number(2025.1), "2025.1");
    assert_eq!(number(-25.0), "-25");
    assert_eq!(number(1.5e10), "15000000000");
    assert_eq!(number(0.0004), "0");
    assert_eq!(number(-0.0), "0");
    assert_eq!(number(27.3375), "27.338");
    assert_eq!(decimal(2_345_678.0 * 1e-6, 9), "2.345678");
    assert_eq!(decimal(1500.0 / 1e6, 9), "0.0015");
    assert_eq!(decimal(-0.000_000_4, 9), "-0.0000004");
    assert_eq!(decimal(1.5e10, 9), "15000000000");
    assert_eq!(decimal(f64::INFINITY, 9), "∞");
    // No digits past what an f64 holds.
    assert_eq!(decimal(5e9 + 0.1, 9), "5000000000.1");
    assert_eq!(decimal(1e10 / 3.0, 9), "3333333333.333334");
    assert_eq!(decimal(1e16 + 2.0, 3), "10000000000000002");
    // At three places it is `number`.
    for v in [0.0, 0.125, 4.8, 27.3375, -25.0, 1.5e10, 0.0004, 123456.789] {
        assert_eq!(decimal(v, 3), number(v));
    }
}

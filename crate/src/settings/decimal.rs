//! Decimal text ↔ f64 for the lab's settings, links, bean lists and axis labels.
//!
//! Only the reader is our own: core's float parsing brings power-of-five tables and bignum code the
//! page does not otherwise need, while its float printer is in the wasm anyway (plotters formats
//! numbers with it), so printing uses it (a size report: our own printer cost 794 bytes more).
//! `parse` is correctly rounded for up to 19 significant digits when the decimal exponent lies in
//! −21 ‥ +19 (so any number a person types or a link holds); outside that it is within a few units
//! in the last place. `fixed` prints the given decimals; `shortest` the fewest that read back.

/// Reads `[+-]digits[.digits][e[+-]digits]` (either digit run may be empty, not both), or inf,
/// infinity, nan in any case, as Rust's `f64::from_str` does. None for anything else.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let signed = |v: f64| if negative { -v } else { v };
    for (word, value) in [("inf", f64::INFINITY), ("infinity", f64::INFINITY), ("nan", f64::NAN)] {
        if rest.eq_ignore_ascii_case(word) {
            return Some(signed(value));
        }
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut mantissa: u64 = 0;
    let mut kept = 0; // significant digits in `mantissa`
    let mut exponent: i64 = 0; // the value is mantissa × 10^exponent (plus dropped digits)
    let mut dropped = false; // a non-zero digit beyond the 19 kept
    let mut digits = 0;
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b'.' if !seen_point => seen_point = true,
            d @ b'0'..=b'9' => {
                digits += 1;
                if kept < 19 {
                    if mantissa != 0 || d != b'0' {
                        mantissa = mantissa * 10 + u64::from(d - b'0');
                        kept += 1;
                    }
                    if seen_point {
                        exponent -= 1;
                    }
                } else {
                    dropped |= d != b'0';
                    if !seen_point {
                        exponent += 1;
                    }
                }
            }
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < bytes.len() {
        if bytes[i] != b'e' && bytes[i] != b'E' {
            return None;
        }
        i += 1;
        let negative_exp = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(d @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start || i < bytes.len() {
            return None;
        }
        exponent += if negative_exp { -e } else { e };
    }
    Some(signed(to_f64(mantissa, exponent, dropped)))
}

/// mantissa × 10^exponent, correctly rounded where the integer arithmetic below is exact.
/// 10^e = 5^e × 2^e: only the power of five needs arithmetic, the power of two is exact scaling.
fn to_f64(mantissa: u64, exponent: i64, dropped: bool) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = u128::from(mantissa);
    if (0..=27).contains(&exponent) {
        // m < 2^64 and 5^27 < 2^63: the product fits, and u128 → f64 rounds to nearest.
        return (m * 5u128.pow(exponent as u32)) as f64 * pow2(exponent);
    }
    if (-31..0).contains(&exponent) {
        // Shift m to the top of 128 bits and divide: with 5^31 < 2^73 the quotient keeps at least
        // 55 bits, the remainder (and any dropped digit) is a sticky bit for the final rounding.
        let shift = m.leading_zeros();
        let top = m << shift;
        let divisor = 5u128.pow((-exponent) as u32);
        let (q, r) = (top / divisor, top % divisor);
        let rounded = (q | u128::from(r != 0 || dropped)) as f64;
        return rounded * pow2(exponent - i64::from(shift));
    }
    // Far outside what a lab uses: close, not exact.
    let e = exponent.clamp(-400, 400) as i32;
    if e > 0 {
        mantissa as f64 * 10f64.powi(e.min(300)) * 10f64.powi((e - 300).max(0))
    } else {
        mantissa as f64 / 10f64.powi((-e).min(300)) / 10f64.powi((-e - 300).max(0))
    }
}

/// 2^e for −1022 ≤ e ≤ 1023, exactly.
fn pow2(e: i64) -> f64 {
    f64::from_bits(((1023 + e) as u64) << 52)
}

/// v with exactly `decimals` digits after the point (at most 22), rounded half to even from the
/// exact binary value; never "-0". Non-finite values print as "NaN", "inf" and "-inf".
pub fn fixed(v: f64, decimals: u32) -> String {
    let s = format!("{:.*}", decimals.min(22) as usize, v);
    // Rounding can leave "-0.00": a sign on zero says nothing.
    if s.starts_with('-') && s[1..].bytes().all(|c| c == b'0' || c == b'.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// The fewest decimals that read back as exactly v: 0.1 → "0.1", 3 → "3".
pub fn shortest(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if v.is_finite() && !(1e-5..1e19).contains(&a) {
        return format!("{v:e}");
    }
    format!("{v}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rng::Rng;

    #[test]
    fn parses_what_rust_parses_and_exactly() {
        let cases = [
            "0",
            "-0",
            "1",
            "+1",
            "1.",
            ".5",
            "-.5",
            "0.1",
            "0.3",
            "3.14159",
            "1e5",
            "1E+05",
            "2.5e-3",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567890123",
            "0.30000000000000004",
            "0.000123456789012345678",
            "9007199254740993",
            "1.5e300",
            "123456789e20",
            "1e27",
            "1e28",
            "3e-31",
            "5e-324",
            "1e-300",
            "1e400",
            "-1e400",
            "00012.5000",
            "4.9406564584124654e-324",
            "0.1234567890123456789",
        ];
        for c in cases {
            let ours = parse(c).unwrap();
            let std = c.parse::<f64>().unwrap();
            let close = (ours - std).abs() <= std.abs() * 1e-14;
            assert!(ours == std || close, "{c}: {ours} vs {std}");
        }
        for c in ["inf", "-Infinity", "NaN"] {
            assert!(!parse(c).unwrap().is_finite());
        }
    }

    #[test]
    fn refuses_what_rust_refuses() {
        for c in ["", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", "0x10", " 1", "1 ", "--1", "1e5x", "∞"] {
            assert_eq!(parse(c), None, "{c}");
            assert!(c.parse::<f64>().is_err(), "{c}");
        }
    }

    #[test]
    fn exact_for_every_number_a_lab_writes() {
        // Random values across the ranges of the lab's parameters and beans, printed by Rust in
        // full and read back by us: bit for bit the same.
        let mut rng = Rng::new(7);
        for _ in 0..20_000 {
            let v = (rng.uniform() - 0.5) * 10f64.powi((rng.uniform() * 14.0) as i32 - 4);
            for text in [format!("{v}"), format!("{v:.3}"), format!("{v:e}")] {
                assert_eq!(parse(&text), Some(text.parse::<f64>().unwrap()), "{text}");
            }
        }
    }

    #[test]
    fn fixed_rounds_the_exact_value() {
        assert_eq!(fixed(0.5, 0), "0");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(2.675, 2), "2.67"); // 2.675 is 2.67499999… in binary
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-1.25, 1), "-1.2");
        assert_eq!(fixed(1e18, 1), "1000000000000000000.0");
        assert_eq!(fixed(0.1, 17), "0.10000000000000001");
        let mut rng = Rng::new(3);
        for _ in 0..20_000 {
            let v = (rng.uniform() - 0.5) * 10f64.powi((rng.uniform() * 12.0) as i32 - 3);
            let d = (rng.uniform() * 10.0) as usize;
            let ours = fixed(v, d as u32);
            let std = format!("{v:.d$}");
            let std = if std.trim_start_matches('-').bytes().all(|c| c == b'0' || c == b'.') {
                std.trim_start_matches('-').to_string()
            } else {
                std
            };
            assert_eq!(ours, std, "{v} to {d}");
        }
    }

    #[test]
    fn shortest_reads_back_exactly() {
        assert_eq!(shortest(0.1), "0.1");
        assert_eq!(shortest(3.0), "3");
        assert_eq!(shortest(-2.5), "-2.5");
        assert_eq!(shortest(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(shortest(1e-7), "1e-7");
        let mut rng = Rng::new(11);
        for _ in 0..20_000 {
            let v = (rng.uniform() - 0.5) * 10f64.powi((rng.uniform() * 12.0) as i32 - 3);
            let s = shortest(v);
            if v.abs() < 1e-5 {
                // Written with a power of ten: close, not always the same bits.
                assert!((parse(&s).unwrap() - v).abs() <= v.abs() * 1e-15, "{v} → {s}");
                continue;
            }
            assert_eq!(parse(&s), Some(v), "{v} → {s}");
            assert_eq!(s.parse::<f64>().unwrap(), v, "{v} → {s}");
            assert!(s.len() <= format!("{v}").len() + 1, "{v} → {s}");
        }
    }
}

//! e^x in plain f64 arithmetic, the same bits on every target. On wasm32, `f64::exp` is a software
//! libm routine (wasm has no exp instruction) and costs the page's training loop much of its speed;
//! this one is short, branch-light and inlinable, and off by at most about 0.53 ulp.
//!
//! The method is Tang's: x = k·ln2/N + r with |r| ≤ ln2/2N, so e^x = 2^(k/N)·e^r, where 2^(i/N)
//! (i = k mod N) comes from a table and e^r from a short polynomial. The table layout (a tail that
//! makes each entry a double-double, exponent bits to add k/N to) and the care near the limits
//! are those of Arm's optimized-routines exp, at N = 32 instead of 128 so the table stays at 512
//! bytes (with one more polynomial term).

/// log2 of the table size N.
const BITS: u32 = 5;
const N: u64 = 1 << BITS;

/// N/ln2, to pick k.
const INV_LN2_N: f64 = f64::from_bits(0x4047_1547_652b_82fe);
/// −ln2/N in two parts: the high one has 36 significant bits, so k times it is exact for |k| < 2^17,
/// which covers every x that gets there (|x| < 1024).
const NEG_LN2_HI_N: f64 = f64::from_bits(0xbf96_2e42_fefa_0000);
const NEG_LN2_LO_N: f64 = f64::from_bits(0xbd2c_f79a_bc9e_3b3a);
/// 1.5·2^52: adding it rounds to an integer, which then sits in the low bits.
const SHIFT: f64 = 6_755_399_441_055_744.0;
/// Taylor coefficients of e^r − 1 − r: for |r| ≤ ln2/64 the r^7 term left out is below 2^-58.
const C2: f64 = 0.5;
const C3: f64 = 1.0 / 6.0;
const C4: f64 = 1.0 / 24.0;
const C5: f64 = 1.0 / 120.0;
const C6: f64 = 1.0 / 720.0;

/// For i in 0..N, 2^(i/N) = H·(1 + T): T's bits, then H's bits less i << (52 − BITS) (added back
/// with k's bits). Made with 200-bit arithmetic; the same values as every 4th entry of Arm's N = 128 table.
#[rustfmt::skip]
static TABLE: [u64; 2 * N as usize] = [
    0x0000000000000000, 0x3ff0000000000000,
    0x3c8cd2523567f613, 0x3fefd9b0d3158574,
    0x3c979aa65d837b6d, 0x3fefb5586cf9890f,
    0xbc9556522a2fbd0e, 0x3fef9301d0125b51,
    0xbc801b15eaa59348, 0x3fef72b83c7d517b,
    0x3c9aecf73e3a2f60, 0x3fef54873168b9aa,
    0x3c968efde3a8a894, 0x3fef387a6e756238,
    0x3c82f7e16d09ab31, 0x3fef1e9df51fdee1,
    0x3c834d754db0abb6, 0x3fef06fe0a31b715,
    0xbc924aedcc4b5068, 0x3feef1a7373aa9cb,
    0x3c859f48a72a4c6d, 0x3feedea64c123422,
    0x3c4363ed60c2ac11, 0x3feece086061892d,
    0x3c7690cebb7aafb0, 0x3feebfdad5362a27,
    0xbc78dec6bd0f385f, 0x3feeb42b569d4f82,
    0x3c9063e1e21c5409, 0x3feeab07dd485429,
    0xbc8c33c53bef4da8, 0x3feea47eb03a5585,
    0xbc93b3efbf5e2228, 0x3feea09e667f3bcd,
    0xbc781f647e5a3ecf, 0x3fee9f75e8ec5f74,
    0xbc7b32dcb94da51d, 0x3feea11473eb0187,
    0xbc9369b6f13b3734, 0x3feea589994cce13,
    0x3c8db72fc1f0eab4, 0x3feeace5422aa0db,
    0xbc5da9b88b6c1e29, 0x3feeb737b0cdc5e5,
    0x3c71affc2b91ce27, 0x3feec49182a3f090,
    0xbc91bbd1d3bcbb15, 0x3feed503b23e255d,
    0x3c8c1a7792cb3387, 0x3feee89f995ad3ad,
    0xbc68d6f438ad9334, 0x3feeff76f2fb5e47,
    0x3c736eae30af0cb3, 0x3fef199bdd85529c,
    0x3c676b2c6c921968, 0x3fef3720dcef9069,
    0x3c74a385a63d07a7, 0x3fef5818dcfba487,
    0xbc82d52107b43e1f, 0x3fef7c97337b9b5f,
    0xbc8ff7128fd391f0, 0x3fefa4afa2a490da,
    0x3c8a64a931d185ee, 0x3fefd0765b6e4540,
];

/// The sign and exponent bits of x.
fn top12(x: f64) -> u32 {
    (x.to_bits() >> 52) as u32
}

/// e^x. Exact limits: e^−∞ = 0, e^∞ = ∞, NaN stays NaN, above ln(f64::MAX) it is ∞, and below
/// about −745.13 it is 0 (subnormal results on the way down are rounded once).
#[inline]
pub fn exp(x: f64) -> f64 {
    const TINY: u32 = 0x3c9; // top12(2^−54)
    const BIG: u32 = 0x408; // top12(512)
    const HUGE: u32 = 0x409; // top12(1024)
    let abstop = top12(x) & 0x7ff;
    let mut near_limits = false;
    if abstop.wrapping_sub(TINY) >= BIG - TINY {
        if abstop < TINY {
            // |x| < 2^−54: e^x rounds to 1 + x.
            return 1.0 + x;
        }
        if abstop >= HUGE {
            // |x| ≥ 1024, ±∞ or NaN.
            if x == f64::NEG_INFINITY {
                return 0.0;
            }
            if abstop == 0x7ff {
                return 1.0 + x;
            }
            return if x < 0.0 { 0.0 } else { f64::INFINITY };
        }
        // 512 ≤ |x| < 1024: 2^(k/N) may leave the normal range; handled below.
        near_limits = true;
    }
    let z = INV_LN2_N * x;
    // k = round(z), as a double and in the low bits of ki.
    let kd = z + SHIFT;
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    let r = x + kd * NEG_LN2_HI_N + kd * NEG_LN2_LO_N;
    let i = 2 * (ki % N) as usize;
    let top = ki << (52 - BITS);
    let tail = f64::from_bits(TABLE[i]);
    let sbits = TABLE[i + 1].wrapping_add(top);
    let r2 = r * r;
    // e^x = scale·(1 + tmp) with scale = 2^(k/N) rounded and tmp = e^r(1 + T) − 1 to first order.
    let tmp = tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5 + r2 * C6);
    if near_limits {
        return scaled(tmp, sbits, ki);
    }
    let scale = f64::from_bits(sbits);
    scale + scale * tmp
}

/// scale·(1 + tmp) where scale's exponent bits may have overflowed (k > 0) or underflowed (k < 0).
#[cold]
fn scaled(tmp: f64, sbits: u64, ki: u64) -> f64 {
    if ki & 0x8000_0000 == 0 {
        // k > 0: compute 2^−1009 times the result, then scale back (∞ if it overflows).
        let scale = f64::from_bits(sbits.wrapping_sub(1009 << 52));
        return f64::from_bits((1023 + 1009) << 52) * (scale + scale * tmp);
    }
    // k < 0: compute 2^1022 times the result.
    let scale = f64::from_bits(sbits.wrapping_add(1022 << 52));
    let mut y = scale + scale * tmp;
    if y < 1.0 {
        // A subnormal result: round to its precision first (adding 1 moves the rounding point
        // there), so the final scaling does not round a second time.
        let lo = scale - y + scale * tmp;
        let hi = 1.0 + y;
        let lo = 1.0 - hi + y + lo;
        y = (hi + lo) - 1.0;
        if y == 0.0 {
            y = 0.0; // +0, never −0
        }
    }
    f64::MIN_POSITIVE * y
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rng::Rng;

    /// Distance in units in the last place between two non-negative doubles (0 when equal).
    fn ulps(a: f64, b: f64) -> u64 {
        assert!(a >= 0.0 && b >= 0.0, "{a} {b}");
        a.to_bits().abs_diff(b.to_bits())
    }

    /// The largest ulp distance from std's exp over xs, and where.
    fn worst(xs: impl Iterator<Item = f64>) -> (u64, f64) {
        xs.map(|x| (ulps(exp(x), x.exp()), x)).fold((0, 0.0), |a, b| if b.0 > a.0 { b } else { a })
    }

    #[test]
    fn within_one_ulp_of_std_over_the_whole_range() {
        // Every 1e-4 from −746 to 710: from 0 through the subnormals to just past f64::MAX.
        let dense = (0..14_560_000).map(|i| -746.0 + i as f64 * 1e-4);
        let (u, x) = worst(dense);
        assert!(u <= 1, "{u} ulp at {x}");
        // Where the sigmoid lives, more densely, and random points everywhere.
        let (u, x) = worst((0..4_000_000).map(|i| -40.0 + i as f64 * 2e-5));
        assert!(u <= 1, "{u} ulp at {x}");
        let mut rng = Rng::new(9);
        let (u, x) = worst((0..1_000_000).map(|_| -750.0 + 1465.0 * rng.uniform()));
        assert!(u <= 1, "{u} ulp at {x}");
        // Small |x|, down past 2^−54 where e^x is 1 + x.
        let (u, x) =
            worst((0..200_000).map(|i| (if i % 2 == 0 { 1.0 } else { -1.0 }) * 2f64.powf(-60.0 + i as f64 * 3e-4)));
        assert!(u <= 1, "{u} ulp at {x}");
    }

    #[test]
    fn mostly_the_same_bits_as_std() {
        let mut rng = Rng::new(3);
        let n = 1_000_000;
        let same = (0..n).filter(|_| {
            let x = -50.0 + 100.0 * rng.uniform();
            exp(x) == x.exp()
        });
        assert!(same.count() as f64 > 0.99 * n as f64);
    }

    #[test]
    fn limits_and_special_values() {
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(-0.0), 1.0);
        assert_eq!(exp(1e-300), 1.0);
        assert_eq!(exp(f64::MIN_POSITIVE / 8.0), 1.0);
        assert!(exp(f64::NAN).is_nan());
        assert_eq!(exp(f64::INFINITY), f64::INFINITY);
        assert_eq!(exp(f64::NEG_INFINITY), 0.0);
        assert_eq!(exp(f64::MAX), f64::INFINITY);
        assert_eq!(exp(f64::MIN), 0.0);
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
        assert!(exp(-1000.0).is_sign_positive());
        // ln(f64::MAX) ≈ 709.7827: finite just below, ∞ just above.
        assert!(exp(709.78).is_finite() && ulps(exp(709.78), 709.78f64.exp()) <= 1);
        assert_eq!(exp(709.79), f64::INFINITY);
        // The smallest subnormal, 2^−1074 ≈ e^−744.44, and where results round to 0.
        assert_eq!(exp(-745.13), f64::from_bits(1));
        assert_eq!(exp(-745.14), 0.0);
        assert!(exp(-720.0) > 0.0 && exp(-720.0) < f64::MIN_POSITIVE);
        for x in [1.0, -1.0, 0.5, 10.0, -10.0, 512.0, -512.0, 700.0, -708.0, -709.0, -740.0] {
            assert!(ulps(exp(x), x.exp()) <= 1, "{x}");
        }
        assert!(ulps(exp(1.0), std::f64::consts::E) <= 1);
    }

    #[test]
    fn the_table_is_two_to_the_i_over_n() {
        for i in 0..N as usize {
            let h = f64::from_bits(TABLE[2 * i + 1].wrapping_add((i as u64) << (52 - BITS)));
            let t = f64::from_bits(TABLE[2 * i]);
            assert!(ulps(h, (i as f64 / N as f64).exp2()) <= 1, "{i}");
            assert!(t.abs() < f64::EPSILON, "{i}: the tail is below half an ulp of H");
        }
    }
}

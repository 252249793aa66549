//! Beans as `x:y` pairs separated by commas (`0.05:0,0.1:0,0.2:1`): the form a link's `data` key
//! and the CLI's `--data-pairs` carry. Reading never fails as a whole: each bad pair is named and
//! dropped, the valid rest is kept.

use crate::model::beans::{Beans, MAX_BEANS, MIN_BEANS};
use crate::settings::decimal;
use std::fmt;

/// Sizes a pair may have: the span the charts show around the course's [0, 1).
pub const X_MIN: f64 = -1.0;
pub const X_MAX: f64 = 2.0;
/// Sizes are written (and read) with at most this many decimals, so links stay short.
pub const DECIMALS: u32 = 4;

#[derive(Clone, Debug, PartialEq)]
pub enum Dropped {
    /// Not `x:y` with two numbers (the text, shortened).
    Malformed(String),
    /// x outside [X_MIN, X_MAX] or not finite.
    SizeOutside(String),
    /// y other than 0 or 1.
    NotZeroOrOne(String),
    /// Pairs past the most beans a lab holds: how many.
    TooMany(usize),
    /// Fewer than two valid pairs: no beans at all.
    TooFew(usize),
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dropped::Malformed(p) => write!(f, "\"{p}\" is not x:y"),
            Dropped::SizeOutside(p) => write!(f, "\"{p}\": size x must be between {X_MIN} and {X_MAX}"),
            Dropped::NotZeroOrOne(p) => write!(f, "\"{p}\": toxic y must be 0 or 1"),
            Dropped::TooMany(n) => write!(f, "{n} beans past the first {MAX_BEANS}"),
            Dropped::TooFew(n) => write!(f, "{n} valid beans, at least {MIN_BEANS} are needed"),
        }
    }
}

/// What a pair list held: the valid pairs in the order given, and what was dropped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub pairs: Vec<(f64, f64)>,
    pub dropped: Vec<Dropped>,
}

impl Read {
    /// The beans, when at least two pairs were valid.
    pub fn beans(&self) -> Option<Beans> {
        (self.pairs.len() >= MIN_BEANS).then(|| Beans::from_pairs(self.pairs.clone()))
    }

    /// The dropped pairs in one line ("" when none): at most a few named, then a count.
    pub fn summary(&self) -> String {
        const NAMED: usize = 3;
        let mut parts: Vec<String> = self.dropped.iter().take(NAMED).map(Dropped::to_string).collect();
        if self.dropped.len() > NAMED {
            parts.push(format!("{} more", self.dropped.len() - NAMED));
        }
        parts.join("; ")
    }
}

/// Reads `x:y,x:y,…`. Empty items (`0.1:0,,0.2:1`) and spaces are skipped; x is rounded to
/// `DECIMALS` decimals.
pub fn read(text: &str) -> Read {
    let mut out = Read::default();
    let mut extra = 0;
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let shown: String = item.chars().take(20).collect();
        let Some((xs, ys)) = item.split_once(':') else {
            out.dropped.push(Dropped::Malformed(shown));
            continue;
        };
        let (x, y) = match (decimal::parse(xs.trim()), decimal::parse(ys.trim())) {
            (Some(x), Some(y)) => (x, y),
            _ => {
                out.dropped.push(Dropped::Malformed(shown));
                continue;
            }
        };
        if !(X_MIN..=X_MAX).contains(&x) {
            out.dropped.push(Dropped::SizeOutside(shown));
        } else if y != 0.0 && y != 1.0 {
            out.dropped.push(Dropped::NotZeroOrOne(shown));
        } else if out.pairs.len() >= MAX_BEANS {
            extra += 1;
        } else {
            out.pairs.push((round(x), y));
        }
    }
    if extra > 0 {
        out.dropped.push(Dropped::TooMany(extra));
    }
    if !out.pairs.is_empty() && out.pairs.len() < MIN_BEANS {
        out.dropped.push(Dropped::TooFew(out.pairs.len()));
    }
    out
}

/// The beans as pairs, sizes rounded to `DECIMALS` decimals: `read(&write(b))` gives them back.
pub fn write(beans: &Beans) -> String {
    beans.iter().map(|(x, y)| format!("{}:{}", decimal::shortest(round(x)), y as u8)).collect::<Vec<_>>().join(",")
}

/// The same beans with sizes a link can hold: the page trains on exactly what it shares.
pub fn linkable(beans: &Beans) -> Beans {
    Beans::from_pairs(beans.iter().map(|(x, y)| (round(x), y)).collect())
}

/// x rounded to `DECIMALS` decimals (what a link can hold).
pub fn round(x: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS as i32);
    // + 0.0 turns −0 into 0, so it is never written as "-0".
    let r = (x * scale).round() / scale + 0.0;
    decimal::parse(&decimal::fixed(r, DECIMALS)).unwrap_or(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes() {
        let r = read("0.05:0,0.1:0,0.2:1,0.9:1");
        assert_eq!(r.dropped, vec![]);
        assert_eq!(r.pairs, vec![(0.05, 0.0), (0.1, 0.0), (0.2, 1.0), (0.9, 1.0)]);
        let beans = r.beans().unwrap();
        assert_eq!(write(&beans), "0.05:0,0.1:0,0.2:1,0.9:1");
        let course = Beans::course(1, 100);
        let back = read(&write(&course)).beans().unwrap();
        assert_eq!(back.len(), 100);
        for (a, b) in course.xs().iter().zip(back.xs()) {
            assert!((a - b).abs() <= 0.5e-4, "{a} {b}");
        }
        assert_eq!(course.ys(), back.ys());
        assert_eq!(read(&write(&back)).beans().unwrap(), back, "rounded sizes are stable");
    }

    #[test]
    fn bad_pairs_are_named_and_the_rest_kept() {
        let r = read(" 0.1:0 , ,<b>:1,0.3,NaN:1,1e400:0,5:1,0.4:2,0.5:1 ,");
        assert_eq!(r.pairs, vec![(0.1, 0.0), (0.5, 1.0)]);
        assert_eq!(r.dropped.len(), 6, "{:?}", r.dropped);
        assert!(matches!(r.dropped[0], Dropped::Malformed(ref s) if s == "<b>:1"));
        assert!(matches!(r.dropped[3], Dropped::SizeOutside(_)), "1e400 is outside: {:?}", r.dropped[3]);
        assert!(matches!(r.dropped[5], Dropped::NotZeroOrOne(_)));
        assert!(r.summary().contains("<b>:1") && r.summary().ends_with("3 more"), "{}", r.summary());
        assert_eq!(read("").pairs, vec![]);
        assert_eq!(read("0.1:1").dropped, vec![Dropped::TooFew(1)]);
        assert_eq!(read("0.1:1").beans(), None);
    }

    #[test]
    fn too_many_beans_keep_the_first_thousand() {
        let text = (0..5000).map(|i| format!("{}:{}", i as f64 / 5000.0, i % 2)).collect::<Vec<_>>().join(",");
        let r = read(&text);
        assert_eq!(r.pairs.len(), MAX_BEANS);
        assert_eq!(r.dropped, vec![Dropped::TooMany(4000)]);
    }

    #[test]
    fn linkable_beans_survive_a_link() {
        let own = linkable(&Beans::course(7, 30).with(0.123456, 1.0).unwrap());
        assert_eq!(read(&write(&own)).beans().unwrap(), own);
    }

    #[test]
    fn sizes_keep_four_decimals() {
        assert_eq!(read("0.123456:0,0.5:1").pairs[0].0, 0.1235);
        assert_eq!(round(-0.00004), 0.0);
        assert_eq!(round(1.99995), 2.0);
    }
}

//! The beans: sizes x in [0, 1) and whether each is toxic (y = 1) or not (y = 0).

use crate::model::rng::Rng;
use crate::settings::decimal;
use std::fmt;

/// Where the course's toxic border lies: 0.7x + 0.5 = 0.8 at x = 3/7.
pub const COURSE_BORDER: f64 = 3.0 / 7.0;

/// The lesson-06 beans' two borders: 0.7x + 0.5 = 0.8 at x = 3/7 and = 1.4 at x = 9/7.
pub const MIDDLE_BORDERS: (f64, f64) = (3.0 / 7.0, 9.0 / 7.0);

#[derive(Clone, Debug, PartialEq)]
pub struct Beans {
    xs: Vec<f64>,
    ys: Vec<f64>,
}

impl Beans {
    /// The course's lesson-05 rule: n sizes uniform in [0, 1), sorted; a bean is toxic when
    /// 0.7x + (0.5 − u)/50 + 0.5 > 0.8 with u uniform in [0, 1), which blurs the border at 3/7 by ±0.014.
    pub fn course(seed: u64, n: usize) -> Beans {
        Beans::drawn(seed, n, 1.0, |t| t > 0.8)
    }

    /// The course's lesson-06 rule, toxic in the middle: n sizes uniform in [0, 2), sorted; a bean is
    /// toxic when 0.8 < 0.7x + (0.5 − u)/50 + 0.5 < 1.4, so between about 3/7 and 9/7. No single
    /// neuron can draw two borders: this is what the hidden layer is for.
    pub fn middle(seed: u64, n: usize) -> Beans {
        Beans::drawn(seed, n, 2.0, |t| 0.8 < t && t < 1.4)
    }

    /// Both lessons' beans: first all n sizes (uniform in [0, width)), sorted, then one u per bean in
    /// that order; `toxic` judges t = 0.7x + (0.5 − u)/50 + 0.5.
    fn drawn(seed: u64, n: usize, width: f64, toxic: impl Fn(f64) -> bool) -> Beans {
        let mut rng = Rng::new(seed);
        let mut xs: Vec<f64> = (0..n).map(|_| width * rng.uniform()).collect();
        sort_by_size(&mut xs, |x| *x);
        let ys = xs
            .iter()
            .map(|&x| {
                let u = rng.uniform();
                if toxic(0.7 * x + (0.5 - u) / 50.0 + 0.5) {
                    1.0
                } else {
                    0.0
                }
            })
            .collect();
        Beans { xs, ys }
    }

    /// Beans given as pairs; sorted by size like the course's.
    pub fn from_pairs(mut pairs: Vec<(f64, f64)>) -> Beans {
        sort_by_size(&mut pairs, |p| p.0);
        Beans { xs: pairs.iter().map(|p| p.0).collect(), ys: pairs.iter().map(|p| p.1).collect() }
    }

    /// Reads "x,y" rows: an optional header, y is 0 or 1, x a finite number. Blank lines and lines
    /// starting with # are skipped. The first bad line is reported by number.
    pub fn from_csv(text: &str) -> Result<Beans, CsvError> {
        let mut pairs = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let number = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split([',', ';', '\t']).map(str::trim).collect();
            let parsed = (fields.len() == 2).then(|| (decimal::parse(fields[0]), decimal::parse(fields[1])));
            match parsed {
                Some((Some(x), Some(y))) => {
                    if !x.is_finite() {
                        return Err(CsvError { line: number, reason: CsvReason::BadSize(fields[0].into()) });
                    }
                    if y != 0.0 && y != 1.0 {
                        return Err(CsvError { line: number, reason: CsvReason::BadLabel(fields[1].into()) });
                    }
                    pairs.push((x, y));
                }
                // A header is only allowed as the first non-blank line.
                Some(_) if pairs.is_empty() && !line_has_number(&fields) => {}
                Some((None, _)) => return Err(CsvError { line: number, reason: CsvReason::BadSize(fields[0].into()) }),
                Some((_, None)) => {
                    return Err(CsvError { line: number, reason: CsvReason::BadLabel(fields[1].into()) })
                }
                None => return Err(CsvError { line: number, reason: CsvReason::Columns(fields.len()) }),
            }
            if pairs.len() > MAX_BEANS {
                return Err(CsvError { line: number, reason: CsvReason::TooMany });
            }
        }
        if pairs.len() < 2 {
            return Err(CsvError { line: 0, reason: CsvReason::TooFew(pairs.len()) });
        }
        Ok(Beans::from_pairs(pairs))
    }

    /// These beans and one more (kept sorted); none if that would pass the maximum or x is not finite.
    pub fn with(&self, x: f64, y: f64) -> Option<Beans> {
        if !x.is_finite() || self.len() >= MAX_BEANS {
            return None;
        }
        let mut pairs: Vec<(f64, f64)> = self.iter().collect();
        pairs.push((x, if y >= 0.5 { 1.0 } else { 0.0 }));
        Some(Beans::from_pairs(pairs))
    }

    /// These beans without bean i; none if fewer than the minimum would be left.
    pub fn without(&self, i: usize) -> Option<Beans> {
        if i >= self.len() || self.len() <= MIN_BEANS {
            return None;
        }
        let pairs = self.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, p)| p).collect();
        Some(Beans::from_pairs(pairs))
    }

    /// "x,y" rows with a header, readable by `from_csv`.
    pub fn to_csv(&self) -> String {
        let mut s = String::from("x,y\n");
        for (x, y) in self.iter() {
            s += &decimal::shortest(x);
            s.push(',');
            s += &decimal::shortest(y);
            s.push('\n');
        }
        s
    }

    pub fn len(&self) -> usize {
        self.xs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }

    pub fn xs(&self) -> &[f64] {
        &self.xs
    }

    pub fn ys(&self) -> &[f64] {
        &self.ys
    }

    pub fn iter(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.xs.iter().copied().zip(self.ys.iter().copied())
    }

    /// The smallest and largest size, widened to include [0, 1] (the course's sizes).
    pub fn x_span(&self) -> (f64, f64) {
        let lo = self.xs.first().copied().unwrap_or(0.0).min(0.0);
        let hi = self.xs.last().copied().unwrap_or(1.0).max(1.0);
        (lo, hi)
    }
}

/// Sorts by size, keeping the order of equal sizes (insertion sort: at most MAX_BEANS items, and one
/// small function instead of the standard library's sorts keeps the page's wasm smaller).
fn sort_by_size<T: Copy>(items: &mut [T], size: impl Fn(&T) -> f64) {
    for i in 1..items.len() {
        let item = items[i];
        let mut j = i;
        while j > 0 && size(&items[j - 1]).total_cmp(&size(&item)).is_gt() {
            items[j] = items[j - 1];
            j -= 1;
        }
        items[j] = item;
    }
}

pub const MIN_BEANS: usize = 2;
pub const MAX_BEANS: usize = 1000;

fn line_has_number(fields: &[&str]) -> bool {
    fields.iter().any(|f| decimal::parse(f).is_some())
}

#[derive(Clone, Debug, PartialEq)]
pub struct CsvError {
    /// 1-based line number; 0 when the problem is the file as a whole.
    pub line: usize,
    pub reason: CsvReason,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CsvReason {
    Columns(usize),
    BadSize(String),
    BadLabel(String),
    TooFew(usize),
    TooMany,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            CsvReason::Columns(n) => write!(f, "line {}: expected 2 columns \"x,y\", found {}", self.line, n),
            CsvReason::BadSize(s) => write!(f, "line {}: size x \"{}\" is not a finite number", self.line, s),
            CsvReason::BadLabel(s) => write!(f, "line {}: toxic y \"{}\" must be 0 or 1", self.line, s),
            CsvReason::TooFew(n) => write!(f, "need at least {} beans, found {}", MIN_BEANS, n),
            CsvReason::TooMany => write!(f, "line {}: more than {} beans", self.line, MAX_BEANS),
        }
    }
}

impl std::error::Error for CsvError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn course_beans_are_sorted_in_unit_interval() {
        let b = Beans::course(3, 100);
        assert_eq!(b.len(), 100);
        assert!(b.xs().windows(2).all(|w| w[0] <= w[1]));
        assert!(b.xs().iter().all(|&x| (0.0..1.0).contains(&x)));
        assert!(b.ys().iter().all(|&y| y == 0.0 || y == 1.0));
    }

    #[test]
    fn toxic_border_sits_near_three_sevenths() {
        // Far from the border the label is certain; inside ±1/70 it may go either way.
        for seed in 0..20 {
            let b = Beans::course(seed, 1000);
            for (x, y) in b.iter() {
                if x < COURSE_BORDER - 1.0 / 70.0 {
                    assert_eq!(y, 0.0, "x={x} seed={seed}");
                }
                if x > COURSE_BORDER + 1.0 / 70.0 {
                    assert_eq!(y, 1.0, "x={x} seed={seed}");
                }
            }
        }
        let b = Beans::course(1, 1000);
        let toxic = b.ys().iter().sum::<f64>() / 1000.0;
        assert!((toxic - (1.0 - COURSE_BORDER)).abs() < 0.05, "share toxic {toxic}");
    }

    #[test]
    fn same_seed_same_beans_and_pinned_values() {
        assert_eq!(Beans::course(9, 50), Beans::course(9, 50));
        assert_ne!(Beans::course(9, 50), Beans::course(10, 50));
        // These exact bits are also checked in the browser, so native and wasm agree.
        let b = Beans::course(1, 5);
        let bits: Vec<u64> = b.xs().iter().map(|x| x.to_bits()).collect();
        assert_eq!(bits, PINNED_SEED1_N5, "{:?}", b.xs());
    }

    #[test]
    fn middle_beans_are_toxic_between_two_borders() {
        let (lo, hi) = MIDDLE_BORDERS;
        let blur = 1.0 / 70.0;
        for seed in 0..20 {
            let b = Beans::middle(seed, 1000);
            assert_eq!(b.len(), 1000);
            assert!(b.xs().windows(2).all(|w| w[0] <= w[1]));
            assert!(b.xs().iter().all(|&x| (0.0..2.0).contains(&x)));
            for (x, y) in b.iter() {
                if (lo + blur..hi - blur).contains(&x) {
                    assert_eq!(y, 1.0, "x={x} seed={seed}");
                }
                if x < lo - blur || x > hi + blur {
                    assert_eq!(y, 0.0, "x={x} seed={seed}");
                }
            }
        }
        let b = Beans::middle(1, 1000);
        let toxic = b.ys().iter().sum::<f64>() / 1000.0;
        assert!((toxic - (hi - lo) / 2.0).abs() < 0.05, "share toxic {toxic}");
        assert_eq!(Beans::middle(9, 50), Beans::middle(9, 50));
        // The same draws as the lesson-05 beans, twice as wide: only the labels' rule differs.
        let (wide, narrow) = (Beans::middle(4, 30), Beans::course(4, 30));
        assert!(wide.xs().iter().zip(narrow.xs()).all(|(w, n)| *w == 2.0 * n));
    }

    pub const PINNED_SEED1_N5: [u64; 5] =
        [4601674781282287724, 4601676483935310002, 4603278352542933067, 4604892624433492445, 4606921234823734858];

    #[test]
    fn adding_and_removing_keep_order_and_limits() {
        let b = Beans::from_pairs(vec![(0.2, 0.0), (0.8, 1.0)]);
        let more = b.with(0.5, 0.9).unwrap();
        assert_eq!(more.xs(), &[0.2, 0.5, 0.8]);
        assert_eq!(more.ys(), &[0.0, 1.0, 1.0]);
        assert_eq!(more.without(1).unwrap(), b);
        assert!(b.without(0).is_none(), "at least two beans stay");
        assert!(b.with(f64::NAN, 1.0).is_none());
        assert!(Beans::course(1, MAX_BEANS).with(0.5, 1.0).is_none());
        assert_eq!(Beans::from_csv(&more.to_csv()).unwrap(), more);
    }

    #[test]
    fn csv_reads_rows_with_or_without_header() {
        let b = Beans::from_csv("x,y\n0.1,0\n0.9, 1\n\n# note\n0.5;1\n").unwrap();
        assert_eq!(b.xs(), &[0.1, 0.5, 0.9]);
        assert_eq!(b.ys(), &[0.0, 1.0, 1.0]);
        let b = Beans::from_csv("0.2,1\n0.1,0").unwrap();
        assert_eq!(b.xs(), &[0.1, 0.2]);
    }

    #[test]
    fn csv_errors_name_the_line() {
        let e = Beans::from_csv("x,y\n0.1,0\n0.2,2\n").unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().contains("line 3"), "{e}");
        assert_eq!(Beans::from_csv("0.1,0\nabc,1\n").unwrap_err().line, 2);
        assert_eq!(Beans::from_csv("0.1,0\n0.2\n").unwrap_err().line, 2);
        assert_eq!(Beans::from_csv("0.1,0\ninf,1\n").unwrap_err().line, 2);
        assert_eq!(Beans::from_csv("x,y\n0.1,0\n").unwrap_err().reason, CsvReason::TooFew(1));
        assert_eq!(Beans::from_csv("").unwrap_err().reason, CsvReason::TooFew(0));
    }
}

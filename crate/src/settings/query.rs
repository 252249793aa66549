//! The page's state as a query string (`?w=5&b=-5&lang=en`): every setting a link can carry, read
//! and written here so that the page, embeds and tests agree. Numbers go through the parameter
//! table; anything invalid is dropped or clamped and reported by key, so a page always starts.

use crate::model::pairs;
use crate::settings::decimal;
use crate::settings::params::{Checked, Param};
use std::fmt;

/// Keys besides the parameter table's, with the values each accepts.
pub const CHOICES: &[(&str, &[&str])] = &[
    ("activation", &["sigmoid", "step"]),
    ("cost", &["mse", "ce"]),
    ("lang", &["zh", "en"]),
    ("grid", &["0", "1"]),
    ("autoplay", &["0", "1"]),
    ("embed", &["0", "1"]),
    // Light or dark colours; auto follows the system.
    ("theme", &["auto", "light", "dark"]),
    // The network stage (`stage=network`) and what its layers do.
    ("stage", &["main", "network"]),
    ("hidden", &["sigmoid", "linear"]),
    ("output", &["sigmoid", "linear"]),
];

/// Keys holding comma lists, with the names each list may contain.
pub const LISTS: &[(&str, &[&str])] = &[
    ("panels", &["xz", "za", "xa", "cost", "landscape", "chain"]),
    ("controls", &["w", "b", "alpha", "train", "model", "speed", "beans", "grid", "lang", "share", "export"]),
];

/// Keys only a link sets (the page never changes them itself): written back as they came.
pub const LINK_ONLY: &[&str] = &["autoplay", "embed", "panels", "controls", "tour", "theme", "bg"];

/// What embed mode shows when a link does not say.
pub const EMBED_PANELS: &[&str] = &["xz", "za", "xa"];
pub const EMBED_CONTROLS: &[&str] = &["w", "b", "alpha", "train"];

/// Tour steps are numbered from 1.
pub const TOUR_STEPS: u32 = 9;

/// Longest value read; anything longer is dropped unread.
pub const MAX_VALUE_LEN: usize = 200;
/// The beans (`data`) may be longer: a thousand pairs of up to ten characters each.
pub const MAX_DATA_LEN: usize = 12_000;

/// Numbers a link keeps even at their default: absent w and b (and the network's seven) mean
/// "drawn from the seed", absent
/// epochs means "not trained yet", so the default value says something else.
const ALWAYS_KEPT: &[&str] = &["w", "b", "epochs", "w1", "b1", "w2", "b2", "v1", "v2", "c"];

/// Defaults that need not be written into a link.
const DEFAULTS: &[(&str, &str)] = &[
    ("activation", "sigmoid"),
    ("cost", "mse"),
    ("grid", "1"),
    ("autoplay", "0"),
    ("embed", "0"),
    ("stage", "main"),
    ("hidden", "sigmoid"),
    ("output", "sigmoid"),
    ("theme", "auto"),
];

/// The page's and the charts' background (`bg`): transparent (the note shows through) or a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    Transparent,
    Rgb(u8, u8, u8),
}

impl Background {
    /// `transparent`, `#rgb` or `#rrggbb` (either case); anything else is None.
    pub fn parse(value: &str) -> Option<Background> {
        if value.eq_ignore_ascii_case("transparent") {
            return Some(Background::Transparent);
        }
        let hex = value.strip_prefix('#')?;
        if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        match hex.len() {
            3 => Some(Background::Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Background::Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// The canonical spelling: `transparent` or `#rrggbb` in lower case (also valid CSS).
    pub fn css(&self) -> String {
        match self {
            Background::Transparent => "transparent".into(),
            Background::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    Unknown,
    Repeated,
    TooLong,
    NotANumber(String),
    Clamped {
        given: String,
        used: f64,
    },
    NotOneOf(String),
    /// A list named something that is not there; the rest of it is kept.
    UnknownItems(Vec<String>),
    /// Beans that were dropped (the rest are kept), or why none were usable.
    Pairs(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    pub reason: Reason,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key: String = self.key.chars().take(30).collect();
        match &self.reason {
            Reason::Unknown => write!(f, "{key}: unknown setting, ignored"),
            Reason::Repeated => write!(f, "{key}: given more than once, the first is used"),
            Reason::TooLong => write!(f, "{key}: value too long, ignored"),
            Reason::NotANumber(v) => write!(f, "{key}: \"{v}\" is not a number, ignored"),
            Reason::Clamped { given, used } => {
                write!(f, "{key}: {given} is out of range, {} used", decimal::shortest(*used))
            }
            Reason::NotOneOf(v) => write!(f, "{key}: \"{v}\" is not a valid choice, ignored"),
            Reason::UnknownItems(items) => write!(f, "{key}: {} unknown, ignored", items.join(", ")),
            Reason::Pairs(what) => write!(f, "{key}: {what}, ignored"),
        }
    }
}

/// Decodes `%XX` and `+` as in application/x-www-form-urlencoded; bad escapes are kept as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string (what the page writes is plain ASCII anyway).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Reads a query string (with or without the leading `?`) into canonical form: known keys in a
/// fixed order, valid values only, defaults left out. Returns the canonical query and what was wrong.
pub fn normalize(query: &str) -> (String, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut kept: Vec<(&'static str, String)> = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(raw_key);
        if seen.contains(&key) {
            problems.push(Problem { key, reason: Reason::Repeated });
            continue;
        }
        seen.push(key.clone());
        let limit = if key == "data" { MAX_DATA_LEN } else { MAX_VALUE_LEN };
        if raw_value.len() > limit * 3 {
            problems.push(Problem { key, reason: Reason::TooLong });
            continue;
        }
        let value = decode(raw_value);
        if value.chars().count() > limit {
            problems.push(Problem { key, reason: Reason::TooLong });
            continue;
        }
        match read(&key, &value) {
            Ok((k, v, problem)) => {
                if let Some(reason) = problem {
                    problems.push(Problem { key: key.clone(), reason });
                }
                if let Some(v) = v {
                    kept.push((k, v));
                }
            }
            Err(reason) => problems.push(Problem { key, reason }),
        }
    }
    let order: Vec<&str> = Param::all()
        .map(|p| p.key)
        .chain(CHOICES.iter().map(|c| c.0))
        .chain(LISTS.iter().map(|l| l.0))
        .chain(["bg", "tour", "data"])
        .collect();
    let canonical = order
        .iter()
        .filter_map(|o| kept.iter().find(|(k, _)| k == o))
        .filter(|(k, v)| !DEFAULTS.contains(&(*k, v.as_str())))
        .filter(|(k, v)| {
            !matches!(Param::find(k), Some(p) if !ALWAYS_KEPT.contains(k) && decimal::parse(v) == Some(p.default))
        })
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    (canonical, problems)
}

type Read = (&'static str, Option<String>, Option<Reason>);

/// One key's value: Ok((key, value to keep, a problem to report)) or Err(the problem) if dropped.
fn read(key: &str, value: &str) -> Result<Read, Reason> {
    if let Some(p) = Param::find(key) {
        return match p.parse(value) {
            Checked::Ok(v) => Ok((p.key, Some(decimal::shortest(v)), None)),
            Checked::Clamped(v) => {
                Ok((p.key, Some(decimal::shortest(v)), Some(Reason::Clamped { given: value.into(), used: v })))
            }
            Checked::Rejected => Err(Reason::NotANumber(value.into())),
        };
    }
    if let Some((k, allowed)) = CHOICES.iter().find(|c| c.0 == key) {
        return allowed
            .iter()
            .find(|a| **a == value)
            .map(|a| (*k, Some(a.to_string()), None))
            .ok_or(Reason::NotOneOf(value.into()));
    }
    if let Some((k, allowed)) = LISTS.iter().find(|l| l.0 == key) {
        let mut good: Vec<&str> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match allowed.iter().find(|a| **a == item) {
                Some(a) if !good.contains(a) => good.push(a),
                Some(_) => {}
                None => bad.push(item.chars().take(20).collect()),
            }
        }
        let problem = (!bad.is_empty()).then_some(Reason::UnknownItems(bad));
        if good.is_empty() {
            return Err(problem.unwrap_or(Reason::NotOneOf(value.into())));
        }
        return Ok((k, Some(good.join(",")), problem));
    }
    if key == "bg" {
        return Background::parse(value).map(|bg| ("bg", Some(bg.css()), None)).ok_or(Reason::NotOneOf(value.into()));
    }
    if key == "tour" {
        return match value.parse::<u32>() {
            Ok(n) if (1..=TOUR_STEPS).contains(&n) => Ok(("tour", Some(n.to_string()), None)),
            _ => Err(Reason::NotOneOf(value.into())),
        };
    }
    if key == "data" {
        let read = pairs::read(value);
        let problem = (!read.dropped.is_empty()).then(|| Reason::Pairs(read.summary()));
        return match read.beans() {
            Some(beans) => Ok(("data", Some(pairs::write(&beans)), problem)),
            None => Err(problem.unwrap_or(Reason::Pairs(pairs::Dropped::TooFew(0).to_string()))),
        };
    }
    Err(Reason::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_round_trips() {
        let q = "w=5&b=-5&alpha=0.3&seed=42&n=30&speed=20&epochs=500&activation=step&cost=ce&lang=en&grid=0&autoplay=1&embed=1&theme=dark&panels=xz,xa&controls=w,b,train&bg=%23102030&tour=3";
        let (canonical, problems) = normalize(q);
        assert_eq!(problems, vec![]);
        assert_eq!(canonical, q);
        assert_eq!(normalize(&canonical).0, canonical);
    }

    #[test]
    fn link_only_keys_and_embed_defaults_are_known_keys() {
        for key in LINK_ONLY {
            assert!(
                CHOICES.iter().any(|c| c.0 == *key)
                    || LISTS.iter().any(|l| l.0 == *key)
                    || ["tour", "bg"].contains(key),
                "{key}"
            );
        }
        let list = |key: &str| LISTS.iter().find(|l| l.0 == key).unwrap().1;
        assert!(EMBED_PANELS.iter().all(|p| list("panels").contains(p)));
        assert!(EMBED_CONTROLS.iter().all(|c| list("controls").contains(c)));
    }

    #[test]
    fn order_and_defaults_are_canonical() {
        assert_eq!(normalize("?lang=zh&w=1.50&alpha=0.05&grid=1").0, "w=1.5&lang=zh");
        assert_eq!(normalize("b=0").0, "b=0", "w and b are kept even at 0: absent means drawn from the seed");
        assert_eq!(normalize("epochs=1000").0, "epochs=1000", "a link trained to the default target stays trained");
        assert_eq!(normalize("").0, "");
    }

    #[test]
    fn the_network_stage_has_its_own_keys() {
        let q = "w1=1.5&b1=-0.5&w2=0&b2=2&v1=3&v2=-3&c=0&stage=network&hidden=linear&output=linear";
        let (canonical, problems) = normalize(q);
        assert_eq!(problems, vec![]);
        assert_eq!(canonical, q, "the seven are kept at 0: absent means drawn from the seed");
        assert_eq!(normalize("stage=main&hidden=sigmoid&output=sigmoid").0, "");
        let (c, p) = normalize("stage=net&hidden=relu&v1=99&c=NaN");
        assert_eq!(c, "v1=20");
        assert_eq!(p.iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), ["stage", "hidden", "v1", "c"]);
    }

    #[test]
    fn bad_values_are_dropped_or_clamped_and_named() {
        let cases: &[(&str, &str, &str)] = &[
            ("w=NaN", "", "w"),
            ("w=Infinity", "w=20", "w"),
            ("alpha=1e6", "alpha=10", "alpha"),
            ("n=abc", "", "n"),
            ("lang=fr", "", "lang"),
            ("bogus=1", "", "bogus"),
            ("w=1&w=2", "w=1", "w"),
            ("panels=xz,nope", "panels=xz", "panels"),
            ("panels=nope", "", "panels"),
            ("tour=99", "", "tour"),
            ("theme=pink", "", "theme"),
            ("theme=auto", "", ""),
            ("theme=light", "theme=light", ""),
            ("bg=transparent", "bg=transparent", ""),
            ("bg=%23ABC", "bg=%23aabbcc", ""),
            ("bg=%23FfA500", "bg=%23ffa500", ""),
            ("bg=red", "", "bg"),
            ("bg=%2312345", "", "bg"),
            ("bg=%23abcdeg", "", "bg"),
            ("bg=url(x)", "", "bg"),
            ("w=%3Cscript%3E", "", "w"),
            ("b=%E2%88%922", "b=-2", ""),
        ];
        for (q, canonical, named) in cases {
            let (c, problems) = normalize(q);
            assert_eq!(&c, canonical, "{q}");
            if named.is_empty() {
                assert!(problems.is_empty(), "{q}: {problems:?}");
            } else {
                assert_eq!(problems.len(), 1, "{q}: {problems:?}");
                assert_eq!(problems[0].key, *named);
                assert!(problems[0].to_string().starts_with(named));
            }
        }
        let (c, p) = normalize("data=0.2:1,0.1:0,%3Cb%3E:1,0.3:7");
        assert_eq!(c, "data=0.1:0,0.2:1", "valid beans kept, sorted");
        assert_eq!(p.len(), 1);
        assert!(p[0].to_string().starts_with("data: \"<b>:1\" is not x:y"), "{}", p[0]);
        let (c, p) = normalize("data=NaN:1,,1e400:0");
        assert_eq!((c.as_str(), p[0].key.as_str()), ("", "data"));
        let many = (0..1000).map(|i| format!("{}:{}", i as f64 / 1000.0, i % 2)).collect::<Vec<_>>().join(",");
        assert_eq!(normalize(&format!("data={many}")).1, vec![], "a thousand beans fit in a link");
        let huge = format!("w={}", "9".repeat(5000));
        let (c, p) = normalize(&huge);
        assert_eq!((c.as_str(), &p[0].reason), ("", &Reason::TooLong));
        let (_, p) = normalize("%zz=1&=&&w");
        assert!(p.iter().all(|p| !p.to_string().is_empty()));
    }
}

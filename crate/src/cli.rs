//! The command line on the same core: flags come from the parameter table.

use crate::beans::Beans;
use crate::params::{Checked, Param, PARAMS};
use crate::trainer::{initial_params, Trainer};
use serde::Serialize;
use std::collections::BTreeMap;

/// What went wrong, with the exit code the CLI uses for it.
#[derive(Debug, PartialEq)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

fn usage_error(message: String) -> CliError {
    CliError { code: 2, message }
}

pub fn usage() -> String {
    let mut s = String::from(
        "sigmoid-lab train [--FLAG VALUE]... [--data FILE.csv]\n\n\
         Trains one neuron, a = sigmoid(w·x + b), on the course's beans (or on FILE: rows \"x,y\",\n\
         y 0 or 1, header optional) with the lesson's loop and prints one JSON object.\n\n\
         Flags (w and b default to N(0, 1) drawn from the seed):\n",
    );
    for p in PARAMS.iter().filter(|p| p.key != "speed") {
        s += &format!("  --{:<7} {} .. {} (default {})  {}\n", p.key, p.min, p.max, p.default, p.label_en);
    }
    s
}

#[derive(Debug, Serialize, PartialEq)]
pub struct TrainReport {
    pub seed: u64,
    pub n: usize,
    pub epochs: u64,
    pub alpha: f64,
    pub w0: f64,
    pub b0: f64,
    pub w: f64,
    pub b: f64,
    pub mean_cost: f64,
    /// x = −b/w, or null when w = 0.
    pub boundary: Option<f64>,
    pub accuracy: f64,
}

/// Parsed flags: values checked against the table; clamping is reported in `notes`.
#[derive(Debug, Default)]
pub struct Flags {
    pub values: BTreeMap<&'static str, f64>,
    pub data: Option<String>,
    pub notes: Vec<String>,
}

impl Flags {
    pub fn get(&self, key: &str) -> f64 {
        self.values.get(key).copied().unwrap_or_else(|| Param::get(key).expect("known key").default)
    }
}

pub fn parse_flags(args: &[String]) -> Result<Flags, CliError> {
    let mut flags = Flags::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let name = arg.strip_prefix("--").ok_or_else(|| usage_error(format!("unexpected argument {arg:?}\n\n{}", usage())))?;
        let (name, inline) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (name, None),
        };
        let mut value = || inline.clone().or_else(|| it.next().cloned()).ok_or_else(|| usage_error(format!("--{name} needs a value")));
        if name == "data" {
            flags.data = Some(value()?);
            continue;
        }
        let p = Param::get(name).ok_or_else(|| usage_error(format!("unknown flag --{name}\n\n{}", usage())))?;
        let text = value()?;
        let v = match p.parse(&text) {
            Checked::Ok(v) => v,
            Checked::Clamped(v) => {
                flags.notes.push(format!("--{name} {text} is outside {} .. {}: using {v}", p.min, p.max));
                v
            }
            Checked::Rejected => return Err(usage_error(format!("--{name}: {text:?} is not a number"))),
        };
        if flags.values.insert(p.key, v).is_some() {
            return Err(usage_error(format!("--{name} given twice")));
        }
    }
    Ok(flags)
}

/// `sigmoid-lab train …`: `read` loads the --data file (kept apart so tests need no files).
pub fn train(flags: &Flags, read: impl Fn(&str) -> std::io::Result<String>) -> Result<TrainReport, CliError> {
    let seed = flags.get("seed") as u64;
    let beans = match &flags.data {
        Some(path) => {
            let text = read(path).map_err(|e| usage_error(format!("{path}: {e}")))?;
            Beans::from_csv(&text).map_err(|e| usage_error(format!("{path}: {e}")))?
        }
        None => Beans::course(seed, flags.get("n") as usize),
    };
    let (rw, rb) = initial_params(seed);
    let w0 = flags.values.get("w").copied().unwrap_or(rw);
    let b0 = flags.values.get("b").copied().unwrap_or(rb);
    let epochs = flags.get("epochs") as u64;
    let mut t = Trainer::new(beans, w0, b0, flags.get("alpha"));
    t.train_epochs(epochs);
    if let Some(at) = t.diverged_at() {
        return Err(CliError { code: 3, message: format!("α too large: training diverged at epoch {at}") });
    }
    Ok(TrainReport {
        seed,
        n: t.beans().len(),
        epochs: t.epoch(),
        alpha: t.alpha(),
        w0,
        b0,
        w: t.w(),
        b: t.b(),
        mean_cost: t.mean_cost(),
        boundary: t.boundary(),
        accuracy: t.accuracy(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn trains_the_course_beans() {
        let f = parse_flags(&args("--seed 3 --n 100 --alpha 0.05 --epochs 1000")).unwrap();
        let r = train(&f, |_| unreachable!()).unwrap();
        assert_eq!((r.seed, r.n, r.epochs), (3, 100, 1000));
        assert!(r.accuracy >= 0.97 && (r.boundary.unwrap() - 3.0 / 7.0).abs() < 0.04, "{r:?}");
        assert_eq!((r.w0, r.b0), initial_params(3));
    }

    #[test]
    fn reads_a_csv_and_names_the_bad_line() {
        let csv = "x,y\n0.1,0\n0.2,0\n0.3,0\n0.6,1\n0.8,1\n0.9,1\n";
        let f = parse_flags(&args("--data beans.csv --w 1 --b 0 --epochs 2000 --alpha 1")).unwrap();
        let r = train(&f, |p| { assert_eq!(p, "beans.csv"); Ok(csv.to_string()) }).unwrap();
        assert_eq!(r.n, 6);
        assert_eq!(r.accuracy, 1.0);
        let b = r.boundary.unwrap();
        assert!(b > 0.3 && b < 0.6, "{b}");
        let e = train(&f, |_| Ok("x,y\n0.1,0\n0.5,maybe\n".into())).unwrap_err();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("line 3"), "{}", e.message);
    }

    #[test]
    fn bad_flags_are_refused_or_clamped_with_a_note() {
        assert_eq!(parse_flags(&args("--w abc")).unwrap_err().code, 2);
        assert_eq!(parse_flags(&args("--bogus 1")).unwrap_err().code, 2);
        assert_eq!(parse_flags(&args("--w 1 --w 2")).unwrap_err().code, 2);
        assert_eq!(parse_flags(&args("--w")).unwrap_err().code, 2);
        let f = parse_flags(&args("--alpha=50 --n 5000")).unwrap();
        assert_eq!((f.get("alpha"), f.get("n")), (10.0, 1000.0));
        assert_eq!(f.notes.len(), 2);
    }
}

//! The command line on the same core: its grammar (`args`) comes from the settings table.

pub mod args;

use crate::draw::{Lang, Panel, Style};
use crate::export;
use crate::model::beans::Beans;
use crate::model::neuron::{Activation, Cost, Logistic};
use crate::model::pairs;
use crate::model::trainer::{initial_params, Trainer};
use crate::settings::params::{Checked, Param, PARAMS};
use crate::settings::query::CHOICES;
use serde::Serialize;
use std::collections::BTreeMap;

pub mod network;

/// What went wrong, with the exit code the CLI uses for it.
#[derive(Debug, PartialEq)]
pub struct CliError {
    pub code: i32,
    pub message: String,
}

fn usage_error(message: String) -> CliError {
    CliError { code: 2, message }
}

/// The whole help: the command and each subcommand's flags, built from the settings table.
pub fn usage() -> String {
    let mut cmd = args::command();
    let mut s = cmd.render_help().to_string();
    for sub in ["train", "gif", "svg"] {
        let mut c = cmd.find_subcommand_mut(sub).expect("known").clone().bin_name(format!("sigmoid-lab {sub}"));
        s += &format!("\n{}", c.render_help());
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
    /// Beans as a link's `data` holds them: `x:y` pairs separated by commas.
    pub data_pairs: Option<String>,
    /// `activation` and `cost`, when given.
    pub choices: BTreeMap<&'static str, String>,
    pub notes: Vec<String>,
}

impl Flags {
    pub fn get(&self, key: &str) -> f64 {
        self.values.get(key).copied().unwrap_or_else(|| Param::get(key).expect("known key").default)
    }
}

/// The flags of `train` (network flags aside: see `network::parse_network_flags`).
pub fn parse_flags(args: &[String]) -> Result<Flags, CliError> {
    flags_from(&args::matches("train", args)?)
}

/// The table's flags from a subcommand's matches: numbers checked by the table (clamped with a
/// note, or refused), the choices, the beans.
fn flags_from(m: &clap::ArgMatches) -> Result<Flags, CliError> {
    let mut flags = Flags {
        data: args::text(m, "data").map(String::from),
        data_pairs: args::text(m, "data-pairs").map(String::from),
        ..Flags::default()
    };
    for (key, _) in CHOICES.iter() {
        if let Some(v) = m.try_get_one::<String>(key).ok().flatten() {
            flags.choices.insert(key, v.clone());
        }
    }
    for p in PARAMS {
        let Some(text) = m.try_get_one::<String>(p.key).ok().flatten() else { continue };
        let v = match p.parse(text) {
            Checked::Ok(v) => v,
            Checked::Clamped(v) => {
                flags.notes.push(format!("--{} {text} is outside {} .. {}: using {v}", p.key, p.min, p.max));
                v
            }
            Checked::Rejected => return Err(usage_error(format!("--{}: {text:?} is not a number", p.key))),
        };
        flags.values.insert(p.key, v);
    }
    Ok(flags)
}

/// The beans of the --data file (loaded by `read`), or else `drawn` from the seed and n.
fn beans(
    flags: &Flags,
    read: impl Fn(&str) -> std::io::Result<String>,
    drawn: fn(u64, usize) -> Beans,
) -> Result<Beans, CliError> {
    match &flags.data {
        Some(path) => {
            let text = read(path).map_err(|e| usage_error(format!("{path}: {e}")))?;
            Beans::from_csv(&text).map_err(|e| usage_error(format!("{path}: {e}")))
        }
        // As strict as a file: a bad pair is an error here, not a note, so a note's numbers are
        // never computed on fewer beans than it lists.
        None if flags.data_pairs.is_some() => {
            let read = pairs::read(flags.data_pairs.as_deref().unwrap_or_default());
            match (read.dropped.is_empty(), read.beans()) {
                (true, Some(beans)) => Ok(beans),
                _ if read.pairs.is_empty() && read.dropped.is_empty() => {
                    Err(usage_error("--data-pairs: no beans given".into()))
                }
                _ => Err(usage_error(format!("--data-pairs: {}", read.summary()))),
            }
        }
        None => Ok(drawn(flags.get("seed") as u64, flags.get("n") as usize)),
    }
}

/// The beans and the starting neuron the flags ask for: `read` loads the --data file.
fn start(flags: &Flags, read: impl Fn(&str) -> std::io::Result<String>) -> Result<Trainer, CliError> {
    let seed = flags.get("seed") as u64;
    let beans = beans(flags, read, Beans::course)?;
    let (rw, rb) = initial_params(seed);
    let w0 = flags.values.get("w").copied().unwrap_or(rw);
    let b0 = flags.values.get("b").copied().unwrap_or(rb);
    let mut t = Trainer::new(beans, w0, b0, flags.get("alpha"));
    t.set_activation(Activation::logistic(Logistic { l: flags.get("l"), k: flags.get("k"), x0: flags.get("x0") }));
    if flags.choices.get("activation").map(String::as_str) == Some("step") {
        t.set_activation(Activation::Step);
    }
    if let Some(cost) = flags.choices.get("cost").and_then(|c| Cost::from_key(c)) {
        t.set_cost(cost);
    }
    Ok(t)
}

/// `sigmoid-lab train …`: `read` loads the --data file (kept apart so tests need no files).
pub fn train(flags: &Flags, read: impl Fn(&str) -> std::io::Result<String>) -> Result<TrainReport, CliError> {
    let seed = flags.get("seed") as u64;
    let mut t = start(flags, read)?;
    let (w0, b0) = (t.w(), t.b());
    let epochs = flags.get("epochs") as u64;
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

/// The flags of `sigmoid-lab gif`: the parameter table's, plus how to cut and draw the run.
#[derive(Debug)]
pub struct GifFlags {
    pub flags: Flags,
    /// Epochs between frames; None: about 100 frames.
    pub every: Option<u64>,
    pub out: String,
    pub lang: Lang,
    pub panels: Vec<Panel>,
}

pub fn parse_gif_flags(args: &[String]) -> Result<GifFlags, CliError> {
    parse_export_flags(args, "run.gif")
}

/// The flags of `sigmoid-lab svg`: the same as `gif`'s (--every is accepted and has no effect:
/// the SVG is the last state), --out defaulting to fig.svg.
pub fn parse_svg_flags(args: &[String]) -> Result<GifFlags, CliError> {
    parse_export_flags(args, "fig.svg")
}

fn parse_export_flags(args: &[String], default_out: &str) -> Result<GifFlags, CliError> {
    let sub = if default_out.ends_with(".svg") { "svg" } else { "gif" };
    let m = args::matches(sub, args)?;
    let every = match args::text(&m, "every") {
        None => None,
        Some(text) => Some(
            text.trim()
                .parse::<u64>()
                .ok()
                .filter(|&k| k >= 1)
                .ok_or_else(|| usage_error(format!("--every: {text:?} is not a whole number of epochs ≥ 1")))?,
        ),
    };
    let out = match args::text(&m, "out") {
        Some("") => return Err(usage_error("--out needs a file name".into())),
        out => out.unwrap_or(default_out).to_string(),
    };
    let lang = args::text(&m, "lang").and_then(Lang::from_key).unwrap_or(Lang::Zh);
    let panels = match args::text(&m, "panels") {
        None => export::CLI_PANELS.to_vec(),
        Some(text) => {
            let list: Vec<Panel> =
                Panel::ALL.into_iter().filter(|p| text.split(',').any(|k| k.trim() == p.key())).collect();
            let known = text.split(',').all(|k| Panel::from_key(k.trim()).is_some());
            if list.is_empty() || !known {
                let keys: Vec<&str> = Panel::ALL.iter().map(|p| p.key()).collect();
                return Err(usage_error(format!("--panels: {text:?} is not a list of {}", keys.join(", "))));
            }
            list
        }
    };
    Ok(GifFlags { flags: flags_from(&m)?, every, out, lang, panels })
}

#[derive(Debug, Serialize, PartialEq)]
pub struct GifReport {
    pub out: String,
    pub frames: u32,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// Epochs trained (fewer than asked if training diverged).
    pub epochs: u64,
    pub every: u64,
    pub w: f64,
    pub b: f64,
    pub boundary: Option<f64>,
    /// Whether text was drawn (a system font was found).
    pub text: bool,
}

/// `sigmoid-lab gif …`: the GIF's bytes and a report; a diverging run gives its GIF (up to the
/// divergence) with the error.
#[allow(clippy::type_complexity)]
pub fn gif(
    g: &GifFlags,
    read: impl Fn(&str) -> std::io::Result<String>,
) -> Result<(Vec<u8>, GifReport, Option<CliError>), CliError> {
    let mut t = start(&g.flags, read)?;
    let epochs = g.flags.get("epochs") as u64;
    let style = Style { lang: g.lang, ..Style::default() };
    let run = export::run_gif(&mut t, &g.panels, &style, epochs, g.every, |_, _| {})
        .map_err(|e| usage_error(e.to_string()))?;
    let diverged = t.diverged_at().map(|at| CliError {
        code: 3,
        message: format!("α too large: training diverged at epoch {at}; the GIF ends there"),
    });
    let report = GifReport {
        out: g.out.clone(),
        frames: run.frames,
        width: run.width,
        height: run.height,
        bytes: run.bytes.len(),
        epochs: run.epochs,
        every: run.every,
        w: t.w(),
        b: t.b(),
        boundary: t.boundary(),
        text: export::text_available(),
    };
    Ok((run.bytes, report, diverged))
}

#[derive(Debug, Serialize, PartialEq)]
pub struct SvgReport {
    pub out: String,
    pub width: u32,
    pub height: u32,
    pub bytes: usize,
    /// Epochs trained (fewer than asked if training diverged).
    pub epochs: u64,
    pub w: f64,
    pub b: f64,
    pub boundary: Option<f64>,
}

/// `sigmoid-lab svg …`: trains as `gif` does and draws the last state's panels as an SVG document,
/// with the same draw functions and grid as a GIF frame; a diverging run gives the state where it
/// stopped, with the error.
pub fn svg(
    g: &GifFlags,
    read: impl Fn(&str) -> std::io::Result<String>,
) -> Result<(String, SvgReport, Option<CliError>), CliError> {
    let mut t = start(&g.flags, read)?;
    t.train_epochs(g.flags.get("epochs") as u64);
    let diverged = t.diverged_at().map(|at| CliError {
        code: 3,
        message: format!("α too large: training diverged at epoch {at}; the SVG shows where it stopped"),
    });
    let style = Style { lang: g.lang, ..Style::default() };
    let text = export::render_svg(&t, &g.panels, &style).map_err(|e| usage_error(e.to_string()))?;
    let (width, height) = export::image_size(g.panels.len(), &style);
    let report = SvgReport {
        out: g.out.clone(),
        width,
        height,
        bytes: text.len(),
        epochs: t.epoch(),
        w: t.w(),
        b: t.b(),
        boundary: t.boundary(),
    };
    Ok((text, report, diverged))
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
        let r = train(&f, |p| {
            assert_eq!(p, "beans.csv");
            Ok(csv.to_string())
        })
        .unwrap();
        assert_eq!(r.n, 6);
        assert_eq!(r.accuracy, 1.0);
        let b = r.boundary.unwrap();
        assert!(b > 0.3 && b < 0.6, "{b}");
        let e = train(&f, |_| Ok("x,y\n0.1,0\n0.5,maybe\n".into())).unwrap_err();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("line 3"), "{}", e.message);
    }

    #[test]
    fn data_pairs_train_like_the_same_csv() {
        let csv = "x,y\n0.1,0\n0.2,0\n0.3,0\n0.6,1\n0.8,1\n0.9,1\n";
        let from_csv = parse_flags(&args("--data b.csv --w 1 --b 0 --epochs 500 --alpha 1")).unwrap();
        let from_pairs =
            parse_flags(&args("--data-pairs 0.1:0,0.2:0,0.3:0,0.6:1,0.8:1,0.9:1 --w 1 --b 0 --epochs 500 --alpha 1"))
                .unwrap();
        assert_eq!(train(&from_csv, |_| Ok(csv.into())).unwrap(), train(&from_pairs, |_| unreachable!()).unwrap());
        for bad in ["0.1:0,0.2:maybe", "0.1:0,9:1", "0.1:0", ",,"] {
            let f = parse_flags(&args(&format!("--data-pairs {bad}"))).unwrap();
            let e = train(&f, |_| unreachable!()).unwrap_err();
            assert_eq!(e.code, 2, "{bad}");
            assert!(e.message.starts_with("--data-pairs: "), "{bad}: {}", e.message);
        }
        assert_eq!(parse_flags(&args("--data b.csv --data-pairs 0.1:0,0.2:1")).unwrap_err().code, 2);
    }

    #[test]
    fn gif_flags_take_their_own_and_the_tables() {
        let g = parse_gif_flags(&args("--seed 2 --every 5 --out a.gif --epochs 20 --lang en --panels xa,xz")).unwrap();
        assert_eq!((g.every, g.out.as_str(), g.lang), (Some(5), "a.gif", Lang::En));
        assert_eq!(g.panels, vec![Panel::Xz, Panel::Xa]);
        assert_eq!((g.flags.get("seed"), g.flags.get("epochs")), (2.0, 20.0));
        let d = parse_gif_flags(&[]).unwrap();
        assert_eq!((d.every, d.out.as_str(), d.lang, d.panels.len()), (None, "run.gif", Lang::Zh, 4));
        for bad in [
            "--every 0",
            "--every x",
            "--lang fr",
            "--panels nope",
            "--panels xz,nope",
            "--out",
            "--every 2 --every 3",
            "--bogus 1",
        ] {
            assert_eq!(parse_gif_flags(&args(bad)).unwrap_err().code, 2, "{bad}");
        }
        // train keeps refusing the gif-only flags.
        assert_eq!(parse_flags(&args("--every 5")).unwrap_err().code, 2);
    }

    #[test]
    fn a_gif_has_a_frame_per_step_and_both_ends() {
        let g = parse_gif_flags(&args("--seed 1 --n 20 --epochs 25 --every 10 --panels xa")).unwrap();
        let (bytes, r, diverged) = gif(&g, |_| unreachable!()).unwrap();
        assert!(diverged.is_none());
        assert_eq!((r.frames, r.epochs, r.every, r.width, r.height), (4, 25, 10, 480, 320));
        assert_eq!(r.bytes, bytes.len());
        assert_eq!(&bytes[..6], b"GIF89a");
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

//! `sigmoid-lab train --hidden 2 …`: the lesson-06 network of three neurons on the command line.

use super::{beans, parse_flags, usage, usage_error, CliError, Flags};
use crate::model::beans::Beans;
use crate::model::network::{LayerActivation, Network, Params};
use crate::settings::decimal;
use serde::Serialize;

/// The train flags with --hidden 2: the table's flags and the network's own.
#[derive(Debug)]
pub struct NetworkFlags {
    pub flags: Flags,
    /// The seven starting values from --init; None: uniform in [0, 1) from the seed.
    pub init: Option<Params>,
    pub hidden: LayerActivation,
}

/// Table flags that belong to the single neuron: refused with --hidden rather than ignored.
const SINGLE_NEURON_ONLY: [&str; 5] = ["w", "b", "l", "k", "x0"];

/// The network's flags of `train`. None when --hidden is not given (the single neuron trains);
/// --init or --hidden-activation without it is an error.
pub fn parse_network_flags(args: &[String]) -> Result<Option<NetworkFlags>, CliError> {
    let m = super::args::matches("train", args)?;
    let text = |name| super::args::text(&m, name);
    let Some(hidden) = text("hidden") else {
        return match (text("init"), text("hidden-activation")) {
            (None, None) => Ok(None),
            (Some(_), _) => Err(usage_error(format!("--init is for the network: add --hidden 2\n\n{}", usage()))),
            _ => Err(usage_error(format!("--hidden-activation is for the network: add --hidden 2\n\n{}", usage()))),
        };
    };
    if hidden.trim() != "2" {
        return Err(usage_error(format!(
            "--hidden: only 2 is supported (the 1-2-1 network: one input, two hidden neurons, one output), not \
             {hidden:?}"
        )));
    }
    let init = text("init").map(parse_init).transpose()?;
    let activation = text("hidden-activation").and_then(LayerActivation::from_key).unwrap_or(LayerActivation::Sigmoid);
    let flags = parse_flags(args)?;
    if let Some(key) = SINGLE_NEURON_ONLY.iter().find(|k| flags.values.contains_key(*k)) {
        return Err(usage_error(format!(
            "--{key} is the single neuron's; with --hidden 2 the start is --init w1,b1,w2,b2,v1,v2,c"
        )));
    }
    Ok(Some(NetworkFlags { flags, init, hidden: activation }))
}

/// "w1,b1,w2,b2,v1,v2,c": seven finite numbers (decimal points; a unicode minus is fine).
fn parse_init(text: &str) -> Result<Params, CliError> {
    let fields: Vec<&str> = text.split(',').map(str::trim).collect();
    if fields.len() != Params::NAMES.len() {
        return Err(usage_error(format!(
            "--init needs {} values {}, found {}",
            Params::NAMES.len(),
            Params::NAMES.join(","),
            fields.len()
        )));
    }
    let mut values = [0.0; 7];
    for (i, (field, name)) in fields.iter().zip(Params::NAMES).enumerate() {
        values[i] = decimal::parse(&field.replace(['−', '–'], "-"))
            .filter(|v| v.is_finite())
            .ok_or_else(|| usage_error(format!("--init: value {} ({name}) {field:?} is not a finite number", i + 1)))?;
    }
    Ok(Params::from_array(values))
}

/// What `train --hidden 2` prints: the run, the seven where they started (…_0) and where they
/// ended, and how well the network then sorts the beans.
#[derive(Debug, Serialize, PartialEq)]
pub struct NetworkReport {
    pub seed: u64,
    pub n: usize,
    pub epochs: u64,
    pub alpha: f64,
    pub hidden_activation: LayerActivation,
    pub w1_0: f64,
    pub b1_0: f64,
    pub w2_0: f64,
    pub b2_0: f64,
    pub v1_0: f64,
    pub v2_0: f64,
    pub c_0: f64,
    /// Where the seven ended: w1 … c, as keys of the report itself.
    #[serde(flatten)]
    pub end: Params,
    pub mean_cost: f64,
    pub accuracy: f64,
    /// With linear hidden neurons, z = slope·x + intercept: the one neuron the network amounts to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collapsed_line: Option<Line>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Line {
    pub slope: f64,
    pub intercept: f64,
}

/// `sigmoid-lab train --hidden 2 …` on the lesson-06 beans (or the --data file, loaded by `read`).
pub fn train(nf: &NetworkFlags, read: impl Fn(&str) -> std::io::Result<String>) -> Result<NetworkReport, CliError> {
    let flags = &nf.flags;
    let seed = flags.get("seed") as u64;
    let beans = beans(flags, read, Beans::middle)?;
    let start = nf.init.unwrap_or_else(|| Params::initial(seed));
    let mut net = Network { params: start, hidden: nf.hidden, output: LayerActivation::Sigmoid };
    let (alpha, epochs) = (flags.get("alpha"), flags.get("epochs") as u64);
    let done = net.train(&beans, alpha, epochs);
    if done < epochs {
        let message = format!(
            "training diverged at epoch {}: a parameter became infinite or NaN (α too large, or --init too far out)",
            done + 1
        );
        return Err(CliError { code: 3, message });
    }
    Ok(NetworkReport {
        seed,
        n: beans.len(),
        epochs,
        alpha,
        hidden_activation: nf.hidden,
        w1_0: start.w1,
        b1_0: start.b1,
        w2_0: start.w2,
        b2_0: start.b2,
        v1_0: start.v1,
        v2_0: start.v2,
        c_0: start.c,
        end: net.params,
        mean_cost: net.mean_cost(&beans),
        accuracy: net.accuracy(&beans),
        collapsed_line: net.collapsed_line().map(|(slope, intercept)| Line { slope, intercept }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn parsed(s: &str) -> NetworkFlags {
        parse_network_flags(&args(s)).unwrap().expect("--hidden given")
    }

    #[test]
    fn without_hidden_the_single_neuron_trains() {
        assert!(parse_network_flags(&args("--seed 3 --w 1 --epochs 10")).unwrap().is_none());
        for bad in ["--init 1,2,3,4,5,6,7", "--hidden-activation linear"] {
            let e = parse_network_flags(&args(bad)).unwrap_err();
            assert_eq!(e.code, 2);
            assert!(e.message.contains("--hidden 2"), "{}", e.message);
        }
    }

    #[test]
    fn trains_the_middle_beans() {
        let nf = parsed("--hidden 2 --seed 2 --n 100 --alpha 0.3 --epochs 1000");
        let r = train(&nf, |_| unreachable!()).unwrap();
        assert_eq!((r.seed, r.n, r.epochs, r.alpha), (2, 100, 1000, 0.3));
        assert_eq!(r.hidden_activation, LayerActivation::Sigmoid);
        let p0 = Params::initial(2);
        assert_eq!([r.w1_0, r.b1_0, r.w2_0, r.b2_0, r.v1_0, r.v2_0, r.c_0], p0.to_array());
        let mut net = Network::sigmoid(p0);
        net.train(&Beans::middle(2, 100), 0.3, 1000);
        assert_eq!(r.end.to_array(), net.params.to_array());
        assert!(r.accuracy >= 0.95, "{r:?}");
        assert_eq!(r.collapsed_line, None);
    }

    #[test]
    fn init_and_linear_hidden_neurons() {
        let nf = parsed("--hidden=2 --init 0.5,−0.2,1,0,2,-1,0.1 --hidden-activation linear --epochs 0");
        assert_eq!(nf.init.unwrap().to_array(), [0.5, -0.2, 1.0, 0.0, 2.0, -1.0, 0.1]);
        let r = train(&nf, |_| unreachable!()).unwrap();
        assert_eq!((r.end.w1, r.end.b2, r.epochs), (0.5, 0.0, 0));
        // z = 2(0.5x − 0.2) − (x + 0) + 0.1 = 0·x − 0.3
        let line = r.collapsed_line.unwrap();
        assert!(line.slope.abs() < 1e-15 && (line.intercept + 0.3).abs() < 1e-15, "{line:?}");
    }

    #[test]
    fn reads_a_csv_and_names_the_bad_line() {
        let csv = "x,y\n0.1,0\n0.3,0\n0.7,1\n0.9,1\n1.1,1\n1.6,0\n1.9,0\n";
        let nf = parsed("--hidden 2 --data mid.csv --alpha 1 --epochs 3000");
        let r = train(&nf, |p| {
            assert_eq!(p, "mid.csv");
            Ok(csv.to_string())
        })
        .unwrap();
        assert_eq!(r.n, 7);
        assert_eq!(r.accuracy, 1.0, "{r:?}");
        let e = train(&nf, |_| Ok("x,y\n0.1,0\n0.5,maybe\n".into())).unwrap_err();
        assert_eq!(e.code, 2);
        assert!(e.message.contains("line 3"), "{}", e.message);
    }

    #[test]
    fn bad_network_flags_say_what_is_wrong() {
        let message = |s: &str| {
            let e = parse_network_flags(&args(s)).unwrap_err();
            assert_eq!(e.code, 2, "{s}");
            e.message
        };
        assert!(message("--hidden 3").contains("only 2"));
        assert!(message("--hidden").contains("a value is required"));
        assert!(message("--hidden 2 --hidden 2").contains("cannot be used multiple times"));
        assert!(message("--hidden 2 --init 1,2,3").contains("found 3"));
        let m = message("--hidden 2 --init 1,2,x,4,5,6,7");
        assert!(m.contains("value 3 (w2)") && m.contains("\"x\""), "{m}");
        assert!(message("--hidden 2 --init 1,2,3,4,5,6,inf").contains("value 7 (c)"));
        assert!(message("--hidden 2 --hidden-activation relu").contains("possible values: sigmoid, linear"));
        assert!(message("--hidden 2 --w 1").contains("--init"));
        assert!(message("--hidden 2 --k 2").contains("single neuron"));
        assert!(message("--hidden 2 --bogus 1").contains("unexpected argument '--bogus'"));
    }

    #[test]
    fn a_diverging_run_exits_3() {
        // The sigmoid output keeps every step finite from sensible starts; from this one,
        // z = v1·h1 + v2·h2 is ∞ − ∞ at once.
        let nf = parsed("--hidden 2 --hidden-activation linear --init 1e300,0,1e300,0,1e300,-1e300,0 --epochs 5");
        let e = train(&nf, |_| unreachable!()).unwrap_err();
        assert_eq!(e.code, 3);
        assert!(e.message.contains("epoch 1"), "{}", e.message);
    }
}

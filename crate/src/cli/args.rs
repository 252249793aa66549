//! The command line's grammar, on clap, built from the settings schema: every number in the
//! parameter table is a flag with its range in `--help`, the link's choices (activation, cost) are
//! flags with their values, and each subcommand adds its own. Values are checked by the table
//! (clamped with a note, or refused), as the page checks them.

use super::{usage_error, CliError};
use crate::settings::params::PARAMS;
use crate::settings::query::CHOICES;
use clap::{Arg, ArgAction, ArgMatches, Command};

/// Table numbers the CLI does not take: how fast the page animates is not a training setting.
const NOT_FLAGS: [&str; 1] = ["speed"];
/// The link's choices that are flags too.
const CHOICE_FLAGS: [&str; 2] = ["activation", "cost"];

fn value(name: &'static str, help: String) -> Arg {
    // allow_hyphen_values: `--w -5` is a value, not a flag.
    Arg::new(name).long(name).value_name("X").help(help).action(ArgAction::Set).allow_hyphen_values(true)
}

/// The flags every run takes: the parameter table's numbers, the choices, and the beans.
fn table_args() -> Vec<Arg> {
    let mut args: Vec<Arg> = PARAMS
        .iter()
        .filter(|p| !NOT_FLAGS.contains(&p.key))
        .map(|p| {
            let default = match p.key {
                "w" | "b" => "N(0, 1) drawn from the seed".to_string(),
                _ => p.default.to_string(),
            };
            value(p.key, format!("{}: {} .. {} (default {default})", p.label_en, p.min, p.max))
        })
        .collect();
    for (key, allowed) in CHOICES.iter().filter(|c| CHOICE_FLAGS.contains(&c.0)) {
        let what = if *key == "cost" { "the cost function" } else { "the activation function" };
        let help = format!("{what} (default {})", allowed[0]);
        args.push(Arg::new(*key).long(*key).value_name("CHOICE").value_parser(allowed.to_vec()).help(help));
    }
    args.push(
        value("data", "the beans from a CSV file: rows \"x,y\", y 0 or 1, header optional".into())
            .value_name("FILE.csv")
            .conflicts_with("data-pairs"),
    );
    args.push(
        value("data-pairs", "the beans as a link's data= holds them: x:y pairs separated by commas".into())
            .value_name("x:y,x:y,…"),
    );
    args
}

/// `train`: one neuron, or with --hidden 2 the lesson-06 network.
fn train() -> Command {
    Command::new("train")
        .about("train one neuron, a = sigmoid(w·x + b), with the lesson's loop; print one JSON object")
        .long_about(
            "Trains one neuron, a = sigmoid(w·x + b), on the course's beans (or on --data / --data-pairs) \
             with the lesson's loop and prints one JSON object. With --hidden 2 it trains the lesson-06 \
             network instead: h1 = f(w1·x + b1), h2 = f(w2·x + b2), a = sigmoid(v1·h1 + v2·h2 + c), f the \
             sigmoid or the identity, on the lesson-06 beans (sizes in [0, 2), toxic in the middle); the seven \
             start uniform in [0, 1) from the seed unless --init gives them.",
        )
        .args(table_args())
        .arg(value("hidden", "train the 1-2-1 network: the hidden layer's size (2)".into()).value_name("2"))
        .arg(value("init", "the network's seven starting values".into()).value_name("w1,b1,w2,b2,v1,v2,c"))
        .arg(
            Arg::new("hidden-activation")
                .long("hidden-activation")
                .value_name("F")
                .value_parser(["sigmoid", "linear", "identity"])
                .help("the hidden neurons' activation (default sigmoid; linear stacks stay one line)"),
        )
}

/// `gif` and `svg`: a run drawn, every K epochs or as it ends.
fn export(name: &'static str, out: &'static str, about: &'static str) -> Command {
    Command::new(name)
        .about(about)
        .args(table_args())
        .arg(value("every", "epochs between frames (default: about 100 frames)".into()).value_name("K"))
        .arg(value("out", format!("the file to write (default {out})")).value_name("FILE"))
        .arg(Arg::new("lang").long("lang").value_parser(["zh", "en"]).help("the charts' language (default zh)"))
        .arg(
            value("panels", "comma list of xz, za, xa, cost, landscape (default xz,za,xa,cost)".into())
                .value_name("LIST"),
        )
}

/// The whole command line.
pub fn command() -> Command {
    Command::new("sigmoid-lab")
        .about("One neuron from lesson 05, z = w·x + b and a = sigmoid(z), trained on the course's beans")
        .subcommand_required(true)
        .subcommand(train())
        .subcommand(export(
            "gif",
            "run.gif",
            "train as train does and write an animated GIF: a frame at epoch 0, every K epochs and at the end",
        ))
        .subcommand(export("svg", "fig.svg", "train as train does and write the last state's panels as an SVG file"))
}

/// The matches of one subcommand for its arguments (without the subcommand's name). --help is an
/// error of code 0 whose message is the help.
pub fn matches(sub: &str, args: &[String]) -> Result<ArgMatches, CliError> {
    let cmd =
        command().find_subcommand(sub).cloned().expect("a known subcommand").bin_name(format!("sigmoid-lab {sub}"));
    cmd.try_get_matches_from(std::iter::once(sub.to_string()).chain(args.iter().cloned())).map_err(clap_error)
}

/// A clap error as ours: usage errors exit 2, help exits 0 (printed as it is).
pub fn clap_error(e: clap::Error) -> CliError {
    let code = e.exit_code();
    let text = e.render().to_string();
    let message = text.strip_prefix("error: ").unwrap_or(&text).trim_end().to_string();
    if code == 0 {
        CliError { code, message: text }
    } else {
        usage_error(message)
    }
}

/// A flag's text, when given.
pub fn text<'a>(m: &'a ArgMatches, name: &str) -> Option<&'a str> {
    m.get_one::<String>(name).map(String::as_str)
}

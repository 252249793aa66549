//! `sigmoid-lab train …`: the course author's way to get the numbers for the notes (with
//! `--hidden 2`, for the lesson-06 network);
//! `sigmoid-lab gif …`: an animated GIF of a training run for them;
//! `sigmoid-lab svg …`: the last state's panels as an SVG figure.

use sigmoid_lab::cli;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") => {}
        Some("gif") => return gif(&args[1..]),
        Some("svg") => return svg(&args[1..]),
        Some("--help" | "-h" | "help") => {
            print!("{}", cli::usage());
            return;
        }
        other => {
            if let Some(other) = other {
                eprintln!("error: unknown command {other:?}: train, gif or svg\n");
            }
            eprint!("{}", cli::usage());
            exit(2);
        }
    }
    let read = |path: &str| std::fs::read_to_string(path);
    // With --hidden 2 the network trains; without, the single neuron.
    let result = cli::network::parse_network_flags(&args[1..]).and_then(|network| match network {
        Some(nf) => {
            notes(&nf.flags);
            cli::network::train(&nf, read).map(|r| json(&r))
        }
        None => cli::parse_flags(&args[1..]).and_then(|flags| {
            notes(&flags);
            cli::train(&flags, read).map(|r| json(&r))
        }),
    });
    match result {
        Ok(text) => println!("{text}"),
        Err(e) => fail(e),
    }
}

/// A report as one line of JSON.
fn json(report: &impl serde::Serialize) -> String {
    serde_json::to_string(report).expect("report is plain data")
}

fn notes(flags: &cli::Flags) {
    for note in &flags.notes {
        eprintln!("note: {note}");
    }
}

fn gif(args: &[String]) {
    let result = cli::parse_gif_flags(args).and_then(|g| {
        notes(&g.flags);
        let (bytes, report, diverged) = cli::gif(&g, |path| std::fs::read_to_string(path))?;
        std::fs::write(&g.out, &bytes).map_err(|e| cli::CliError { code: 1, message: format!("{}: {e}", g.out) })?;
        Ok((report, diverged))
    });
    match result {
        Ok((report, diverged)) => {
            println!("{}", json(&report));
            if !report.text {
                eprintln!("note: no system font found, the GIF has no text (SIGMOID_LAB_FONT=FILE names one)");
            }
            if let Some(e) = diverged {
                eprintln!("error: {}", e.message);
                exit(e.code);
            }
        }
        Err(e) => fail(e),
    }
}

fn svg(args: &[String]) {
    let result = cli::parse_svg_flags(args).and_then(|g| {
        for note in &g.flags.notes {
            eprintln!("note: {note}");
        }
        let (text, report, diverged) = cli::svg(&g, |path| std::fs::read_to_string(path))?;
        std::fs::write(&g.out, text).map_err(|e| cli::CliError { code: 1, message: format!("{}: {e}", g.out) })?;
        Ok((report, diverged))
    });
    match result {
        Ok((report, diverged)) => {
            println!("{}", serde_json::to_string(&report).expect("report is plain data"));
            if let Some(e) = diverged {
                eprintln!("error: {}", e.message);
                exit(e.code);
            }
        }
        Err(e) => fail(e),
    }
}

/// Ends the run: --help's text on stdout (code 0), an error on stderr with its code.
fn fail(e: cli::CliError) -> ! {
    if e.code == 0 {
        print!("{}", e.message);
    } else {
        eprintln!("error: {}", e.message);
    }
    exit(e.code)
}

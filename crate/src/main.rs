//! `sigmoid-lab train …`: the course author's way to get the numbers for the notes.

use sigmoid_lab::cli;
use std::process::exit;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") => {}
        Some("--help" | "-h" | "help") => {
            print!("{}", cli::usage());
            return;
        }
        _ => {
            eprint!("{}", cli::usage());
            exit(2);
        }
    }
    let result = cli::parse_flags(&args[1..]).and_then(|flags| {
        for note in &flags.notes {
            eprintln!("note: {note}");
        }
        cli::train(&flags, |path| std::fs::read_to_string(path))
    });
    match result {
        Ok(report) => println!("{}", serde_json::to_string(&report).expect("report is plain data")),
        Err(e) => {
            eprintln!("error: {}", e.message);
            exit(e.code);
        }
    }
}

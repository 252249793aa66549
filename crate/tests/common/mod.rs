//! What the CLI's integration tests share: running the built binary, and a fresh output path.
// Each test binary compiles this module and uses part of it.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

/// Runs `sigmoid-lab` with `args` (and SIGMOID_LAB_FONT when given): (exit code, stdout, stderr).
pub fn run_with_font(args: &[&str], font: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigmoid-lab"));
    cmd.args(args);
    if let Some(font) = font {
        cmd.env("SIGMOID_LAB_FONT", font);
    }
    let out = cmd.output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// A path in the temp folder, unique to this test run, with nothing there yet.
pub fn out_file(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("sigmoid-lab-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

//! The built `sigmoid-lab` binary, run as a course author would.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sigmoid-lab")).args(args).output().expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("sigmoid-lab-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn train_prints_one_json_object() {
    let (code, out, _) = run(&["train", "--seed", "2", "--epochs", "1000"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    for key in ["w", "b", "mean_cost", "boundary", "accuracy"] {
        assert!(v[key].is_number(), "{key} in {out}");
    }
    assert!((v["boundary"].as_f64().unwrap() - 3.0 / 7.0).abs() < 0.04);
    assert!(v["accuracy"].as_f64().unwrap() >= 0.97);
}

#[test]
fn train_on_a_csv_file() {
    let path = temp_file("good.csv", "size,toxic\n0.05,0\n0.2,0\n0.35,0\n0.5,1\n0.7,1\n0.95,1\n");
    let (code, out, err) =
        run(&["train", "--data", path.to_str().unwrap(), "--w", "0", "--b", "0", "--alpha", "2", "--epochs", "3000"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["n"], 6);
    assert_eq!(v["accuracy"].as_f64(), Some(1.0));
}

#[test]
fn a_bad_file_names_the_line_and_exits_2() {
    let path = temp_file("bad.csv", "x,y\n0.1,0\n0.2,0\noops\n");
    let (code, out, err) = run(&["train", "--data", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("line 4"), "{err}");
    let (code, _, err) = run(&["train", "--data", "/nonexistent/beans.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("beans.csv"), "{err}");
}

#[test]
fn bad_flags_exit_2_with_usage() {
    let (code, _, err) = run(&["train", "--alpha", "fast"]);
    assert_eq!(code, 2);
    assert!(err.contains("alpha"));
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("sigmoid-lab train"));
}

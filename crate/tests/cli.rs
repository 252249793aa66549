//! The built `sigmoid-lab` binary, run as a course author would.

mod common;

fn run(args: &[&str]) -> (i32, String, String) {
    common::run_with_font(args, None)
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

#[test]
fn train_hidden_2_prints_the_network_as_one_json_object() {
    let (code, out, err) = run(&["train", "--hidden", "2", "--seed", "1", "--alpha", "0.3", "--epochs", "1000"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    for key in ["w1", "b1", "w2", "b2", "v1", "v2", "c", "mean_cost", "accuracy", "alpha"] {
        assert!(v[key].is_number(), "{key} in {out}");
    }
    for key in ["w1_0", "b1_0", "w2_0", "b2_0", "v1_0", "v2_0", "c_0"] {
        let start = v[key].as_f64().unwrap_or(-1.0);
        assert!((0.0..1.0).contains(&start), "{key} in {out}");
    }
    assert_eq!((v["seed"].as_u64(), v["n"].as_u64(), v["epochs"].as_u64()), (Some(1), Some(100), Some(1000)));
    assert!(v["accuracy"].as_f64().unwrap() >= 0.95, "{out}");
}

#[test]
fn train_hidden_2_with_init_and_linear_hidden_neurons_on_a_csv_file() {
    let path = temp_file("middle.csv", "x,y\n0.1,0\n0.3,0\n0.7,1\n0.9,1\n1.1,1\n1.6,0\n1.9,0\n");
    let (code, out, err) = run(&[
        "train",
        "--hidden",
        "2",
        "--hidden-activation",
        "linear",
        "--init",
        "0.5,0.1,-0.3,0.2,0.4,0.6,0",
        "--data",
        path.to_str().unwrap(),
        "--epochs",
        "0",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["n"], 7);
    assert_eq!((v["w1_0"].as_f64(), v["w1"].as_f64(), v["v2"].as_f64()), (Some(0.5), Some(0.5), Some(0.6)));
    // z = 0.4(0.5x + 0.1) + 0.6(−0.3x + 0.2) = 0.02x + 0.16
    let line = &v["collapsed_line"];
    assert!((line["slope"].as_f64().unwrap() - 0.02).abs() < 1e-15, "{out}");
    assert!((line["intercept"].as_f64().unwrap() - 0.16).abs() < 1e-15, "{out}");
}

#[test]
fn bad_network_input_exits_2_and_says_what() {
    let (code, out, err) = run(&["train", "--hidden", "3"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("only 2"), "{err}");
    let (code, _, err) = run(&["train", "--hidden", "2", "--init", "0.1,0.2,0.3,zero,0.5,0.6,0.7"]);
    assert_eq!(code, 2);
    assert!(err.contains("value 4 (b2)"), "{err}");
    let path = temp_file("bad-middle.csv", "x,y\n0.1,0\n1.0,1\n1.5,toxic\n");
    let (code, _, err) = run(&["train", "--hidden", "2", "--data", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("line 4"), "{err}");
    let (code, _, err) = run(&["train", "--init", "0,0,0,0,0,0,0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--hidden 2"), "{err}");
}

#[test]
fn help_exits_0_and_lists_every_flag_with_its_range() {
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for flag in ["--w", "--b", "--alpha", "--seed", "--n", "--epochs", "--data-pairs", "--hidden"] {
        assert!(out.contains(flag), "{flag} in --help");
    }
    assert!(out.contains("0.001 .. 10"), "α's range in --help");
}

#[test]
fn a_clamped_flag_is_noted_on_stderr_and_used() {
    let (code, out, err) = run(&["train", "--w", "99", "--b", "0", "--epochs", "0"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("note: --w 99 is outside -20 .. 20: using 20"), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["w0"], 20.0);
}

#[test]
fn a_diverging_run_exits_3() {
    // Cross-entropy's gradient (a − y)·x is not damped by the sigmoid's slope: with huge sizes and
    // the largest α, one step throws w out of range.
    let path = temp_file("huge.csv", "x,y\n0.1,0\n1e200,0\n-1e200,0\n0.5,1\n");
    let (code, out, err) = run(&["train", "--data", path.to_str().unwrap(), "--cost", "ce", "--alpha", "10"]);
    assert_eq!(code, 3, "{out} {err}");
    assert!(err.contains("diverged"), "{err}");
    assert!(out.is_empty(), "no numbers from a diverged run: {out}");
    let (code, _, err) = run(&["train", "--cost", "mae"]);
    assert_eq!(code, 2);
    assert!(err.contains("--cost") && err.contains("mse, ce"), "{err}");
}

#[test]
fn activation_and_cost_flags_change_the_run() {
    let step = run(&["train", "--activation", "step", "--w", "1", "--b", "-0.3", "--epochs", "100"]);
    let v: serde_json::Value = serde_json::from_str(step.1.trim()).unwrap();
    assert_eq!((v["w"].as_f64(), v["b"].as_f64()), (Some(1.0), Some(-0.3)), "the step cannot learn");
    let mse = run(&["train", "--epochs", "50"]).1;
    let ce = run(&["train", "--epochs", "50", "--cost", "ce"]).1;
    assert_ne!(mse, ce);
}

//! SGD throughput of the lesson's loop on 100 beans (α = 0.05), natively, for scripts/bench.sh.
//!
//!   cargo run --release --example sgd_throughput -- [repeats] [min_seconds]
//!
//! Prints one JSON object: steps per second for each repeat of the Trainer (the code the page runs
//! as wasm) and of the same loop written out plainly (no per-epoch cost record, one exp per step).

use sigmoid_lab::model::beans::Beans;
use sigmoid_lab::model::trainer::{initial_params, lesson_loop, Trainer};
use std::hint::black_box;
use std::time::Instant;

const SEED: u64 = 1;
const BEANS: usize = 100;
const ALPHA: f64 = 0.05;

/// Seconds taken by `run(epochs)`.
fn time(run: &mut impl FnMut(u64), epochs: u64) -> f64 {
    let t0 = Instant::now();
    run(epochs);
    t0.elapsed().as_secs_f64()
}

/// Doubles the epoch count until one run takes at least `min_s`, then times `repeats` runs of it.
fn measure(mut run: impl FnMut(u64), repeats: usize, min_s: f64) -> (u64, Vec<f64>) {
    let mut epochs = 100;
    while time(&mut run, epochs) < min_s {
        epochs *= 2;
    }
    let rates = (0..repeats).map(|_| (epochs * BEANS as u64) as f64 / time(&mut run, epochs)).collect();
    (epochs, rates)
}

fn list(v: &[f64]) -> String {
    v.iter().map(|r| format!("{r:.0}")).collect::<Vec<_>>().join(",")
}

fn main() {
    let mut args = std::env::args().skip(1);
    let repeats: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let min_s: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(0.5);

    let beans = Beans::course(SEED, BEANS);
    let (w0, b0) = initial_params(SEED);

    let (trainer_epochs, trainer) = measure(
        |k| {
            let mut t = Trainer::new(black_box(beans.clone()), w0, b0, ALPHA);
            assert_eq!(t.train_epochs(k), k, "training diverged");
            black_box((t.w(), t.b()));
        },
        repeats,
        min_s,
    );
    let (plain_epochs, plain) = measure(
        |k| {
            black_box(lesson_loop(black_box(beans.xs()), black_box(beans.ys()), w0, b0, ALPHA, k));
        },
        repeats,
        min_s,
    );

    println!(
        "{{\"seed\":{SEED},\"beans\":{BEANS},\"alpha\":{ALPHA},\
         \"trainer\":{{\"epochs\":{trainer_epochs},\"steps_per_s\":[{}]}},\
         \"plain_loop\":{{\"epochs\":{plain_epochs},\"steps_per_s\":[{}]}}}}",
        list(&trainer),
        list(&plain)
    );
}

"""SGD throughput of the lesson's Python/numpy loop on 100 beans (alpha = 0.05), for scripts/bench.sh.

    python3 scripts/bench_numpy.py [repeats] [min_seconds]

Prints one JSON object with steps per second for each repeat, for two readings of the loop: w and
b as Python floats ("scalars"), and as one-element arrays as np.random.rand(1) gives ("arrays"),
where every operation is an array operation and costs several times more. Exits with status 3 when
numpy is not importable, so the caller can skip this row.
"""
import json
import sys
import time

try:
    import numpy as np
except ImportError:
    print(json.dumps({"error": "numpy is not installed"}))
    sys.exit(3)

SEED = 1
BEANS = 100
ALPHA = 0.05


def course_beans(rng, n):
    """The course's lesson-05 beans: sorted sizes in [0, 1), toxic past a blurred border at 3/7."""
    xs = np.sort(rng.random(n))
    ys = (0.7 * xs + (0.5 - rng.random(n)) / 50 + 0.5 > 0.8).astype(np.float64)
    return xs, ys


def train(xs, ys, w, b, alpha, epochs):
    """The lesson's loop: one bean at a time, forward pass, chain rule, update."""
    for _ in range(epochs):
        for i in range(BEANS):
            x = xs[i]
            y = ys[i]
            a = 1 / (1 + np.exp(-(w * x + b)))
            deda = -2 * (y - a)
            dadz = a * (1 - a)
            w = w - alpha * deda * dadz * x
            b = b - alpha * deda * dadz
    return w, b


def seconds(xs, ys, w, b, epochs):
    t0 = time.perf_counter()
    train(xs, ys, w, b, ALPHA, epochs)
    return time.perf_counter() - t0


def measure(xs, ys, w, b, repeats, min_s):
    """Doubles the epoch count until one run takes min_s, then times `repeats` runs of it."""
    epochs = 5
    while seconds(xs, ys, w, b, epochs) < min_s:
        epochs *= 2
    rates = [epochs * BEANS / seconds(xs, ys, w, b, epochs) for _ in range(repeats)]
    return {"epochs": epochs, "steps_per_s": [round(r) for r in rates]}


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    min_s = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    rng = np.random.default_rng(SEED)
    xs, ys = course_beans(rng, BEANS)
    w, b = rng.normal(), rng.normal()
    print(json.dumps({
        "seed": SEED, "beans": BEANS, "alpha": ALPHA,
        "numpy": np.__version__, "python": sys.version.split()[0],
        "scalars": measure(xs, ys, w, b, repeats, min_s),
        "arrays": measure(xs, ys, np.array([w]), np.array([b]), repeats, min_s),
    }))


if __name__ == "__main__":
    main()

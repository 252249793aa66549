//! The lesson's neuron: z = w·x + b, a = activation(z), e = (y − a)², and the chain rule that turns
//! de/dw into a product of small factors.

use serde::Serialize;

/// z = w·x + b: the neuron's linear part.
pub fn linear(w: f64, b: f64, x: f64) -> f64 {
    w * x + b
}

/// The logistic sigmoid 1 / (1 + e^−z), written so that e^… never overflows: for any finite z
/// (even ±1000) the result is finite and in [0, 1].
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// Rosenblatt's step: 1 when z ≥ 0, else 0.
pub fn step(z: f64) -> f64 {
    if z >= 0.0 {
        1.0
    } else {
        0.0
    }
}

/// The activation applied to z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    Sigmoid,
    Step,
}

impl Activation {
    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => sigmoid(z),
            Activation::Step => step(z),
        }
    }

    /// da/dz. For the sigmoid it is a(1 − a); the step is flat everywhere it is differentiable,
    /// which is why gradient descent cannot move it.
    pub fn slope(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => {
                let a = sigmoid(z);
                a * (1.0 - a)
            }
            Activation::Step => 0.0,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Step => "step",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "sigmoid" => Some(Activation::Sigmoid),
            "step" => Some(Activation::Step),
            _ => None,
        }
    }
}

/// The lesson's cost for one bean: e = (y − a)².
pub fn squared_error(y: f64, a: f64) -> f64 {
    (y - a) * (y - a)
}

/// ln(1 + e^t) without overflow.
fn softplus(t: f64) -> f64 {
    t.max(0.0) + (-t.abs()).exp().ln_1p()
}

/// The cost of one bean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    /// The lesson's squared error e = (y − a)².
    Mse,
    /// Cross-entropy e = −(y·ln a + (1 − y)·ln(1 − a)): its gradient does not vanish when the
    /// sigmoid saturates.
    Ce,
}

/// a is kept this far from 0 and 1 where ln a or 1/a would be infinite (the step's a is exactly 0 or 1).
const EDGE: f64 = 1e-12;

impl Cost {
    /// e for target y, given z and a = activation(z). Cross-entropy of the sigmoid is computed from z,
    /// so it stays finite and exact where a rounds to 0 or 1.
    pub fn value(self, y: f64, z: f64, a: f64, act: Activation) -> f64 {
        match (self, act) {
            (Cost::Mse, _) => squared_error(y, a),
            (Cost::Ce, Activation::Sigmoid) => y * softplus(-z) + (1.0 - y) * softplus(z),
            (Cost::Ce, Activation::Step) => {
                let a = a.clamp(EDGE, 1.0 - EDGE);
                -(y * a.ln() + (1.0 - y) * (1.0 - a).ln())
            }
        }
    }

    /// de/da.
    pub fn slope(self, y: f64, a: f64) -> f64 {
        match self {
            Cost::Mse => -2.0 * (y - a),
            Cost::Ce => {
                let a = a.clamp(EDGE, 1.0 - EDGE);
                (a - y) / (a * (1.0 - a))
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Cost::Mse => "mse",
            Cost::Ce => "ce",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "mse" => Some(Cost::Mse),
            "ce" => Some(Cost::Ce),
            _ => None,
        }
    }
}

/// One bean's forward pass and every factor of the chain rule, as the lesson writes them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Chain {
    pub x: f64,
    pub y: f64,
    pub z: f64,
    pub a: f64,
    pub e: f64,
    /// de/da = −2(y − a)
    pub deda: f64,
    /// da/dz = a(1 − a) for the sigmoid
    pub dadz: f64,
    /// dz/dw = x
    pub dzdw: f64,
    /// dz/db = 1
    pub dzdb: f64,
    /// de/dw = de/da · da/dz · dz/dw
    pub dedw: f64,
    /// de/db = de/da · da/dz · dz/db
    pub dedb: f64,
}

impl Chain {
    pub fn new(w: f64, b: f64, x: f64, y: f64, act: Activation, cost: Cost) -> Chain {
        let z = linear(w, b, x);
        let a = act.apply(z);
        let deda = cost.slope(y, a);
        let dadz = act.slope(z);
        // de/dz = de/da · da/dz; for sigmoid with cross-entropy the product is exactly a − y, which
        // stays right where a(1 − a) underflows.
        let dedz = match (act, cost) {
            (Activation::Sigmoid, Cost::Ce) => a - y,
            _ => deda * dadz,
        };
        let (dzdw, dzdb) = (x, 1.0);
        Chain {
            x,
            y,
            z,
            a,
            e: cost.value(y, z, a, act),
            deda,
            dadz,
            dzdw,
            dzdb,
            dedw: dedz * dzdw,
            dedb: dedz * dzdb,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lesson's 定义法: the derivative as a (central) difference quotient.
    fn central(f: impl Fn(f64) -> f64, t: f64) -> f64 {
        let h = 1e-6;
        (f(t + h) - f(t - h)) / (2.0 * h)
    }

    const CASES: [(f64, f64, f64, f64); 6] = [
        (0.5, -0.2, 0.3, 1.0),
        (-1.3, 0.8, 0.9, 0.0),
        (5.0, -5.0, 0.45, 1.0),
        (10.0, -5.0, 0.2, 0.0),
        (0.1, 0.0, 0.0, 1.0),
        (-3.0, 2.0, 0.77, 1.0),
    ];

    #[test]
    fn each_factor_matches_its_difference_quotient() {
        let act = Activation::Sigmoid;
        for &(w, b, x, y) in &CASES {
            let c = Chain::new(w, b, x, y, act, Cost::Mse);
            let deda = central(|a| squared_error(y, a), c.a);
            let dadz = central(sigmoid, c.z);
            let dzdw = central(|w| linear(w, b, x), w);
            let dzdb = central(|b| linear(w, b, x), b);
            assert!((c.deda - deda).abs() < 1e-7, "de/da {} vs {}", c.deda, deda);
            assert!((c.dadz - dadz).abs() < 1e-7, "da/dz {} vs {}", c.dadz, dadz);
            assert!((c.dzdw - dzdw).abs() < 1e-7, "dz/dw {} vs {}", c.dzdw, dzdw);
            assert!((c.dzdb - dzdb).abs() < 1e-7, "dz/db {} vs {}", c.dzdb, dzdb);
        }
    }

    #[test]
    fn products_match_the_derivative_of_the_whole_composition() {
        let act = Activation::Sigmoid;
        let e = |w: f64, b: f64, x: f64, y: f64| squared_error(y, sigmoid(linear(w, b, x)));
        for &(w, b, x, y) in &CASES {
            let c = Chain::new(w, b, x, y, act, Cost::Mse);
            let dedw = central(|w| e(w, b, x, y), w);
            let dedb = central(|b| e(w, b, x, y), b);
            assert!((c.dedw - dedw).abs() < 1e-7, "de/dw {} vs {}", c.dedw, dedw);
            assert!((c.dedb - dedb).abs() < 1e-7, "de/db {} vs {}", c.dedb, dedb);
            assert_eq!(c.dedw, c.deda * c.dadz * c.dzdw);
        }
    }

    #[test]
    fn sigmoid_is_finite_and_right_at_the_extremes() {
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert!(sigmoid(-1000.0).is_finite() && sigmoid(1000.0).is_finite());
        assert!(sigmoid(-700.0) > 0.0 && sigmoid(-700.0) < 1e-300);
        assert_eq!(sigmoid(0.0), 0.5);
        assert!((sigmoid(1.0) - 0.731_058_578_630_004_9).abs() < 1e-15);
        assert!((sigmoid(-1.0) - 0.268_941_421_369_995_1).abs() < 1e-15);
        for z in [-1e300, -40.0, -1.0, 0.3, 36.0, 1e300, f64::MAX, f64::MIN] {
            let a = sigmoid(z);
            assert!((0.0..=1.0).contains(&a), "sigmoid({z}) = {a}");
            assert!(Activation::Sigmoid.slope(z).is_finite());
        }
    }

    #[test]
    fn step_gives_only_zero_or_one_and_no_slope() {
        assert_eq!(step(-0.001), 0.0);
        assert_eq!(step(0.0), 1.0);
        assert_eq!(step(3.0), 1.0);
        let c = Chain::new(1.0, -0.4, 0.2, 1.0, Activation::Step, Cost::Mse);
        assert_eq!((c.dadz, c.dedw, c.dedb), (0.0, 0.0, 0.0));
    }

    #[test]
    fn cross_entropy_gradient_matches_and_does_not_vanish() {
        let act = Activation::Sigmoid;
        let e = |w: f64, b: f64, x: f64, y: f64| {
            let z = linear(w, b, x);
            Cost::Ce.value(y, z, sigmoid(z), act)
        };
        for &(w, b, x, y) in &CASES {
            let c = Chain::new(w, b, x, y, act, Cost::Ce);
            assert!((c.dedw - central(|w| e(w, b, x, y), w)).abs() < 1e-6, "de/dw");
            assert!((c.dedb - central(|b| e(w, b, x, y), b)).abs() < 1e-6, "de/db");
            assert!((c.deda - central(|a| -(y * f64::ln(a) + (1.0 - y) * f64::ln(1.0 - a)), c.a)).abs() < 1e-4);
        }
        // Saturated and wrong: squared error barely moves, cross-entropy pushes with full force.
        let mse = Chain::new(20.0, 0.0, 1.0, 0.0, act, Cost::Mse);
        let ce = Chain::new(20.0, 0.0, 1.0, 0.0, act, Cost::Ce);
        assert!(mse.dedw.abs() < 1e-7);
        assert!((ce.dedw - 1.0).abs() < 1e-8);
        // Finite at the extremes.
        let far = Chain::new(1000.0, 0.0, 1.0, 0.0, act, Cost::Ce);
        assert!((far.e - 1000.0).abs() < 1e-9 && far.dedw.is_finite());
        let step = Chain::new(1.0, 0.0, 1.0, 0.0, Activation::Step, Cost::Ce);
        assert!(step.e.is_finite() && step.dedw == 0.0);
    }

    #[test]
    fn activation_keys_round_trip() {
        for a in [Activation::Sigmoid, Activation::Step] {
            assert_eq!(Activation::from_key(a.key()), Some(a));
        }
        assert_eq!(Activation::from_key("relu"), None);
    }
}

//! The lesson's neuron: z = w·x + b, a = activation(z), e = (y − a)², and the chain rule that turns
//! de/dw into a product of small factors.

use crate::model::fastexp::exp;

/// z = w·x + b: the neuron's linear part.
pub fn linear(w: f64, b: f64, x: f64) -> f64 {
    w * x + b
}

/// The logistic sigmoid 1 / (1 + e^−z), written so that e^… never overflows: for any finite z
/// (even ±1000) the result is finite and in [0, 1]. Its e^… is the crate's own: the same bits in
/// the page (wasm) and the CLI, and fast in the browser, where the trainer's loop spends its time.
pub fn sigmoid(z: f64) -> f64 {
    // e^−|z| is e^−z for z ≥ 0 and e^z below: one call site, so exp is inlined once.
    let e = exp(-z.abs());
    if z >= 0.0 {
        1.0 / (1.0 + e)
    } else {
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

/// The logistic family a = L / (1 + e^(−k(z − x0))); the lesson's sigmoid is L = 1, k = 1, x0 = 0.
#[derive(Clone, Copy, Debug)]
pub struct Logistic {
    pub l: f64,
    pub k: f64,
    pub x0: f64,
}

impl Logistic {
    pub const STANDARD: Logistic = Logistic { l: 1.0, k: 1.0, x0: 0.0 };

    pub fn is_standard(&self) -> bool {
        self.bits() == Logistic::STANDARD.bits()
    }

    fn bits(&self) -> [u64; 3] {
        [self.l.to_bits(), self.k.to_bits(), self.x0.to_bits()]
    }
}

/// The activation applied to z.
#[derive(Clone, Copy, Debug)]
pub enum Activation {
    Sigmoid,
    Step,
    /// The general logistic curve (L, k, x0).
    Logistic(Logistic),
}

// Compared and hashed by the bits of the shape, so the drawing cache can key on it.
impl PartialEq for Activation {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Activation::Sigmoid, Activation::Sigmoid) | (Activation::Step, Activation::Step) => true,
            (Activation::Logistic(a), Activation::Logistic(b)) => a.bits() == b.bits(),
            _ => false,
        }
    }
}

impl Eq for Activation {}

impl std::hash::Hash for Activation {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        std::mem::discriminant(self).hash(h);
        if let Activation::Logistic(shape) = self {
            shape.bits().hash(h);
        }
    }
}

impl Activation {
    /// The logistic with this shape: the plain sigmoid when it is the standard one.
    pub fn logistic(shape: Logistic) -> Activation {
        if shape.is_standard() {
            Activation::Sigmoid
        } else {
            Activation::Logistic(shape)
        }
    }

    pub fn shape(self) -> Option<Logistic> {
        match self {
            Activation::Sigmoid => Some(Logistic::STANDARD),
            Activation::Logistic(shape) => Some(shape),
            Activation::Step => None,
        }
    }

    pub fn apply(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => sigmoid(z),
            Activation::Step => step(z),
            Activation::Logistic(s) => s.l * sigmoid(s.k * (z - s.x0)),
        }
    }

    /// da/dz. For the sigmoid it is a(1 − a) (for the family, k·a·(1 − a/L)); the step is flat
    /// everywhere it is differentiable, which is why gradient descent cannot move it.
    pub fn slope(self, z: f64) -> f64 {
        match self {
            Activation::Sigmoid => {
                let a = sigmoid(z);
                a * (1.0 - a)
            }
            Activation::Step => 0.0,
            Activation::Logistic(s) => {
                let u = sigmoid(s.k * (z - s.x0));
                s.l * s.k * u * (1.0 - u)
            }
        }
    }

    /// da/dz given a = apply(z): the same as `slope(z)` without computing e^z again (the trainer's
    /// inner loop).
    pub fn slope_at(self, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Step => 0.0,
            Activation::Logistic(s) => {
                let u = a / s.l;
                s.l * s.k * u * (1.0 - u)
            }
        }
    }

    /// The largest value a can take (1, or L).
    pub fn top(self) -> f64 {
        match self {
            Activation::Logistic(s) => s.l,
            _ => 1.0,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Activation::Sigmoid | Activation::Logistic(_) => "sigmoid",
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
            (Cost::Ce, _) => {
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

/// de/dz = de/da · da/dz for target y at a = activation(z): the factor de/dw and de/db share. For
/// the sigmoid with cross-entropy the product is exactly a − y, which stays right where a(1 − a)
/// underflows.
pub fn dedz(act: Activation, cost: Cost, y: f64, a: f64) -> f64 {
    match (act, cost) {
        (Activation::Sigmoid, Cost::Ce) => a - y,
        _ => cost.slope(y, a) * act.slope_at(a),
    }
}

/// One bean's forward pass and every factor of the chain rule, as the lesson writes them.
#[derive(Clone, Copy, Debug, PartialEq)]
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
        let dadz = act.slope_at(a);
        let dedz = dedz(act, cost, y, a);
        let (dzdw, dzdb) = (x, 1.0);
        Chain { x, y, z, a, e: cost.value(y, z, a, act), deda, dadz, dzdw, dzdb, dedw: dedz * dzdw, dedb: dedz * dzdb }
    }

    /// Saturation is what holds this bean back: it is on the wrong side (off by more than a half)
    /// while the curve is flat there, so the squared error's gradient nearly vanishes. A bean that
    /// is right and flat is simply learnt.
    pub fn held_back_by_saturation(&self) -> bool {
        self.dadz < 0.01 && (self.y - self.a).abs() > 0.5
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
    fn sigmoid_is_the_textbook_formula_to_the_last_bits() {
        // The same expression with std's exp: any difference comes from exp's last bit.
        let textbook = |z: f64| if z >= 0.0 { 1.0 / (1.0 + (-z).exp()) } else { z.exp() / (1.0 + z.exp()) };
        for i in 0..200_000 {
            let z = -50.0 + i as f64 * 5e-4;
            let (a, t) = (sigmoid(z), textbook(z));
            assert!((a - t).abs() <= 2.0 * f64::EPSILON * t, "sigmoid({z}) = {a}, not {t}");
        }
        assert_eq!(sigmoid(f64::INFINITY), 1.0);
        assert_eq!(sigmoid(f64::NEG_INFINITY), 0.0);
        assert!(sigmoid(f64::NAN).is_nan());
    }

    #[test]
    fn slope_from_a_equals_slope_from_z() {
        for act in [Activation::Sigmoid, Activation::Step, Activation::logistic(Logistic { l: 1.5, k: 2.0, x0: 0.3 })] {
            for z in [-30.0, -2.0, -0.1, 0.0, 0.7, 5.0, 40.0] {
                assert!((act.slope_at(act.apply(z)) - act.slope(z)).abs() < 1e-15, "{act:?} at {z}");
            }
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
    fn logistic_family_derivatives_match_their_difference_quotients() {
        for shape in [
            Logistic { l: 1.0, k: 2.0, x0: 0.5 },
            Logistic { l: 2.0, k: 0.5, x0: -1.0 },
            Logistic { l: 0.5, k: 5.0, x0: 3.0 },
        ] {
            let act = Activation::logistic(shape);
            for cost in [Cost::Mse, Cost::Ce] {
                let e = |w: f64, b: f64, x: f64, y: f64| {
                    let z = linear(w, b, x);
                    cost.value(y, z, act.apply(z), act)
                };
                for &(w, b, x, y) in &CASES {
                    let c = Chain::new(w, b, x, y, act, cost);
                    assert!((c.dadz - central(|z| act.apply(z), c.z)).abs() < 1e-6, "{shape:?} da/dz");
                    if cost == Cost::Ce && (c.a <= 1e-9 || c.a >= 1.0 - 1e-9) {
                        continue; // cross-entropy needs a in (0, 1): clamped there, not differentiable
                    }
                    let (dw, db) = (central(|w| e(w, b, x, y), w), central(|b| e(w, b, x, y), b));
                    assert!(
                        (c.dedw - dw).abs() < 1e-5 * (1.0 + dw.abs()),
                        "{shape:?} {cost:?} de/dw {} vs {dw}",
                        c.dedw
                    );
                    assert!(
                        (c.dedb - db).abs() < 1e-5 * (1.0 + db.abs()),
                        "{shape:?} {cost:?} de/db {} vs {db}",
                        c.dedb
                    );
                }
            }
        }
        assert_eq!(Activation::logistic(Logistic::STANDARD), Activation::Sigmoid);
        let a = Activation::logistic(Logistic { l: 2.0, k: 1.0, x0: 0.0 });
        assert_eq!(a.apply(0.0), 1.0);
        assert_eq!(a.top(), 2.0);
    }

    #[test]
    fn activation_keys_round_trip() {
        for a in [Activation::Sigmoid, Activation::Step] {
            assert_eq!(Activation::from_key(a.key()), Some(a));
        }
        assert_eq!(Activation::from_key("relu"), None);
    }
}

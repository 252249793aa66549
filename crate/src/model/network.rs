//! The lesson-06 network, one input, two hidden neurons and one output (1-2-1):
//! h1 = f(w1·x + b1), h2 = f(w2·x + b2), a = g(v1·h1 + v2·h2 + c), e = (y − a)².
//! Every neuron is the lesson's neuron; the chain rule now runs through two layers.

use crate::model::beans::Beans;
use crate::model::neuron::{linear, sigmoid, squared_error, Activation, Cost};
use crate::model::rng::Rng;
use serde::Serialize;

/// What a layer's neurons do with their z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LayerActivation {
    /// f(z) = z. Hidden neurons like this add nothing: the whole network is one line again.
    Linear,
    Sigmoid,
}

impl LayerActivation {
    pub fn apply(self, z: f64) -> f64 {
        match self {
            LayerActivation::Linear => z,
            LayerActivation::Sigmoid => sigmoid(z),
        }
    }

    /// df/dz given out = f(z), as the single neuron computes it.
    pub fn slope_at(self, out: f64) -> f64 {
        match self {
            LayerActivation::Linear => 1.0,
            LayerActivation::Sigmoid => Activation::Sigmoid.slope_at(out),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            LayerActivation::Linear => "linear",
            LayerActivation::Sigmoid => "sigmoid",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "linear" | "identity" => Some(LayerActivation::Linear),
            "sigmoid" => Some(LayerActivation::Sigmoid),
            _ => None,
        }
    }
}

/// The seven numbers training moves: each hidden neuron's weight and bias, the output's two weights
/// and its bias.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Params {
    pub w1: f64,
    pub b1: f64,
    pub w2: f64,
    pub b2: f64,
    pub v1: f64,
    pub v2: f64,
    pub c: f64,
}

/// Where the starting parameters are drawn: a stream apart from the beans' (which use the seed
/// itself) and from the single neuron's start.
const INITIAL_STREAM: u64 = 0x0121_0000_5EED;

impl Params {
    /// The order of `to_array`, `from_array` and the CLI's --init.
    pub const NAMES: [&'static str; 7] = ["w1", "b1", "w2", "b2", "v1", "v2", "c"];

    pub fn from_array(p: [f64; 7]) -> Params {
        let [w1, b1, w2, b2, v1, v2, c] = p;
        Params { w1, b1, w2, b2, v1, v2, c }
    }

    pub fn to_array(self) -> [f64; 7] {
        [self.w1, self.b1, self.w2, self.b2, self.v1, self.v2, self.c]
    }

    /// The course's start: each of the seven uniform in [0, 1), drawn from the seed.
    pub fn initial(seed: u64) -> Params {
        let mut rng = Rng::new(seed ^ INITIAL_STREAM);
        Params::from_array(std::array::from_fn(|_| rng.uniform()))
    }

    pub fn is_finite(&self) -> bool {
        self.to_array().iter().all(|p| p.is_finite())
    }
}

/// One bean's way through the network.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Forward {
    /// z1 = w1·x + b1
    pub z1: f64,
    /// h1 = f(z1)
    pub h1: f64,
    /// z2 = w2·x + b2
    pub z2: f64,
    /// h2 = f(z2)
    pub h2: f64,
    /// z = v1·h1 + v2·h2 + c
    pub z: f64,
    /// a = g(z)
    pub a: f64,
}

/// One bean's cost and every factor of the chain rule, named as the lesson writes them, with the
/// seven products gradient descent uses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Gradient {
    pub forward: Forward,
    /// e = (y − a)²
    pub e: f64,
    /// de/da = −2(y − a)
    pub deda: f64,
    /// da/dz = g'(z): a(1 − a) for the sigmoid, 1 for the identity
    pub dadz: f64,
    /// dz/dv1 = h1
    pub dzdv1: f64,
    /// dz/dv2 = h2
    pub dzdv2: f64,
    /// dz/dc = 1
    pub dzdc: f64,
    /// dz/dh1 = v1
    pub dzdh1: f64,
    /// dz/dh2 = v2 (the course's printed lesson-06 code has v1 here, which is wrong)
    pub dzdh2: f64,
    /// dh1/dz1 = f'(z1)
    pub dh1dz1: f64,
    /// dh2/dz2 = f'(z2)
    pub dh2dz2: f64,
    /// dz1/dw1 = x
    pub dz1dw1: f64,
    /// dz1/db1 = 1
    pub dz1db1: f64,
    /// dz2/dw2 = x
    pub dz2dw2: f64,
    /// dz2/db2 = 1
    pub dz2db2: f64,
    /// de/dw1 = de/da · da/dz · dz/dh1 · dh1/dz1 · dz1/dw1
    pub dedw1: f64,
    /// de/db1 = de/da · da/dz · dz/dh1 · dh1/dz1 · dz1/db1
    pub dedb1: f64,
    /// de/dw2 = de/da · da/dz · dz/dh2 · dh2/dz2 · dz2/dw2
    pub dedw2: f64,
    /// de/db2 = de/da · da/dz · dz/dh2 · dh2/dz2 · dz2/db2
    pub dedb2: f64,
    /// de/dv1 = de/da · da/dz · dz/dv1
    pub dedv1: f64,
    /// de/dv2 = de/da · da/dz · dz/dv2
    pub dedv2: f64,
    /// de/dc = de/da · da/dz · dz/dc
    pub dedc: f64,
}

impl Gradient {
    /// The seven products, in the parameters' order.
    pub fn of_params(&self) -> Params {
        Params {
            w1: self.dedw1,
            b1: self.dedb1,
            w2: self.dedw2,
            b2: self.dedb2,
            v1: self.dedv1,
            v2: self.dedv2,
            c: self.dedc,
        }
    }
}

/// The 1-2-1 network: its parameters and what its two layers do with their z.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Network {
    pub params: Params,
    /// f, both hidden neurons'
    pub hidden: LayerActivation,
    /// g, the output neuron's
    pub output: LayerActivation,
}

impl Network {
    /// The lesson's network: sigmoid neurons throughout.
    pub fn sigmoid(params: Params) -> Network {
        Network { params, hidden: LayerActivation::Sigmoid, output: LayerActivation::Sigmoid }
    }

    pub fn forward(&self, x: f64) -> Forward {
        let p = &self.params;
        let z1 = linear(p.w1, p.b1, x);
        let h1 = self.hidden.apply(z1);
        let z2 = linear(p.w2, p.b2, x);
        let h2 = self.hidden.apply(z2);
        let z = p.v1 * h1 + p.v2 * h2 + p.c;
        Forward { z1, h1, z2, h2, z, a: self.output.apply(z) }
    }

    /// The network's output a for a size x.
    pub fn predict(&self, x: f64) -> f64 {
        self.forward(x).a
    }

    /// The chain rule for one bean (x, y) at the current parameters.
    pub fn gradient(&self, x: f64, y: f64) -> Gradient {
        let p = &self.params;
        let forward = self.forward(x);
        let Forward { h1, h2, a, .. } = forward;
        let deda = Cost::Mse.slope(y, a);
        let dadz = self.output.slope_at(a);
        let (dzdv1, dzdv2, dzdc) = (h1, h2, 1.0);
        let (dzdh1, dzdh2) = (p.v1, p.v2);
        let (dh1dz1, dh2dz2) = (self.hidden.slope_at(h1), self.hidden.slope_at(h2));
        let (dz1dw1, dz1db1, dz2dw2, dz2db2) = (x, 1.0, x, 1.0);
        // The factors every path shares, computed once: de/dz, then de/dz1 and de/dz2.
        let dedz = deda * dadz;
        let dedz1 = dedz * dzdh1 * dh1dz1;
        let dedz2 = dedz * dzdh2 * dh2dz2;
        Gradient {
            forward,
            e: squared_error(y, a),
            deda,
            dadz,
            dzdv1,
            dzdv2,
            dzdc,
            dzdh1,
            dzdh2,
            dh1dz1,
            dh2dz2,
            dz1dw1,
            dz1db1,
            dz2dw2,
            dz2db2,
            dedw1: dedz1 * dz1dw1,
            dedb1: dedz1 * dz1db1,
            dedw2: dedz2 * dz2dw2,
            dedb2: dedz2 * dz2db2,
            dedv1: dedz * dzdv1,
            dedv2: dedz * dzdv2,
            dedc: dedz * dzdc,
        }
    }

    /// One step of gradient descent on one bean: all seven parameters move by −α·de/dp, every
    /// de/dp from the same forward pass.
    pub fn step(&mut self, x: f64, y: f64, alpha: f64) {
        let d = self.gradient(x, y).of_params().to_array();
        let p = self.params.to_array();
        self.params = Params::from_array(std::array::from_fn(|i| p[i] - alpha * d[i]));
    }

    /// One epoch as in the lesson: a step per bean, the beans in order.
    pub fn epoch(&mut self, beans: &Beans, alpha: f64) {
        for (x, y) in beans.iter() {
            self.step(x, y, alpha);
        }
    }

    /// Up to `epochs` epochs. Stops at the first epoch that leaves a parameter infinite or NaN
    /// (α too large), keeping the parameters from that epoch's start. Returns how many completed.
    pub fn train(&mut self, beans: &Beans, alpha: f64, epochs: u64) -> u64 {
        for done in 0..epochs {
            let start = self.params;
            self.epoch(beans, alpha);
            if !self.params.is_finite() {
                self.params = start;
                return done;
            }
        }
        epochs
    }

    /// The seven derivatives by definition (the lesson's 定义法): each parameter nudged by ±h,
    /// de/dp ≈ (e(p + h) − e(p − h)) / 2h, through the forward pass alone. With h = 1e-6 this agrees
    /// with `gradient` to about 1e-8 (see the tests).
    pub fn numeric_gradient(&self, x: f64, y: f64) -> Params {
        const H: f64 = 1e-6;
        let p = self.params.to_array();
        let e = |q: [f64; 7]| squared_error(y, Network { params: Params::from_array(q), ..*self }.predict(x));
        Params::from_array(std::array::from_fn(|i| {
            let (mut up, mut down) = (p, p);
            up[i] += H;
            down[i] -= H;
            (e(up) - e(down)) / (2.0 * H)
        }))
    }

    /// Mean of e = (y − a)² over the beans.
    pub fn mean_cost(&self, beans: &Beans) -> f64 {
        if beans.is_empty() {
            return 0.0;
        }
        beans.iter().map(|(x, y)| squared_error(y, self.predict(x))).sum::<f64>() / beans.len() as f64
    }

    /// Share of beans on the right side of a = 0.5 (a ≥ 0.5 says toxic).
    pub fn accuracy(&self, beans: &Beans) -> f64 {
        if beans.is_empty() {
            return 0.0;
        }
        let right = beans.iter().filter(|&(x, y)| (self.predict(x) >= 0.5) == (y == 1.0)).count();
        right as f64 / beans.len() as f64
    }

    /// With linear hidden neurons, z = v1(w1·x + b1) + v2(w2·x + b2) + c is one straight line:
    /// (slope, intercept) = (v1·w1 + v2·w2, v1·b1 + v2·b2 + c). So a = slope·x + intercept when g
    /// is the identity, a = sigmoid(slope·x + intercept) when it is the sigmoid: no more than one
    /// neuron can do. None for sigmoid hidden neurons, which bend the line.
    pub fn collapsed_line(&self) -> Option<(f64, f64)> {
        let p = &self.params;
        (self.hidden == LayerActivation::Linear).then_some((p.v1 * p.w1 + p.v2 * p.w2, p.v1 * p.b1 + p.v2 * p.b2 + p.c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::trainer::{initial_params, Trainer};

    const BOTH: [LayerActivation; 2] = [LayerActivation::Linear, LayerActivation::Sigmoid];

    /// Parameters spread over [−3, 3), where sigmoids are neither flat nor linear.
    fn random_params(rng: &mut Rng) -> Params {
        Params::from_array(std::array::from_fn(|_| 6.0 * rng.uniform() - 3.0))
    }

    #[test]
    fn linear_hidden_neurons_collapse_to_one_line() {
        let mut rng = Rng::new(21);
        for _ in 0..500 {
            let params = random_params(&mut rng);
            for output in BOTH {
                let net = Network { params, hidden: LayerActivation::Linear, output };
                let (slope, intercept) = net.collapsed_line().unwrap();
                for _ in 0..10 {
                    let x = 2.0 * rng.uniform();
                    let f = net.forward(x);
                    let line = linear(slope, intercept, x);
                    assert!((f.z - line).abs() < 1e-12, "{params:?} x = {x}: z = {} vs {line}", f.z);
                    if output == LayerActivation::Linear {
                        assert!((f.a - line).abs() < 1e-12, "{params:?} x = {x}: a = {} vs {line}", f.a);
                    }
                }
            }
            assert_eq!(Network::sigmoid(params).collapsed_line(), None);
        }
    }

    /// e as a function of the seven parameters, through the forward pass alone.
    fn cost_at(net: &Network, p: [f64; 7], x: f64, y: f64) -> f64 {
        squared_error(y, Network { params: Params::from_array(p), ..*net }.predict(x))
    }

    #[test]
    fn every_gradient_is_the_central_difference_of_e() {
        // With h = 1e-6 the central difference is off by its truncation, h²·|e'''|/6 ≈ 1e-12 here,
        // and by rounding, ε·|e|/h: ≈ 2e-10 while a sigmoid output keeps e ≤ 1, ≈ 1e-7 where a
        // linear output lets e reach several hundred (and de/dp is as large). Measured, the worst
        // of all these cases is 1e-8 relative; 1e-6 · (1 + |de/dp|) keeps a margin of 100 over it,
        // while a wrong factor (v1 for v2) is off by more than 1e-3 (see the next test).
        let h = 1e-6;
        let mut rng = Rng::new(5);
        for hidden in BOTH {
            for output in BOTH {
                for case in 0..200 {
                    let net = Network { params: random_params(&mut rng), hidden, output };
                    let (x, y) = (2.0 * rng.uniform(), (case % 2) as f64);
                    let g = net.gradient(x, y);
                    let p = net.params.to_array();
                    for (i, (&analytic, name)) in g.of_params().to_array().iter().zip(Params::NAMES).enumerate() {
                        let (mut up, mut down) = (p, p);
                        up[i] += h;
                        down[i] -= h;
                        let numeric = (cost_at(&net, up, x, y) - cost_at(&net, down, x, y)) / (2.0 * h);
                        assert!(
                            (analytic - numeric).abs() <= 1e-6 * (1.0 + numeric.abs()),
                            "{hidden:?}/{output:?} de/d{name} = {analytic}, difference {numeric} at {:?} x = {x} y = {y}",
                            net.params
                        );
                    }
                    assert_eq!(g.e, cost_at(&net, p, x, y));
                    let by_definition = net.numeric_gradient(x, y).to_array();
                    for (a, n) in g.of_params().to_array().iter().zip(by_definition) {
                        assert!((a - n).abs() <= 1e-6 * (1.0 + n.abs()), "{hidden:?}/{output:?}: {a} vs {n}");
                    }
                }
            }
        }
    }

    #[test]
    fn products_are_the_named_factors_and_v2_not_v1() {
        let net = Network::sigmoid(Params { w1: 1.5, b1: -0.7, w2: -2.0, b2: 2.2, v1: 3.0, v2: -2.5, c: 0.4 });
        let (x, y) = (0.9, 1.0);
        let g = net.gradient(x, y);
        let f = g.forward;
        assert_eq!((g.deda, g.dadz), (-2.0 * (y - f.a), f.a * (1.0 - f.a)));
        assert_eq!((g.dzdh1, g.dzdh2, g.dzdv1, g.dzdv2, g.dzdc), (3.0, -2.5, f.h1, f.h2, 1.0));
        assert_eq!((g.dh1dz1, g.dh2dz2), (f.h1 * (1.0 - f.h1), f.h2 * (1.0 - f.h2)));
        assert_eq!((g.dz1dw1, g.dz1db1, g.dz2dw2, g.dz2db2), (x, 1.0, x, 1.0));
        assert_eq!(g.dedw1, g.deda * g.dadz * g.dzdh1 * g.dh1dz1 * g.dz1dw1);
        assert_eq!(g.dedb1, g.deda * g.dadz * g.dzdh1 * g.dh1dz1 * g.dz1db1);
        assert_eq!(g.dedw2, g.deda * g.dadz * g.dzdh2 * g.dh2dz2 * g.dz2dw2);
        assert_eq!(g.dedb2, g.deda * g.dadz * g.dzdh2 * g.dh2dz2 * g.dz2db2);
        assert_eq!((g.dedv1, g.dedv2, g.dedc), (g.deda * g.dadz * f.h1, g.deda * g.dadz * f.h2, g.deda * g.dadz));
        // The course's printed code takes dz/dh2 = v1: with v1 ≠ v2 that is not the derivative.
        let printed = g.deda * g.dadz * net.params.v1 * g.dh2dz2 * x;
        let h = 1e-6;
        let p = net.params.to_array();
        let (mut up, mut down) = (p, p);
        up[2] += h;
        down[2] -= h;
        let numeric = (cost_at(&net, up, x, y) - cost_at(&net, down, x, y)) / (2.0 * h);
        assert!((g.dedw2 - numeric).abs() < 1e-8);
        assert!((printed - numeric).abs() > 1e-3, "{printed} vs {numeric}");
    }

    /// The lesson's loop for the 1-2-1 network written out plainly, as in the course's Python (with
    /// the chain rule's v2 for the second hidden neuron).
    fn plain_loop(xs: &[f64], ys: &[f64], p: [f64; 7], alpha: f64, epochs: u64, sigmoid_hidden: bool) -> [f64; 7] {
        let [mut w1, mut b1, mut w2, mut b2, mut v1, mut v2, mut c] = p;
        let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
        for _ in 0..epochs {
            for i in 0..xs.len() {
                let (x, y) = (xs[i], ys[i]);
                let (z1, z2) = (w1 * x + b1, w2 * x + b2);
                let (h1, h2) = if sigmoid_hidden { (sig(z1), sig(z2)) } else { (z1, z2) };
                let a = sig(v1 * h1 + v2 * h2 + c);
                let deda = -2.0 * (y - a);
                let dadz = a * (1.0 - a);
                let (dh1dz1, dh2dz2) = if sigmoid_hidden { (h1 * (1.0 - h1), h2 * (1.0 - h2)) } else { (1.0, 1.0) };
                let dedz1 = deda * dadz * v1 * dh1dz1;
                let dedz2 = deda * dadz * v2 * dh2dz2;
                w1 -= alpha * dedz1 * x;
                b1 -= alpha * dedz1;
                w2 -= alpha * dedz2 * x;
                b2 -= alpha * dedz2;
                v1 -= alpha * deda * dadz * h1;
                v2 -= alpha * deda * dadz * h2;
                c -= alpha * deda * dadz;
            }
        }
        [w1, b1, w2, b2, v1, v2, c]
    }

    #[test]
    fn training_equals_the_plain_lesson_loop() {
        for seed in [0u64, 1, 2] {
            let beans = Beans::middle(seed, 100);
            for (hidden, alpha) in
                [(LayerActivation::Sigmoid, 0.03), (LayerActivation::Sigmoid, 0.3), (LayerActivation::Linear, 0.03)]
            {
                let start = Params::initial(seed);
                let mut net = Network { params: start, hidden, output: LayerActivation::Sigmoid };
                assert_eq!(net.train(&beans, alpha, 200), 200);
                let plain = plain_loop(
                    beans.xs(),
                    beans.ys(),
                    start.to_array(),
                    alpha,
                    200,
                    hidden == LayerActivation::Sigmoid,
                );
                for ((got, want), name) in net.params.to_array().iter().zip(plain).zip(Params::NAMES) {
                    assert!((got - want).abs() < 1e-12, "seed {seed} {hidden:?} α = {alpha}: {name} {got} vs {want}");
                }
            }
        }
    }

    #[test]
    fn initial_parameters_are_uniform_in_the_unit_interval_and_seeded() {
        for seed in 0..50 {
            let p = Params::initial(seed).to_array();
            assert!(p.iter().all(|v| (0.0..1.0).contains(v)), "seed {seed}: {p:?}");
            assert_eq!(Params::initial(seed), Params::initial(seed));
        }
        assert_ne!(Params::initial(1), Params::initial(2));
        let p = Params::initial(3);
        assert_eq!(Params::from_array(p.to_array()), p);
    }

    /// The most beans any one border gets right: "toxic below the cut" or "toxic above it", the cut
    /// anywhere. A single neuron's a = sigmoid(w·x + b) only rises or only falls with x, so its
    /// a ≥ 0.5 is such a rule, and it can do no better.
    fn best_single_border(beans: &Beans) -> usize {
        let ys = beans.ys();
        (0..=ys.len())
            .map(|k| {
                let toxic_below =
                    ys[..k].iter().filter(|&&y| y == 1.0).count() + ys[k..].iter().filter(|&&y| y == 0.0).count();
                toxic_below.max(ys.len() - toxic_below)
            })
            .max()
            .unwrap_or(0)
    }

    /// α and epochs for the lesson's sigmoid network on 100 middle beans: with α = 0.3 the network
    /// passes 95% within 300 epochs on every seed from 0 to 11 and ends 1000 epochs at 97-100%. The
    /// course's α = 0.03 also gets there, but some seeds (3 and 5) need about 3000 epochs.
    const ALPHA: f64 = 0.3;
    const EPOCHS: u64 = 1000;
    const SEEDS: [u64; 4] = [0, 1, 2, 3];

    #[test]
    fn the_network_learns_what_one_neuron_cannot() {
        for seed in SEEDS {
            let beans = Beans::middle(seed, 100);
            let mut net = Network::sigmoid(Params::initial(seed));
            let start = net.mean_cost(&beans);
            assert_eq!(net.train(&beans, ALPHA, EPOCHS), EPOCHS);
            let accuracy = net.accuracy(&beans);
            assert!(accuracy >= 0.95, "seed {seed}: network accuracy {accuracy}");
            assert!(net.mean_cost(&beans) < start / 5.0, "seed {seed}: cost {start} → {}", net.mean_cost(&beans));

            // One neuron: the best one-border rule is the ceiling, well below the network.
            let ceiling = best_single_border(&beans);
            assert!(ceiling <= 90, "seed {seed}: one border gets {ceiling} beans right");
            let right =
                |w: f64, b: f64| beans.iter().filter(|&(x, y)| (sigmoid(linear(w, b, x)) >= 0.5) == (y == 1.0)).count();
            let grid = (-40..=40).flat_map(|w| (-60..=60).map(move |b| (w as f64 / 2.0, b as f64 / 2.0)));
            let scanned = grid.map(|(w, b)| right(w, b)).max().unwrap();
            // The grid reaches (nearly) the ceiling: it is what one neuron really gets, no less.
            assert!(scanned <= ceiling && scanned + 2 >= ceiling, "seed {seed}: grid {scanned}, one border {ceiling}");
            let (w0, b0) = initial_params(seed);
            let mut single = Trainer::new(beans.clone(), w0, b0, ALPHA);
            single.train_epochs(5000);
            let trained = (single.accuracy() * 100.0).round() as usize;
            assert!(trained <= ceiling, "seed {seed}: trained neuron {trained} > {ceiling}");
            assert!(
                accuracy * 100.0 >= ceiling as f64 + 5.0,
                "seed {seed}: network {accuracy} vs one border {ceiling}"
            );
        }
    }

    #[test]
    fn too_large_a_step_stops_with_the_last_finite_parameters() {
        let beans = Beans::middle(1, 40);
        let params = Params { w1: 3.0, b1: 1.0, w2: -2.0, b2: 2.0, v1: 4.0, v2: 3.0, c: 1.0 };
        let mut net = Network { params, hidden: LayerActivation::Linear, output: LayerActivation::Linear };
        let done = net.train(&beans, 5.0, 50);
        assert!(done < 50, "diverges");
        assert!(net.params.is_finite());
        let mut replay = Network { params, ..net };
        replay.train(&beans, 5.0, done);
        assert_eq!(replay.params, net.params, "stopped at the start of the epoch that blew up");
    }

    #[test]
    fn activation_keys_round_trip() {
        for a in BOTH {
            assert_eq!(LayerActivation::from_key(a.key()), Some(a));
        }
        assert_eq!(LayerActivation::from_key("identity"), Some(LayerActivation::Linear));
        assert_eq!(LayerActivation::from_key("relu"), None);
    }
}

//! The lesson's training loop, runnable a bean, an epoch or k epochs at a time.

use crate::model::beans::Beans;
use crate::model::costbound::CostBound;
use crate::model::epoch::epoch;
use crate::model::history::History;
#[cfg(test)]
use crate::model::neuron::Logistic;
use crate::model::neuron::{linear, Activation, Chain, Cost};

/// How many points the cost curve and the (w, b) path keep at most (see History).
pub const HISTORY_CAP: usize = 2048;

/// A mean cost beyond this counts as diverged (squared error never exceeds 1; cross-entropy only
/// gets here when w and b have run far off).
pub const COST_EXPLODES: f64 = 1e6;

/// The lesson's loop written out plainly, as in the course's Python: the reference the Trainer is
/// checked against, and the benchmark's baseline.
pub fn lesson_loop(xs: &[f64], ys: &[f64], mut w: f64, mut b: f64, alpha: f64, epochs: u64) -> (f64, f64) {
    for _ in 0..epochs {
        for i in 0..xs.len() {
            let a = 1.0 / (1.0 + (-(w * xs[i] + b)).exp());
            let deda = -2.0 * (ys[i] - a);
            let dadz = a * (1.0 - a);
            w -= alpha * deda * dadz * xs[i];
            b -= alpha * deda * dadz;
        }
    }
    (w, b)
}

/// The lesson's starting point: w, b ~ N(0, 1), drawn from the seed (a stream apart from the beans').
pub fn initial_params(seed: u64) -> (f64, f64) {
    let mut rng = crate::model::rng::Rng::new(seed ^ 0x5_EED0_FB0B);
    (rng.normal(), rng.normal())
}

#[derive(Clone, Debug)]
pub struct Trainer {
    beans: Beans,
    w: f64,
    b: f64,
    alpha: f64,
    activation: Activation,
    cost_fn: Cost,
    epoch: u64,
    /// Index of the bean the next step will use.
    next: usize,
    cost: History<f64>,
    path: History<(f64, f64)>,
    /// Where w and b stood at the start of the current epoch: the state to fall back to.
    last_good: (f64, f64),
    diverged_at: Option<u64>,
    /// The last point set by hand (w, b, epoch): training since then is reproducible from it.
    origin: (f64, f64, u64),
    /// The epoch a run was set going to (0: none). The cost chart's epoch axis reaches it from
    /// the start, so it does not rescale under the eye while the run goes on.
    goal: u64,
}

impl Trainer {
    pub fn new(beans: Beans, w: f64, b: f64, alpha: f64) -> Trainer {
        let mut t = Trainer {
            beans,
            w,
            b,
            alpha,
            activation: Activation::Sigmoid,
            cost_fn: Cost::Mse,
            epoch: 0,
            next: 0,
            cost: History::new(HISTORY_CAP),
            path: History::new(HISTORY_CAP),
            last_good: (w, b),
            diverged_at: None,
            origin: (w, b, 0),
            goal: 0,
        };
        t.record(None);
        t
    }

    /// Forward pass, chain rule and update for the next bean, as in the lesson:
    /// w −= α·de/dw, b −= α·de/db. Returns false (and moves nothing) once training has diverged.
    pub fn step_bean(&mut self) -> bool {
        if self.diverged_at.is_some() || self.beans.is_empty() {
            return false;
        }
        let (x, y) = (self.beans.xs()[self.next], self.beans.ys()[self.next]);
        let c = Chain::new(self.w, self.b, x, y, self.activation, self.cost_fn);
        let (w, b) = (self.w - self.alpha * c.dedw, self.b - self.alpha * c.dedb);
        if !(w.is_finite() && b.is_finite()) {
            self.diverge();
            return false;
        }
        self.w = w;
        self.b = b;
        self.next += 1;
        if self.next == self.beans.len() {
            self.next = 0;
            return self.end_epoch(None);
        }
        true
    }

    /// Finishes the current epoch (a whole epoch when at its start).
    pub fn step_epoch(&mut self) -> bool {
        self.run_epoch(None)
    }

    /// step_epoch, in a run where more epochs follow: with a bound, the epoch's cost is computed
    /// only if the history keeps it or the bound cannot rule out a divergence.
    fn run_epoch(&mut self, defer: Option<CostBound>) -> bool {
        if self.next != 0 {
            while self.step_bean() {
                if self.next == 0 {
                    return true;
                }
            }
            return false;
        }
        if self.diverged_at.is_some() || self.beans.is_empty() {
            return false;
        }
        // A whole epoch at once: the same steps as bean by bean, checked once at the end (a
        // non-finite w or b stays non-finite, and the fallback is the epoch's start either way).
        let (w, b) = epoch(self.w, self.b, self.beans.xs(), self.beans.ys(), self.alpha, self.activation, self.cost_fn);
        if !(w.is_finite() && b.is_finite()) {
            self.diverge();
            return false;
        }
        self.w = w;
        self.b = b;
        self.end_epoch(defer)
    }

    /// Counts the epoch just completed and records it; false (and back one epoch) if its cost diverged.
    fn end_epoch(&mut self, defer: Option<CostBound>) -> bool {
        self.epoch += 1;
        self.record(defer);
        if self.diverged_at.is_some() {
            self.epoch -= 1;
            return false;
        }
        self.last_good = (self.w, self.b);
        true
    }

    /// Runs k epochs; stops early if training diverges. Returns how many completed.
    pub fn train_epochs(&mut self, k: u64) -> u64 {
        let bound = CostBound::new(&self.beans, self.activation, self.cost_fn);
        let done = (0..k).take_while(|&i| self.run_epoch(bound.filter(|_| i + 1 < k))).count() as u64;
        self.settle();
        done
    }

    fn diverge(&mut self) {
        self.diverged_at = Some(self.epoch);
        (self.w, self.b) = self.last_good;
        self.next = 0;
    }

    /// Goes back to the last good state after a divergence, so training can go on with a smaller α.
    pub fn recover(&mut self) {
        self.diverged_at = None;
    }

    /// Records the cost and (w, b) at the current epoch, or diverges if the cost is out of bounds.
    /// With `defer`, a point the next epoch will replace anyway (see History::keeps) gets a
    /// placeholder cost when the bound shows it cannot diverge (with room for rounding): in a long
    /// run most epochs are such, and computing their cost takes about as long as training them.
    fn record(&mut self, defer: Option<CostBound>) {
        if let Some(bound) = defer {
            if !self.cost.keeps(self.epoch) && bound.at(self.w, self.b) <= COST_EXPLODES / 2.0 {
                self.cost.push(self.epoch, f64::NAN);
                self.path.push(self.epoch, (self.w, self.b));
                return;
            }
        }
        let cost = self.mean_cost();
        if !cost.is_finite() || cost > COST_EXPLODES {
            self.diverge();
            return;
        }
        self.cost.push(self.epoch, cost);
        self.path.push(self.epoch, (self.w, self.b));
    }

    /// The newest cost point is a placeholder still to be computed (real costs are never NaN: a
    /// non-finite cost is a divergence).
    fn deferred(&self) -> bool {
        self.cost.last().is_some_and(|(_, c)| c.is_nan())
    }

    /// Computes a deferred cost: the newest point's, at its (w, b).
    fn settle(&mut self) {
        if let (true, Some((epoch, (w, b)))) = (self.deferred(), self.path.last()) {
            // The placeholder is off-stride: pushing its epoch again replaces it.
            let cost = self.mean_cost_at(w, b);
            self.cost.push(epoch, cost);
        }
    }

    /// Moves the neuron to (w, b); training goes on from there.
    pub fn set_params(&mut self, w: f64, b: f64) {
        if w.is_finite() && b.is_finite() {
            self.w = w;
            self.b = b;
            self.last_good = (w, b);
            self.diverged_at = None;
            self.origin = (w, b, self.epoch);
            // The charts show the state they draw: the cost curve's newest point is the cost here,
            // and the landscape's path, which shows training steps only, starts again here.
            let cost = self.mean_cost();
            self.cost.set_last(self.epoch, cost);
            self.path.clear();
            self.path.push(self.epoch, (w, b));
        }
    }

    pub fn set_alpha(&mut self, alpha: f64) {
        if alpha.is_finite() && alpha > 0.0 {
            self.alpha = alpha;
            self.diverged_at = None;
        }
    }

    /// A new activation or cost changes what the cost curve measures: it starts again from here.
    pub fn set_activation(&mut self, activation: Activation) {
        if activation != self.activation {
            self.activation = activation;
            self.restart_history();
        }
    }

    pub fn set_cost(&mut self, cost: Cost) {
        if cost != self.cost_fn {
            self.cost_fn = cost;
            self.restart_history();
        }
    }

    fn restart_history(&mut self) {
        self.cost.clear();
        self.path.clear();
        self.record(None);
    }

    pub fn cost_fn(&self) -> Cost {
        self.cost_fn
    }

    /// Starts over from (w, b) at epoch 0 with an empty history.
    pub fn restart(&mut self, w: f64, b: f64) {
        *self = Trainer {
            activation: self.activation,
            cost_fn: self.cost_fn,
            ..Trainer::new(self.beans.clone(), w, b, self.alpha)
        };
        self.restart_history();
    }

    /// New beans; training restarts from (w, b).
    pub fn set_beans(&mut self, beans: Beans, w: f64, b: f64) {
        self.beans = beans;
        self.restart(w, b);
    }

    /// Other beans under the same neuron: training restarts from the current w and b.
    pub fn replace_beans(&mut self, beans: Beans) {
        let (w, b) = (self.w, self.b);
        self.set_beans(beans, w, b);
    }

    pub fn w(&self) -> f64 {
        self.w
    }
    pub fn b(&self) -> f64 {
        self.b
    }
    pub fn alpha(&self) -> f64 {
        self.alpha
    }
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// Heads the run for `epoch` (the cost chart's axis then reaches it); a restart forgets it.
    pub fn set_goal(&mut self, epoch: u64) {
        self.goal = epoch;
    }

    pub fn goal(&self) -> u64 {
        self.goal
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    /// Index of the bean the next step uses.
    pub fn next_bean(&self) -> usize {
        self.next
    }
    pub fn beans(&self) -> &Beans {
        &self.beans
    }
    pub fn cost_history(&self) -> &History<f64> {
        &self.cost
    }
    pub fn path(&self) -> &History<(f64, f64)> {
        &self.path
    }
    pub fn diverged_at(&self) -> Option<u64> {
        self.diverged_at
    }
    /// Where w and b were last set by hand, and at which epoch.
    pub fn origin(&self) -> (f64, f64, u64) {
        self.origin
    }

    /// The neuron's output for a size x.
    pub fn predict(&self, x: f64) -> f64 {
        self.activation.apply(linear(self.w, self.b, x))
    }

    /// Mean cost over all beans ((y − a)² in the lesson).
    pub fn mean_cost(&self) -> f64 {
        self.mean_cost_at(self.w, self.b)
    }

    fn mean_cost_at(&self, w: f64, b: f64) -> f64 {
        if self.beans.is_empty() {
            return 0.0;
        }
        let each = |(x, y): (f64, f64)| {
            let z = linear(w, b, x);
            self.cost_fn.value(y, z, self.activation.apply(z), self.activation)
        };
        self.beans.iter().map(each).sum::<f64>() / self.beans.len() as f64
    }

    /// Share of beans on the right side of a = 0.5.
    pub fn accuracy(&self) -> f64 {
        if self.beans.is_empty() {
            return 0.0;
        }
        let half = self.activation.top() / 2.0;
        let right = self.beans.iter().filter(|&(x, y)| (self.predict(x) >= half) == (y == 1.0)).count();
        right as f64 / self.beans.len() as f64
    }

    /// The decision boundary x = −b/w where z = 0 and a = 0.5 (for the logistic family, where
    /// z = x0 and a = L/2); none when w = 0.
    pub fn boundary(&self) -> Option<f64> {
        let z0 = self.activation.shape().map_or(0.0, |s| s.x0);
        (self.w != 0.0).then(|| (z0 - self.b) / self.w).filter(|x| x.is_finite())
    }

    /// The chain rule for bean i at the current w and b.
    /// The bean whose chain rule says the most: the largest |de/dw| now (the first on ties).
    pub fn steepest_bean(&self) -> Option<usize> {
        let slope = |i: usize| self.chain(i).map_or(0.0, |c| c.dedw.abs());
        (0..self.beans.len()).reduce(|best, i| if slope(i) > slope(best) { i } else { best })
    }

    /// The beans' sizes either side of the gap between the classes, when every safe bean is
    /// smaller than every toxic one: the largest safe and the smallest toxic. A fit's boundary
    /// settles in between.
    pub fn class_gap(&self) -> Option<(f64, f64)> {
        let safe = self.beans.iter().filter(|b| b.1 == 0.0).map(|b| b.0).fold(f64::NEG_INFINITY, f64::max);
        let toxic = self.beans.iter().filter(|b| b.1 == 1.0).map(|b| b.0).fold(f64::INFINITY, f64::min);
        (safe.is_finite() && toxic.is_finite() && safe < toxic).then_some((safe, toxic))
    }

    pub fn chain(&self, i: usize) -> Option<Chain> {
        (i < self.beans.len())
            .then(|| Chain::new(self.w, self.b, self.beans.xs()[i], self.beans.ys()[i], self.activation, self.cost_fn))
    }

    /// The lesson's 定义法 for bean i: de/dw and de/db as central difference quotients of its cost.
    pub fn numeric_gradient(&self, i: usize) -> Option<(f64, f64)> {
        let (x, y) = (*self.beans.xs().get(i)?, self.beans.ys()[i]);
        let e = |w: f64, b: f64| Chain::new(w, b, x, y, self.activation, self.cost_fn).e;
        let h = 1e-6;
        Some((
            (e(self.w + h, self.b) - e(self.w - h, self.b)) / (2.0 * h),
            (e(self.w, self.b + h) - e(self.w, self.b - h)) / (2.0 * h),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::beans::COURSE_BORDER;
    use crate::model::rng::Rng;

    #[test]
    fn equals_the_plain_lesson_loop() {
        for seed in [0u64, 1, 2, 77] {
            let beans = Beans::course(seed, 100);
            let mut rng = Rng::new(seed ^ 0xABCD);
            let (w0, b0) = (rng.normal(), rng.normal());
            let mut t = Trainer::new(beans.clone(), w0, b0, 0.05);
            assert_eq!(t.train_epochs(300), 300);
            let (w, b) = lesson_loop(beans.xs(), beans.ys(), w0, b0, 0.05, 300);
            assert!((t.w() - w).abs() < 1e-12 && (t.b() - b).abs() < 1e-12, "{} {} vs {w} {b}", t.w(), t.b());
            assert_eq!(t.epoch(), 300);
        }
    }

    #[test]
    fn bean_by_bean_equals_epoch_at_once() {
        let beans = Beans::course(5, 40);
        let mut a = Trainer::new(beans.clone(), 0.3, -0.1, 0.5);
        let mut b = Trainer::new(beans, 0.3, -0.1, 0.5);
        for _ in 0..40 * 3 {
            a.step_bean();
        }
        b.train_epochs(3);
        assert_eq!((a.w(), a.b(), a.epoch()), (b.w(), b.b(), b.epoch()));
        assert_eq!(a.cost_history().len(), 4);
    }

    #[test]
    fn a_thousand_epochs_fit_the_beans() {
        for seed in [0u64, 1, 2, 3, 4, 5] {
            let beans = Beans::course(seed, 100);
            let mut rng = Rng::new(seed);
            let mut t = Trainer::new(beans, rng.normal(), rng.normal(), 0.05);
            let start = t.mean_cost();
            t.train_epochs(1000);
            assert!(t.accuracy() >= 0.97, "seed {seed}: accuracy {}", t.accuracy());
            let x = t.boundary().unwrap();
            assert!((x - COURSE_BORDER).abs() < 0.04, "seed {seed}: boundary {x}");
            assert!(t.mean_cost() < start, "cost did not fall");
            let costs = t.cost_history().points();
            assert_eq!(costs.first().unwrap().0, 0);
            assert_eq!(costs.last().unwrap().0, 1000);
        }
    }

    #[test]
    fn step_activation_cannot_move() {
        let mut t = Trainer::new(Beans::course(1, 100), 0.4, -0.3, 0.05);
        t.set_activation(Activation::Step);
        let cost = t.mean_cost();
        assert_eq!(t.cost_history().points(), &[(0, cost)], "the curve restarts with the new activation");
        t.train_epochs(100);
        assert_eq!((t.w(), t.b()), (0.4, -0.3));
        assert!(t.cost_history().points().iter().all(|p| p.1 == cost));
        assert_eq!(t.epoch(), 100);
    }

    #[test]
    fn moving_the_neuron_mid_run_continues_from_there() {
        let mut t = Trainer::new(Beans::course(1, 100), 0.0, 0.0, 0.05);
        t.train_epochs(5);
        t.set_params(8.0, -3.0);
        assert_eq!(t.epoch(), 5);
        t.step_epoch();
        assert_eq!(t.epoch(), 6);
        assert!((t.w() - 8.0).abs() < 1.0);
    }

    #[test]
    fn divergence_stops_and_keeps_the_last_good_state() {
        let mut t = Trainer::new(Beans::course(1, 100), 1e300, -1e300, 10.0);
        t.set_cost(Cost::Ce);
        t.set_params(1e300, -1e300);
        // Cross-entropy at w = 1e300 is astronomically large: the run stops at once.
        assert_eq!(t.train_epochs(5), 0);
        assert_eq!(t.diverged_at(), Some(1));
        assert_eq!((t.w(), t.b(), t.epoch()), (1e300, -1e300, 0), "back to where the epoch started");
        assert!(t.w().is_finite() && t.b().is_finite());
        assert!(!t.step_bean(), "no steps after a divergence");
        t.recover();
        t.set_params(0.0, 0.0);
        assert_eq!(t.train_epochs(3), 3);
        assert!(t.mean_cost().is_finite());
    }

    #[test]
    fn huge_parameters_never_give_nan() {
        for (w, b) in [(1e300, 1e300), (-1e300, 1e300), (f64::MAX, 0.0)] {
            let mut t = Trainer::new(Beans::course(2, 50), w, b, 10.0);
            t.train_epochs(3);
            assert!(t.w().is_finite() && t.b().is_finite() && t.mean_cost().is_finite());
            assert!(t.accuracy().is_finite());
        }
    }

    /// Everything a run leaves: where it stands and both histories.
    type State = (f64, f64, u64, usize, Option<u64>, Vec<(u64, f64)>, Vec<(u64, (f64, f64))>);

    fn state(t: &Trainer) -> State {
        (
            t.w(),
            t.b(),
            t.epoch(),
            t.next_bean(),
            t.diverged_at(),
            t.cost_history().points().to_vec(),
            t.path().points().to_vec(),
        )
    }

    #[test]
    fn a_long_run_leaves_what_epoch_by_epoch_leaves() {
        let cases = [
            (Activation::Sigmoid, Cost::Mse, 0.5),
            (Activation::Sigmoid, Cost::Ce, 0.5),
            (Activation::Step, Cost::Mse, 0.5),
            (Activation::Sigmoid, Cost::Ce, 1e303),
        ];
        for (act, cost, alpha) in cases {
            let make = || {
                let mut t = Trainer::new(Beans::course(3, 12), 0.4, -0.3, alpha);
                t.set_activation(act);
                t.set_cost(cost);
                t
            };
            let (mut long, mut short) = (make(), make());
            // Past the history's cap, so points get thinned; then an odd start mid-epoch.
            for k in [5000u64, 3, 1, 0] {
                let done = long.train_epochs(k);
                let done_short = (0..k).take_while(|_| short.train_epochs(1) == 1).count() as u64;
                assert_eq!(done, done_short, "{act:?} {cost:?} α = {alpha}");
                assert_eq!(state(&long), state(&short), "{act:?} {cost:?} α = {alpha}");
                long.step_bean();
                short.step_bean();
            }
        }
        let mut t = Trainer::new(Beans::course(3, 12), 0.4, -0.3, 1e303);
        t.set_cost(Cost::Ce);
        assert!(t.train_epochs(10) < 10 && t.diverged_at().is_some(), "the last case diverges");
    }

    #[test]
    fn a_divergence_right_after_a_deferred_cost_still_leaves_that_cost() {
        let make = || {
            let mut t = Trainer::new(Beans::course(3, 12), 0.4, -0.3, 0.5);
            t.set_cost(Cost::Ce);
            // Past the history's cap: the stride is 2, and epoch 3001 is off it.
            t.train_epochs(3000);
            t
        };
        let (mut lazy, mut eager) = (make(), make());
        let bound = CostBound::new(lazy.beans(), lazy.activation(), lazy.cost_fn());
        assert!(lazy.run_epoch(bound) && eager.run_epoch(None));
        assert!(lazy.deferred() && lazy.cost_history().last().unwrap().1.is_nan());
        // The next epoch blows up (as if within one run).
        lazy.alpha = 1e303;
        eager.alpha = 1e303;
        assert!(!lazy.run_epoch(bound) && !eager.run_epoch(None));
        lazy.settle();
        assert_eq!(lazy.diverged_at(), Some(3002));
        assert_eq!(state(&lazy), state(&eager));
    }

    #[test]
    fn history_is_bounded_in_long_runs() {
        let mut t = Trainer::new(Beans::course(1, 2), 0.0, 0.0, 0.05);
        t.train_epochs(200_000);
        assert!(t.cost_history().len() <= HISTORY_CAP + 1);
        assert!(t.path().len() <= HISTORY_CAP + 1);
        assert_eq!(t.cost_history().last().unwrap().0, 200_000);
    }

    #[test]
    fn a_hand_move_redraws_the_newest_cost_and_restarts_the_path() {
        let mut t = Trainer::new(Beans::course(1, 100), 0.0, 0.0, 0.05);
        t.set_params(5.0, -5.0);
        assert_eq!(t.cost_history().points(), &[(0, t.mean_cost())], "the epoch-0 point is the cost shown");
        let before = t.mean_cost();
        t.step_epoch();
        let (_, after) = t.cost_history().last().unwrap();
        assert!(after < before, "one epoch later the drawn cost falls: {before} -> {after}");
        t.set_params(1.0, 0.0);
        assert_eq!(t.path().points(), &[(1, (1.0, 0.0))], "the path holds training steps only");
        assert_eq!(t.cost_history().points().len(), 2);
    }

    #[test]
    fn the_steepest_bean_and_the_class_gap() {
        let t = Trainer::new(Beans::course(1, 100), -0.067, 1.071, 0.05);
        let i = t.steepest_bean().unwrap();
        let top = t.chain(i).unwrap().dedw.abs();
        assert!(top > 0.01 && (0..100).all(|j| t.chain(j).unwrap().dedw.abs() <= top));
        let (safe, toxic) = t.class_gap().unwrap();
        assert!(safe < toxic && (0.35..0.45).contains(&safe), "{safe} {toxic}");
        let mixed = Trainer::new(Beans::from_pairs(vec![(0.1, 1.0), (0.2, 0.0)]), 0.0, 0.0, 0.1);
        assert_eq!(mixed.class_gap(), None);
    }

    #[test]
    fn chain_rule_agrees_with_the_definition_for_every_bean() {
        for (act, cost) in [(Activation::Sigmoid, Cost::Mse), (Activation::Sigmoid, Cost::Ce)] {
            let mut t = Trainer::new(Beans::course(4, 30), 2.0, -1.0, 0.05);
            t.set_activation(act);
            t.set_cost(cost);
            for i in 0..30 {
                let c = t.chain(i).unwrap();
                let (nw, nb) = t.numeric_gradient(i).unwrap();
                assert!((c.dedw - nw).abs() < 1e-6 && (c.dedb - nb).abs() < 1e-6, "{act:?} {cost:?} bean {i}");
            }
        }
        assert!(Trainer::new(Beans::course(4, 30), 2.0, -1.0, 0.05).chain(30).is_none());
    }

    #[test]
    fn logistic_boundary_is_where_a_is_half_its_height() {
        let mut t =
            Trainer::new(Beans::from_pairs(vec![(0.1, 0.0), (0.2, 0.0), (0.8, 1.0), (0.9, 1.0)]), 10.0, -5.0, 0.1);
        t.set_activation(Activation::logistic(Logistic { l: 2.0, k: 1.0, x0: 1.0 }));
        let x = t.boundary().unwrap();
        assert!((x - 0.6).abs() < 1e-12);
        assert!((t.predict(x) - 1.0).abs() < 1e-12, "a = L/2 there");
        assert_eq!(t.accuracy(), 1.0);
    }

    #[test]
    fn boundary_and_accuracy() {
        let t = Trainer::new(Beans::from_pairs(vec![(0.1, 0.0), (0.2, 0.0), (0.8, 1.0), (0.9, 1.0)]), 10.0, -5.0, 0.1);
        assert_eq!(t.boundary(), Some(0.5));
        assert_eq!(t.accuracy(), 1.0);
        let t = Trainer::new(Beans::course(1, 10), 0.0, 1.0, 0.1);
        assert_eq!(t.boundary(), None);
    }
}

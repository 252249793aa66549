//! The 1-2-1 network trained as the lesson does, bean by bean: the network stage's state (where
//! training started, the epoch, the next bean, the cost after every epoch).

use crate::model::beans::Beans;
use crate::model::history::History;
use crate::model::network::{Gradient, LayerActivation, Network, Params};

/// Cost points kept (the record thins itself beyond this, as the single neuron's does).
const HISTORY: usize = 2000;

#[derive(Clone, Debug)]
pub struct NetworkRun {
    beans: Beans,
    net: Network,
    alpha: f64,
    /// Where the parameters were last set by hand, and at which epoch: reset goes back there, a
    /// link carries it.
    origin: (Params, u64),
    epoch: u64,
    next: usize,
    costs: History<f64>,
    diverged: bool,
    /// The epoch a run was set going to (0: none): the cost chart's epoch axis reaches it.
    goal: u64,
}

impl NetworkRun {
    pub fn new(beans: Beans, params: Params, hidden: LayerActivation, output: LayerActivation, alpha: f64) -> Self {
        let mut run = NetworkRun {
            beans,
            net: Network { params, hidden, output },
            alpha,
            origin: (params, 0),
            epoch: 0,
            next: 0,
            goal: 0,
            costs: History::new(HISTORY),
            diverged: false,
        };
        run.record();
        run
    }

    fn record(&mut self) {
        let cost = self.net.mean_cost(&self.beans);
        self.costs.set_last(self.epoch, cost);
    }

    pub fn beans(&self) -> &Beans {
        &self.beans
    }
    pub fn network(&self) -> &Network {
        &self.net
    }
    pub fn params(&self) -> Params {
        self.net.params
    }
    pub fn alpha(&self) -> f64 {
        self.alpha
    }
    pub fn epoch(&self) -> u64 {
        self.epoch
    }
    /// Heads the run for `epoch` (the cost chart's axis then reaches it); a reset forgets it.
    pub fn set_goal(&mut self, epoch: u64) {
        self.goal = epoch;
    }
    pub fn goal(&self) -> u64 {
        self.goal
    }
    pub fn next_bean(&self) -> usize {
        self.next
    }
    pub fn origin(&self) -> (Params, u64) {
        self.origin
    }
    pub fn cost_points(&self) -> &[(u64, f64)] {
        self.costs.points()
    }
    /// Whether the last training stopped because a parameter would have become infinite or NaN.
    pub fn diverged(&self) -> bool {
        self.diverged
    }
    pub fn mean_cost(&self) -> f64 {
        self.net.mean_cost(&self.beans)
    }
    pub fn accuracy(&self) -> f64 {
        self.net.accuracy(&self.beans)
    }

    /// Moves the network by hand; training goes on from there.
    pub fn set_params(&mut self, params: Params) {
        if params.is_finite() {
            self.net.params = params;
            self.origin = (params, self.epoch);
            self.diverged = false;
            self.record();
        }
    }

    pub fn set_alpha(&mut self, alpha: f64) {
        if alpha.is_finite() && alpha > 0.0 {
            self.alpha = alpha;
        }
    }

    /// What the hidden neurons (f) or the output (g) do; the parameters stay.
    pub fn set_layers(&mut self, hidden: LayerActivation, output: LayerActivation) {
        self.net.hidden = hidden;
        self.net.output = output;
        self.diverged = false;
        self.record();
    }

    /// One step on the next bean; false (and nothing moves) when it would leave a parameter
    /// infinite or NaN.
    pub fn step_bean(&mut self) -> bool {
        let Some((x, y)) = self.beans.iter().nth(self.next) else { return false };
        let before = self.net.params;
        self.net.step(x, y, self.alpha);
        if !self.net.params.is_finite() {
            self.net.params = before;
            self.diverged = true;
            return false;
        }
        self.next += 1;
        if self.next == self.beans.len() {
            self.next = 0;
            self.epoch += 1;
        }
        self.record();
        true
    }

    /// The rest of the current epoch (a whole one from its start).
    pub fn step_epoch(&mut self) -> bool {
        loop {
            if !self.step_bean() {
                return false;
            }
            if self.next == 0 {
                return true;
            }
        }
    }

    /// Up to k epochs; returns how many completed (fewer when training diverged).
    pub fn train_epochs(&mut self, k: u64) -> u64 {
        if self.next != 0 && !self.step_epoch() {
            return 0;
        }
        for done in 0..k {
            let before = self.net.params;
            self.net.epoch(&self.beans, self.alpha);
            if !self.net.params.is_finite() {
                self.net.params = before;
                self.diverged = true;
                return done;
            }
            self.epoch += 1;
            if self.costs.keeps(self.epoch) || done + 1 == k {
                self.record();
            }
        }
        k
    }

    /// Back to epoch 0 at the parameters last set by hand, the cost record cleared.
    pub fn reset(&mut self) {
        self.net.params = self.origin.0;
        self.origin.1 = 0;
        self.epoch = 0;
        self.next = 0;
        self.goal = 0;
        self.diverged = false;
        self.costs.clear();
        self.record();
    }

    /// Bean i's chain rule and the derivatives by definition beside it.
    pub fn chain(&self, i: usize) -> Option<(Gradient, Params)> {
        let (x, y) = self.beans.iter().nth(i)?;
        Some((self.net.gradient(x, y), self.net.numeric_gradient(x, y)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::pairs;

    fn run(seed: u64, hidden: LayerActivation) -> NetworkRun {
        let beans = pairs::linkable(&Beans::middle(seed, 100));
        NetworkRun::new(beans, Params::initial(seed), hidden, LayerActivation::Sigmoid, 0.3)
    }

    #[test]
    fn steps_and_epochs_agree_with_the_network_loop() {
        let mut a = run(29, LayerActivation::Sigmoid);
        let mut b = a.clone();
        for _ in 0..250 {
            assert!(a.step_bean());
        }
        assert_eq!((a.epoch(), a.next_bean()), (2, 50));
        assert!(a.step_epoch());
        assert_eq!((a.epoch(), a.next_bean()), (3, 0));
        assert_eq!(b.train_epochs(3), 3);
        assert_eq!(a.params(), b.params());
        let mut net = Network::sigmoid(Params::initial(29));
        net.train(a.beans(), 0.3, 3);
        assert_eq!(net.params, a.params());
        a.reset();
        assert_eq!((a.epoch(), a.params(), a.cost_points().len()), (0, Params::initial(29), 1));
    }

    /// The page's default: seed 29, 100 beans, α = 0.3 (see `the_network_learns_what_one_neuron_cannot`).
    #[test]
    fn the_default_stage_trains_past_95_percent() {
        let mut r = run(29, LayerActivation::Sigmoid);
        let start = r.mean_cost();
        let mut first = None;
        for e in 1..=1000 {
            r.train_epochs(1);
            if first.is_none() && r.accuracy() >= 0.95 {
                first = Some(e);
            }
        }
        assert!(r.accuracy() >= 0.95, "accuracy {}", r.accuracy());
        assert!(r.mean_cost() < start / 5.0);
        assert!(first.unwrap() <= 1000, "{first:?}");
        assert!(r.cost_points().len() > 100 && r.cost_points().last().unwrap().0 == 1000);
        // Linear hidden neurons: one line, one border, no more than one neuron gets.
        let mut lin = run(29, LayerActivation::Linear);
        lin.train_epochs(1000);
        assert!(lin.accuracy() < 0.9, "linear accuracy {}", lin.accuracy());
        eprintln!("seed 29: 95% at epoch {first:?}, {} after 1000; linear {}", r.accuracy(), lin.accuracy());
    }

    #[test]
    fn a_diverging_step_leaves_the_parameters_finite() {
        let beans = Beans::middle(1, 40);
        let p = Params { w1: 3.0, b1: 1.0, w2: -2.0, b2: 2.0, v1: 4.0, v2: 3.0, c: 1.0 };
        let mut r = NetworkRun::new(beans, p, LayerActivation::Linear, LayerActivation::Linear, 10.0);
        assert!(r.train_epochs(50) < 50);
        assert!(r.diverged() && r.params().is_finite());
        r.set_params(p);
        assert!(!r.diverged());
        assert_eq!(r.origin(), (p, r.epoch()));
    }
}

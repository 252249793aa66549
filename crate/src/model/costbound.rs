//! An upper bound on the mean cost that costs two multiplications instead of a pass over the
//! beans: while it stays far below the divergence threshold, an epoch cannot have diverged, and the
//! trainer need not compute the cost at every epoch of a long run.

use crate::model::beans::Beans;
use crate::model::neuron::{Activation, Cost};

#[derive(Clone, Copy, Debug)]
pub struct CostBound {
    cost: Cost,
    /// The largest |x| and |y| among the beans.
    x: f64,
    y: f64,
}

impl CostBound {
    /// None where no simple bound is known (the step, the general logistic: their costs are
    /// computed every epoch), or where a bean is not finite.
    pub fn new(beans: &Beans, act: Activation, cost: Cost) -> Option<CostBound> {
        let max_abs = |v: &[f64]| v.iter().try_fold(0.0, |m: f64, t| t.is_finite().then(|| m.max(t.abs())));
        if act != Activation::Sigmoid {
            return None;
        }
        Some(CostBound { cost, x: max_abs(beans.xs())?, y: max_abs(beans.ys())? })
    }

    /// At least the mean cost at finite (w, b); ∞ or NaN when it cannot tell.
    pub fn at(&self, w: f64, b: f64) -> f64 {
        match self.cost {
            // a is in [0, 1] (z = w·x + b is never NaN), so (y − a)² ≤ (|y| + 1)².
            Cost::Mse => (self.y + 1.0) * (self.y + 1.0),
            // y·softplus(−z) + (1 − y)·softplus(z), and softplus(t) ≤ |t| + ln 2 < |t| + 1.
            Cost::Ce => (2.0 * self.y + 1.0) * (w.abs() * self.x + b.abs() + 1.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rng::Rng;
    use crate::model::trainer::Trainer;

    #[test]
    fn never_below_the_mean_cost() {
        let mut rng = Rng::new(4);
        let beans = [Beans::course(2, 50), Beans::from_pairs(vec![(-3.0, 0.0), (0.5, 1.0), (7.0, 0.0)])];
        for beans in beans {
            for cost in [Cost::Mse, Cost::Ce] {
                let bound = CostBound::new(&beans, Activation::Sigmoid, cost).unwrap();
                let mut t = Trainer::new(beans.clone(), 0.0, 0.0, 0.1);
                t.set_cost(cost);
                for _ in 0..2000 {
                    let scale = 10f64.powf(8.0 * rng.uniform() - 2.0);
                    let (w, b) = (scale * (2.0 * rng.uniform() - 1.0), scale * (2.0 * rng.uniform() - 1.0));
                    t.set_params(w, b);
                    assert!(bound.at(w, b) >= t.mean_cost(), "{cost:?} at {w}, {b}");
                }
            }
        }
    }

    #[test]
    fn only_for_the_sigmoid() {
        let beans = Beans::course(1, 10);
        assert!(CostBound::new(&beans, Activation::Step, Cost::Mse).is_none());
        assert!(CostBound::new(&beans, Activation::Sigmoid, Cost::Ce).is_some());
        let odd = Beans::from_pairs(vec![(0.5, 1.0), (f64::INFINITY, 0.0)]);
        assert!(CostBound::new(&odd, Activation::Sigmoid, Cost::Mse).is_none());
    }
}

//! One pass of the lesson's gradient descent over all beans, the trainer's hot loop: the steps
//! `Chain` computes, bit for bit, without building a Chain (its cost and factors) for each bean or
//! checking each step.

use crate::model::neuron::{dedz, linear, Activation, Cost};

/// w and b after one step per bean in order, each w −= α·de/dw, b −= α·de/db. No check inside:
/// once w or b is infinite or NaN it stays so (every later update keeps it non-finite), so the
/// caller can tell a divergence from the result alone.
pub fn epoch(mut w: f64, mut b: f64, xs: &[f64], ys: &[f64], alpha: f64, act: Activation, cost: Cost) -> (f64, f64) {
    for (&x, &y) in xs.iter().zip(ys) {
        let d = dedz(act, cost, y, act.apply(linear(w, b, x)));
        // As in Chain: de/dw = de/dz · x, de/db = de/dz · 1.
        w -= alpha * (d * x);
        b -= alpha * d;
    }
    (w, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::beans::Beans;
    use crate::model::neuron::{Chain, Logistic};

    #[test]
    fn equals_a_chain_per_bean_bit_for_bit() {
        let beans = Beans::course(3, 60);
        let acts = [Activation::Sigmoid, Activation::Step, Activation::logistic(Logistic { l: 1.5, k: 2.0, x0: 0.3 })];
        for act in acts {
            for cost in [Cost::Mse, Cost::Ce] {
                for (w0, b0, alpha) in [(0.3, -0.2, 0.5), (8.0, -3.0, 0.05), (-40.0, 30.0, 2.0)] {
                    let (mut w, mut b) = (w0, b0);
                    for (x, y) in beans.iter() {
                        let c = Chain::new(w, b, x, y, act, cost);
                        (w, b) = (w - alpha * c.dedw, b - alpha * c.dedb);
                    }
                    let got = epoch(w0, b0, beans.xs(), beans.ys(), alpha, act, cost);
                    assert_eq!(
                        (got.0.to_bits(), got.1.to_bits()),
                        (w.to_bits(), b.to_bits()),
                        "{act:?} {cost:?} {w0} {b0}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_non_finite_start_stays_non_finite() {
        let beans = Beans::course(1, 20);
        for (w, b) in [(f64::INFINITY, 0.0), (0.0, f64::NEG_INFINITY), (f64::NAN, 1.0)] {
            for cost in [Cost::Mse, Cost::Ce] {
                let (w, b) = epoch(w, b, beans.xs(), beans.ys(), 0.5, Activation::Sigmoid, cost);
                assert!(!(w.is_finite() && b.is_finite()), "{cost:?}");
            }
        }
    }
}

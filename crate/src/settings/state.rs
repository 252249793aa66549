//! A lab's state from a link: the beans, the neuron and the epochs trained, as the page builds them
//! when it opens the link. The page's own exports (an SVG drawn in the export module) and tests use
//! it, so a state travels as its link.

use crate::model::beans::Beans;
use crate::model::neuron::{Activation, Cost, Logistic};
use crate::model::pairs;
use crate::model::trainer::{initial_params, Trainer};
use crate::settings::decimal;
use crate::settings::params::Param;
use crate::settings::query::normalize;

/// What a link sets up: the trainer, and the (w, b) that a reset goes back to.
pub struct LinkState {
    pub trainer: Trainer,
    pub start: (f64, f64),
}

/// The trainer a link describes (invalid values are dropped as the page drops them).
pub fn trainer_from_query(query: &str) -> Trainer {
    from_query(query).trainer
}

/// The state a link describes: the page opens a link with it, and its exports redraw one.
pub fn from_query(query: &str) -> LinkState {
    let (canonical, _) = normalize(query);
    let get = |key: &str| {
        canonical.split('&').find_map(|kv| kv.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v.to_string()))
    };
    let number = |key: &str| {
        get(key).and_then(|v| decimal::parse(&v)).unwrap_or_else(|| Param::get(key).map_or(0.0, |p| p.default))
    };
    let seed = number("seed") as u64;
    let (rw, rb) = initial_params(seed);
    let w = get("w").and_then(|v| decimal::parse(&v)).unwrap_or(rw);
    let b = get("b").and_then(|v| decimal::parse(&v)).unwrap_or(rb);
    // (The canonical query writes a bean list's colons as they are.)
    let beans =
        get("data").and_then(|d| pairs::read(&d).beans()).unwrap_or_else(|| Beans::course(seed, number("n") as usize));
    let mut t = Trainer::new(beans, w, b, number("alpha"));
    if get("activation").as_deref() == Some("step") {
        t.set_activation(Activation::Step);
    } else {
        t.set_activation(Activation::logistic(Logistic { l: number("l"), k: number("k"), x0: number("x0") }));
    }
    if let Some(cost) = get("cost").and_then(|c| Cost::from_key(&c)) {
        t.set_cost(cost);
    }
    if get("epochs").is_some() && get("autoplay").as_deref() != Some("1") {
        t.train_epochs(number("epochs") as u64);
    }
    LinkState { trainer: t, start: (w, b) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_gives_the_state_it_names() {
        let t = trainer_from_query("w=5&b=-5&alpha=0.5&seed=3&n=40&epochs=200&cost=ce");
        let mut expected = Trainer::new(Beans::course(3, 40), 5.0, -5.0, 0.5);
        expected.set_activation(Activation::logistic(Logistic::STANDARD));
        expected.set_cost(Cost::Ce);
        expected.train_epochs(200);
        assert_eq!((t.w(), t.b(), t.epoch()), (expected.w(), expected.b(), 200));
        let own = trainer_from_query("data=0.1:0,0.2:0,0.8:1&w=1&b=0");
        assert_eq!(own.beans().len(), 3);
        let bare = trainer_from_query("");
        assert_eq!((bare.w(), bare.b()), initial_params(29));
        assert_eq!(trainer_from_query("activation=step").activation(), Activation::Step);
        // Trained from the link's (w, b), which a reset returns to; autoplay leaves the training to the page.
        let link = from_query("w=2&b=-1&epochs=50");
        assert_eq!((link.start, link.trainer.epoch()), ((2.0, -1.0), 50));
        assert_ne!(link.trainer.w(), 2.0);
        assert_eq!(from_query("w=2&b=-1&epochs=50&autoplay=1").trainer.epoch(), 0);
        assert_eq!(from_query("seed=7").start, initial_params(7));
    }
}

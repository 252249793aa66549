//! The network stage's wasm edge: a thin handle over `NetworkRun` and the network charts. Every
//! number the page shows is computed here, in the core; JavaScript only wires events. A chart is
//! two layers, as the lab's panels: its axes on a canvas, repainted only when they change, and its
//! data in an SVG over them, where only what moved is written.

use super::js::{object, paint};
use super::vector::{shapes_of, VectorLayer};
use crate::draw::network::{draw_network_axes, draw_network_data, NetAxes, NetPanel};
use crate::draw::vector::grain;
use crate::draw::Style;
use crate::model::beans::{Beans, MAX_BEANS, MIN_BEANS};
use crate::model::netrun::NetworkRun;
use crate::model::network::{LayerActivation, Params};
use crate::model::pairs;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlCanvasElement};

/// The lesson-06 beans for a seed, with sizes a link can hold: what the network trains on.
fn middle(seed: f64, n: f64) -> Beans {
    let n = if n.is_finite() { n.clamp(MIN_BEANS as f64, MAX_BEANS as f64) as usize } else { 100 };
    pairs::linkable(&Beans::middle(seed.max(0.0) as u64, n))
}

/// The lesson-06 beans as a link's `data` value (`x:y,…`), for the single-neuron lab.
#[wasm_bindgen]
pub fn middle_beans_pairs(seed: f64, n: f64) -> String {
    pairs::write(&middle(seed, n))
}

/// The seven the network starts from for a seed (uniform in [0, 1)), in `Params::NAMES` order.
#[wasm_bindgen]
pub fn network_seed_params(seed: f64) -> Vec<f64> {
    Params::initial(seed.max(0.0) as u64).to_array().to_vec()
}

fn index_of(key: &str) -> Option<usize> {
    Params::NAMES.iter().position(|n| *n == key)
}

/// A chart's layers, what its axes canvas shows, at what size (none: nothing yet), and whether
/// the axes were repainted since the page last asked.
struct Layers {
    axes: HtmlCanvasElement,
    data: VectorLayer,
    shown: Option<(NetAxes, (u32, u32))>,
    fresh: bool,
}

#[wasm_bindgen]
pub struct NetworkLab {
    run: NetworkRun,
    style: Style,
    layers: [Option<Layers>; NetPanel::ALL.len()],
    dirty: bool,
}

#[wasm_bindgen]
impl NetworkLab {
    /// The lesson-06 beans for `seed` and `n`; the seven parameters (w1, b1, w2, b2, v1, v2, c)
    /// from the seed unless given; `hidden` and `output` "sigmoid" or "linear".
    #[wasm_bindgen(constructor)]
    pub fn new(seed: f64, n: f64, params: Option<Vec<f64>>, alpha: f64, hidden: &str, output: &str) -> NetworkLab {
        let start = params
            .and_then(|p| <[f64; 7]>::try_from(p).ok())
            .map(Params::from_array)
            .filter(Params::is_finite)
            .unwrap_or_else(|| Params::initial(seed.max(0.0) as u64));
        let layer = |k: &str| LayerActivation::from_key(k).unwrap_or(LayerActivation::Sigmoid);
        NetworkLab {
            run: NetworkRun::new(middle(seed, n), start, layer(hidden), layer(output), alpha),
            style: Style::default(),
            layers: Default::default(),
            dirty: true,
        }
    }

    /// Moves one of the seven by hand; false for an unknown key or a value that is not finite.
    pub fn set_param(&mut self, key: &str, v: f64) -> bool {
        let Some(i) = index_of(key).filter(|_| v.is_finite()) else { return false };
        let mut p = self.run.params().to_array();
        p[i] = v;
        self.run.set_params(Params::from_array(p));
        self.dirty = true;
        true
    }

    pub fn param(&self, key: &str) -> f64 {
        index_of(key).map_or(f64::NAN, |i| self.run.params().to_array()[i])
    }

    /// "sigmoid" or "linear" for the hidden layer (f) and the output (g); false for anything else.
    pub fn set_layers(&mut self, hidden: &str, output: &str) -> bool {
        match (LayerActivation::from_key(hidden), LayerActivation::from_key(output)) {
            (Some(h), Some(o)) => {
                self.run.set_layers(h, o);
                self.dirty = true;
                true
            }
            _ => false,
        }
    }

    pub fn hidden(&self) -> String {
        self.run.network().hidden.key().into()
    }

    pub fn output(&self) -> String {
        self.run.network().output.key().into()
    }

    pub fn set_alpha(&mut self, alpha: f64) {
        self.run.set_alpha(alpha);
    }

    pub fn alpha(&self) -> f64 {
        self.run.alpha()
    }

    pub fn step_bean(&mut self) -> bool {
        self.dirty = true;
        self.run.step_bean()
    }

    pub fn step_epoch(&mut self) -> bool {
        self.dirty = true;
        self.run.step_epoch()
    }

    /// Runs k epochs; returns how many completed (fewer if training diverged).
    pub fn train_epochs(&mut self, k: u32) -> u32 {
        self.dirty = true;
        self.run.train_epochs(k as u64) as u32
    }

    /// Back to epoch 0 at the parameters last set by hand.
    pub fn reset(&mut self) {
        self.dirty = true;
        self.run.reset();
    }

    /// Heads the run for epoch `goal` (the cost chart's axis reaches it); a reset forgets it.
    pub fn set_epoch_goal(&mut self, goal: f64) {
        self.dirty = true;
        // `as` saturates: NaN and negatives are 0, no goal.
        self.run.set_goal(goal as u64);
    }

    pub fn epoch(&self) -> f64 {
        self.run.epoch() as f64
    }
    pub fn next_bean(&self) -> u32 {
        self.run.next_bean() as u32
    }
    pub fn cost(&self) -> f64 {
        self.run.mean_cost()
    }
    pub fn accuracy(&self) -> f64 {
        self.run.accuracy()
    }
    pub fn diverged(&self) -> bool {
        self.run.diverged()
    }
    pub fn beans_count(&self) -> u32 {
        self.run.beans().len() as u32
    }

    /// The beans as a link's `data` value.
    pub fn beans_pairs(&self) -> String {
        pairs::write(self.run.beans())
    }

    /// [slope, intercept] of the one line linear hidden neurons collapse to; empty for sigmoid ones.
    pub fn collapsed_line(&self) -> Vec<f64> {
        self.run.network().collapsed_line().map_or(vec![], |(s, i)| vec![s, i])
    }

    /// The seven where they were last set by hand, then the epoch since which training has run:
    /// a link with these and the epochs since reproduces the current state.
    pub fn origin(&self) -> Vec<f64> {
        let (p, e) = self.run.origin();
        let mut v = p.to_array().to_vec();
        v.push(e as f64);
        v
    }

    /// Bean i's chain rule for the hidden weight w1 (the next bean when i is none), each factor a
    /// number, beside the derivative by definition: `{index, x, y, z1, h1, z, a, e, deda, dadz,
    /// dzdh1, dh1dz1, dz1dw1, dedw1, dedw1_numeric, w1_next}`.
    pub fn chain(&self, i: Option<u32>) -> JsValue {
        let i = i.map_or(self.run.next_bean(), |i| i as usize);
        let Some((g, numeric)) = self.run.chain(i) else { return JsValue::UNDEFINED };
        let (x, y) = (self.run.beans().xs()[i], self.run.beans().ys()[i]);
        let f = g.forward;
        object(&[
            ("index", (i as u32).into()),
            ("x", x.into()),
            ("y", y.into()),
            ("z1", f.z1.into()),
            ("h1", f.h1.into()),
            ("z", f.z.into()),
            ("a", f.a.into()),
            ("e", g.e.into()),
            ("deda", g.deda.into()),
            ("dadz", g.dadz.into()),
            ("dzdh1", g.dzdh1.into()),
            ("dh1dz1", g.dh1dz1.into()),
            ("dz1dw1", g.dz1dw1.into()),
            ("dedw1", g.dedw1.into()),
            ("dedw1_numeric", numeric.w1.into()),
            ("w1_next", (self.run.params().w1 - self.run.alpha() * g.dedw1).into()),
        ])
    }

    /// Hands over chart `panel`'s ("hidden", "output", "cost") layers: its axes canvas, and the SVG
    /// its data is drawn in.
    pub fn attach(&mut self, panel: &str, axes: HtmlCanvasElement, data: Element) {
        if let Some(p) = NetPanel::from_key(panel) {
            self.layers[p.index()] = Some(Layers { axes, data: VectorLayer::new(data), shown: None, fresh: false });
            self.dirty = true;
        }
    }

    pub fn set_style(&mut self, dpr: f64, lang: &str, grid: bool, dark: bool) {
        self.style = Style { background: self.style.background, ..Style::from_page(dpr, lang, grid, dark) };
        self.dirty = true;
    }

    /// Whether chart `key`'s axes were repainted since the last call: the page's image of them is
    /// then out of date (and the axes canvas must show instead).
    pub fn take_fresh_axes(&mut self, key: &str) -> bool {
        let layers = NetPanel::from_key(key).and_then(|p| self.layers[p.index()].as_mut());
        layers.is_some_and(|l| std::mem::take(&mut l.fresh))
    }

    /// Repaints the charts when anything changed since the last call: the axes of those whose axes
    /// changed, and what moved of the data. Returns how many charts' axes were repainted.
    pub fn render(&mut self) -> u32 {
        if !self.dirty {
            return 0;
        }
        self.dirty = false;
        // The data's style: finer than the canvas's below devicePixelRatio 2.
        let fine = self.style.finer(grain(self.style.dpr));
        let mut painted = 0;
        for panel in NetPanel::ALL {
            let Some(layers) = &mut self.layers[panel.index()] else { continue };
            // The size too: a canvas given a new size is blank.
            let size = (layers.axes.width(), layers.axes.height());
            let look = NetAxes::of(panel, &self.run, &self.style);
            if layers.shown != Some((look, size)) {
                layers.shown = Some((look, size));
                layers.fresh = true;
                paint(&layers.axes, |root| {
                    let _ = draw_network_axes(root, panel, &look.view, &self.run, &self.style);
                });
                painted += 1;
            }
            let shapes = shapes_of(size, &fine, |root, fine| {
                let _ = draw_network_data(root, panel, &look.view, &self.run, fine);
            });
            let _ = layers.data.show(&shapes, size, fine.grain);
        }
        painted
    }
}

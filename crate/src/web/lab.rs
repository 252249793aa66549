//! The wasm edge: a thin handle over the core for the page. State lives here, the animation loop
//! in JavaScript; every rule (validation, what to repaint, how to draw) is the core's.

use super::canvas::{context, paint_canvas, paint_shapes};
use super::js::object;
use super::vector::{shapes_of, VectorLayer};
use crate::draw::vector::grain;
use crate::draw::vector::Shape;
use crate::draw::{bean_near, draw_axes, draw_data, draw_ink, unmap, Layout, Marks, Panel, Scene, Style, View};
use crate::model::beans::Beans;
use crate::model::neuron::{Activation, Cost, Logistic};
use crate::model::pairs;
use crate::model::trainer::{initial_params, Trainer};
use crate::settings::query::Background;
use plotters::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlCanvasElement};

/// The tour's demo of stacked neurons, drawn on `canvas` (device pixels already set).
#[wasm_bindgen]
pub fn draw_stack_demo(canvas: HtmlCanvasElement, dpr: f64, lang: &str, dark: bool) {
    let style = Style::from_page(dpr, lang, true, dark);
    paint_canvas(&canvas, |root| {
        let _ = crate::draw::draw_stack(root, &style);
    });
}

/// A panel's layers. The axes are a whole-panel canvas; the page shows an image of it once they
/// rest (a canvas on the page is handed to the compositor on every frame, changed or not, the
/// largest cost of a frame without GPU compositing), and the canvas itself while they change.
pub(super) struct Layers {
    /// Background, grid, ticks, labels, title, the beans that stay put: repainted only when the
    /// view or the style changes.
    axes: HtmlCanvasElement,
    /// What is drawn over the axes: curves, beans, marks, and z → a's sigmoid on top.
    data: Data,
    /// z → a's sigmoid, drawn over the data: it changes only with the axes, so it is drawn then.
    ink: Vec<Shape>,
    /// The axes were repainted since the page last asked (its image of them is out of date).
    fresh: bool,
}

/// Where the data goes.
enum Data {
    /// On the page: an SVG over the axes, whose pixels the browser lays down off the main thread.
    Vector(VectorLayer),
    /// A detached copy's (an export's) one canvas: the axes copied in, the data drawn over them.
    Canvas(HtmlCanvasElement),
}

impl Data {
    /// Units of its picture to a device pixel at `dpr`.
    fn grain(&self, dpr: f64) -> u32 {
        match self {
            Data::Vector(_) => grain(dpr),
            Data::Canvas(_) => 1,
        }
    }
}

#[wasm_bindgen]
pub struct Lab {
    pub(super) trainer: Trainer,
    /// Where training started (reset returns here).
    pub(super) start: (f64, f64),
    pub(super) style: Style,
    pub(super) scene: Scene,
    pub(super) layers: [Option<Layers>; Panel::ALL.len()],
    /// Panels scrolled out of view are not painted; they catch up when they come back (the scene
    /// sees what changed since their last paint).
    pub(super) out_of_view: [bool; Panel::ALL.len()],
    pub(super) marks: Marks,
    /// The panel `render_at_most` looks at first: the one after the last it painted.
    pub(super) turn: usize,
}

impl Layers {
    /// The panel's size in device pixels.
    fn size(&self) -> (u32, u32) {
        (self.axes.width(), self.axes.height())
    }
}

fn clear(canvas: &HtmlCanvasElement) {
    if let Some(ctx) = context(canvas) {
        ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    }
}

/// Copies a layer (a whole panel) onto `onto`.
fn copy(layer: &HtmlCanvasElement, onto: &HtmlCanvasElement) {
    if let Some(ctx) = context(onto) {
        let _ = ctx.draw_image_with_html_canvas_element(layer, 0.0, 0.0);
    }
}

impl Lab {
    /// A lab of `trainer` (a reset goes back to `start`) with the default style, no marks and no
    /// canvases yet.
    pub(super) fn of(trainer: Trainer, start: (f64, f64)) -> Lab {
        Lab {
            trainer,
            start,
            style: Style::default(),
            scene: Scene::default(),
            layers: Default::default(),
            out_of_view: Default::default(),
            turn: 0,
            marks: Marks::default(),
        }
    }

    fn attach_layers(&mut self, panel: &str, axes: HtmlCanvasElement, data: Data) {
        if let Some(p) = Panel::from_key(panel) {
            self.layers[p.index()] = Some(Layers { axes, data, ink: Vec::new(), fresh: false });
            self.scene.invalidate();
        }
    }
}

#[wasm_bindgen]
impl Lab {
    /// The lab a link (its query string) describes: beans, neuron, activation, cost and the epochs
    /// trained, by the same rule as the exports (`settings::state`).
    pub fn from_query(query: &str) -> Lab {
        let link = crate::settings::state::from_query(query);
        Lab::of(link.trainer, link.start)
    }

    /// Moves the neuron; training goes on from there.
    pub fn set_params(&mut self, w: f64, b: f64) {
        self.trainer.set_params(w, b);
    }

    pub fn set_alpha(&mut self, alpha: f64) {
        self.trainer.set_alpha(alpha);
    }

    /// "sigmoid" or "step"; returns false for anything else.
    pub fn set_activation(&mut self, key: &str) -> bool {
        Activation::from_key(key).map(|a| self.trainer.set_activation(a)).is_some()
    }

    /// The logistic family's shape a = L / (1 + e^(−k(z − x0))) (only while the activation is not
    /// the step).
    pub fn set_logistic(&mut self, l: f64, k: f64, x0: f64) {
        if self.trainer.activation() != Activation::Step
            && [l, k, x0].iter().all(|v| v.is_finite())
            && l > 0.0
            && k > 0.0
        {
            self.trainer.set_activation(Activation::logistic(Logistic { l, k, x0 }));
        }
    }

    /// [L, k, x0] of the current logistic (the standard [1, 1, 0] for the sigmoid and the step).
    pub fn logistic(&self) -> Vec<f64> {
        let s = self.trainer.activation().shape().unwrap_or(Logistic::STANDARD);
        vec![s.l, s.k, s.x0]
    }

    /// "mse" or "ce"; returns false for anything else.
    pub fn set_cost(&mut self, key: &str) -> bool {
        Cost::from_key(key).map(|c| self.trainer.set_cost(c)).is_some()
    }

    pub fn activation(&self) -> String {
        self.trainer.activation().key().into()
    }

    /// Which formula the activation is: "step", "sigmoid" (the standard one) or "logistic".
    pub fn activation_form(&self) -> String {
        let act = self.trainer.activation();
        match act.shape() {
            _ if act == Activation::Step => "step",
            Some(s) if !s.is_standard() => "logistic",
            _ => "sigmoid",
        }
        .into()
    }

    /// The bean whose chain rule says the most now (largest |de/dw|).
    pub fn steepest_bean(&self) -> Option<u32> {
        self.trainer.steepest_bean().map(|i| i as u32)
    }

    /// [largest safe x, smallest toxic x] when the classes do not overlap, else empty.
    pub fn class_gap(&self) -> Vec<f64> {
        self.trainer.class_gap().map_or(vec![], |(s, t)| vec![s, t])
    }

    /// [x, z, a, da/dz] at the probe, or empty when there is none.
    pub fn probe_values(&self) -> Vec<f64> {
        let Some(x) = self.marks.probe else { return vec![] };
        let act = self.trainer.activation();
        let z = crate::model::neuron::linear(self.trainer.w(), self.trainer.b(), x);
        vec![x, z, act.apply(z), act.slope(z)]
    }

    pub fn cost_fn(&self) -> String {
        self.trainer.cost_fn().key().into()
    }

    /// After a divergence: training may go on (from the last good state it went back to).
    pub fn recover(&mut self) {
        self.trainer.recover();
    }

    /// [w, b, epoch] where w and b were last set by hand: a link with these and the epochs since
    /// reproduces the current state.
    pub fn origin(&self) -> Vec<f64> {
        let (w, b, e) = self.trainer.origin();
        vec![w, b, e as f64]
    }

    pub fn step_bean(&mut self) -> bool {
        self.trainer.step_bean()
    }

    pub fn step_epoch(&mut self) -> bool {
        self.trainer.step_epoch()
    }

    /// Runs k epochs; returns how many completed (fewer if training diverged).
    pub fn train_epochs(&mut self, k: u32) -> u32 {
        self.trainer.train_epochs(k as u64) as u32
    }

    /// Heads the run for epoch `goal` (the cost chart's axis reaches it from now on); a reset
    /// forgets it.
    pub fn set_epoch_goal(&mut self, goal: f64) {
        // `as` saturates: NaN and negatives are 0, no goal.
        self.trainer.set_goal(goal as u64);
    }

    /// Back to where this run started: epoch 0, the starting w and b, an empty history.
    pub fn reset(&mut self) {
        self.trainer.restart(self.start.0, self.start.1);
    }

    /// New beans from the course's rule; training restarts from the seed's w and b.
    pub fn new_beans(&mut self, seed: f64, n: f64) {
        let seed = seed.max(0.0) as u64;
        self.marks.bean = None;
        self.start = initial_params(seed);
        self.trainer.set_beans(Beans::course(seed, n as usize), self.start.0, self.start.1);
    }

    /// Adds a bean (toxic when y ≥ 0.5); training restarts from the current w and b.
    pub fn add_bean(&mut self, x: f64, y: f64) -> bool {
        self.trainer.beans().with(x, y).map(|beans| self.trainer.replace_beans(pairs::linkable(&beans))).is_some()
    }

    /// Removes bean i (at least two stay); training restarts from the current w and b.
    pub fn remove_bean(&mut self, i: u32) -> bool {
        self.marks.bean = None;
        self.trainer
            .beans()
            .without(i as usize)
            .map(|beans| self.trainer.replace_beans(pairs::linkable(&beans)))
            .is_some()
    }

    /// Replaces the beans with CSV rows "x,y" (sizes kept to what a link holds). On a bad row nothing changes and the error is
    /// returned: `{line, text}`, the line's number (0: the text as a whole) and the message.
    pub fn load_csv(&mut self, text: &str) -> JsValue {
        match Beans::from_csv(text) {
            Ok(beans) => {
                self.marks.bean = None;
                self.trainer.replace_beans(pairs::linkable(&beans));
                JsValue::UNDEFINED
            }
            Err(e) => object(&[("line", (e.line as f64).into()), ("text", e.to_string().into())]),
        }
    }

    /// Replaces the beans with a link's `x:y` pairs (already checked by `normalize_query`);
    /// false, and nothing changes, when fewer than two are valid.
    pub fn load_pairs(&mut self, text: &str) -> bool {
        self.marks.bean = None;
        pairs::read(text).beans().map(|beans| self.trainer.replace_beans(beans)).is_some()
    }

    /// The beans as a link's `data` value.
    pub fn beans_pairs(&self) -> String {
        pairs::write(self.trainer.beans())
    }

    pub fn beans_csv(&self) -> String {
        self.trainer.beans().to_csv()
    }

    /// Hands a panel's layers over: its axes canvas, and the SVG the data is drawn in.
    pub fn attach(&mut self, panel: &str, axes: HtmlCanvasElement, data: Element) {
        self.attach_layers(panel, axes, Data::Vector(VectorLayer::new(data)));
    }

    /// Hands a panel's canvases over for a picture on one canvas (an export's): `shown` gets the
    /// axes, painted on `axes`, with the data over them. Both of one size.
    pub fn attach_flat(&mut self, panel: &str, shown: HtmlCanvasElement, axes: HtmlCanvasElement) {
        self.attach_layers(panel, axes, Data::Canvas(shown));
    }

    pub fn set_style(&mut self, dpr: f64, lang: &str, grid: bool, dark: bool) {
        self.style = Style {
            background: self.style.background,
            corner: self.style.corner,
            ..Style::from_page(dpr, lang, grid, dark)
        };
    }

    /// Whether a button sits over the charts' top right corner (a small embed's ⚙): titles keep
    /// clear of it.
    pub fn set_corner(&mut self, on: bool) {
        self.style.corner = on;
    }

    /// The charts' background from a link's `bg` (`transparent`, `#rgb`, `#rrggbb`); anything else,
    /// or an empty string, goes back to the palette's.
    pub fn set_background(&mut self, bg: &str) {
        self.style.background = Background::parse(bg).map(|bg| match bg {
            Background::Transparent => RGBAColor(0, 0, 0, 0.0),
            Background::Rgb(r, g, b) => RGBAColor(r, g, b, 1.0),
        });
    }

    /// Forget what is on the canvases (call after resizing them).
    pub fn invalidate(&mut self) {
        self.scene.invalidate();
    }

    /// Whether panel `key` is on screen: off-screen panels are not painted (their canvases are the
    /// browser's to copy every frame, the biggest cost on a slow machine).
    pub fn set_in_view(&mut self, key: &str, on: bool) {
        if let Some(p) = Panel::from_key(key) {
            self.out_of_view[p.index()] = !on;
        }
    }

    /// Whether panel `key`'s axes were repainted since the last call: the page's image of them is
    /// then out of date (and the axes canvas must show instead).
    pub fn take_fresh_axes(&mut self, key: &str) -> bool {
        let layers = Panel::from_key(key).and_then(|p| self.layers[p.index()].as_mut());
        layers.map(|l| std::mem::take(&mut l.fresh)).unwrap_or(false)
    }

    /// Repaints the panels whose content changed; returns how many were painted.
    pub fn render(&mut self) -> u32 {
        self.render_at_most(u32::MAX)
    }

    /// Repaints at most `limit` of the panels whose content changed, taking turns: the next call
    /// looks first at the panel after the last one painted, and a panel left out shows what changed
    /// when its turn comes. Returns how many were painted.
    pub fn render_at_most(&mut self, limit: u32) -> u32 {
        let mut painted = 0;
        let n = Panel::ALL.len();
        let first = self.turn;
        for k in 0..n {
            if painted >= limit {
                break;
            }
            let panel = Panel::ALL[(first + k) % n];
            let Some(layers) = &mut self.layers[panel.index()] else { continue };
            if self.out_of_view[panel.index()] {
                continue;
            }
            let size = layers.size();
            let (view, redraw) = self.scene.plan(panel, &self.trainer, &self.style, size, &self.marks);
            if !Layout::of(&self.style, size, &view).fits(size) || !(redraw.axes || redraw.data) {
                continue;
            }
            let (style, t, marks) = (&self.style, &self.trainer, &self.marks);
            let fine = style.finer(layers.data.grain(style.dpr));
            if redraw.axes {
                layers.fresh = true;
                paint_canvas(&layers.axes, |root| {
                    let _ = draw_axes(root, panel, &view, style, t);
                });
                layers.ink = shapes_of(size, &fine, |root, fine| {
                    let _ = draw_ink(root, panel, &view, fine, t);
                });
            }
            let shapes = shapes_of(size, &fine, |root, fine| {
                let _ = draw_data(root, panel, &view, fine, t, marks);
            });
            // z → a's sigmoid over the data.
            let ink = &layers.ink;
            match &mut layers.data {
                Data::Vector(svg) => {
                    let _ = svg.show(shapes.iter().chain(ink), size, fine.grain);
                }
                Data::Canvas(shown) => {
                    // Cleared first: a transparent background paints nothing over the last frame.
                    clear(shown);
                    copy(&layers.axes, shown);
                    if let Some(ctx) = context(shown) {
                        let _ = paint_shapes(&ctx, &shapes).and_then(|()| paint_shapes(&ctx, ink));
                    }
                }
            }
            painted += 1;
            self.turn = (first + k + 1) % n;
        }
        painted
    }

    pub fn w(&self) -> f64 {
        self.trainer.w()
    }
    pub fn b(&self) -> f64 {
        self.trainer.b()
    }
    pub fn alpha(&self) -> f64 {
        self.trainer.alpha()
    }
    pub fn epoch(&self) -> f64 {
        self.trainer.epoch() as f64
    }
    pub fn next_bean(&self) -> u32 {
        self.trainer.next_bean() as u32
    }
    pub fn cost(&self) -> f64 {
        self.trainer.mean_cost()
    }
    pub fn accuracy(&self) -> f64 {
        self.trainer.accuracy()
    }
    /// x = −b/w, or undefined when w = 0.
    pub fn boundary(&self) -> Option<f64> {
        self.trainer.boundary()
    }
    pub fn diverged_at(&self) -> Option<f64> {
        self.trainer.diverged_at().map(|e| e as f64)
    }
    pub fn beans_x(&self) -> Vec<f64> {
        self.trainer.beans().xs().to_vec()
    }
    pub fn beans_y(&self) -> Vec<f64> {
        self.trainer.beans().ys().to_vec()
    }
    /// The neuron's output a for size x.
    pub fn predict(&self, x: f64) -> f64 {
        self.trainer.predict(x)
    }

    /// The probe's x (followed through all three function panels), or none.
    pub fn set_probe(&mut self, x: Option<f64>) {
        self.marks.probe = x.filter(|x| x.is_finite());
    }

    pub fn probe(&self) -> Option<f64> {
        self.marks.probe
    }

    /// The bean whose chain rule is shown (ringed on the panels), or none for the next one.
    pub fn select_bean(&mut self, i: Option<u32>) {
        self.marks.bean = i.map(|i| i as usize).filter(|&i| i < self.trainer.beans().len());
    }

    pub fn selected_bean(&self) -> Option<u32> {
        self.marks.bean.map(|i| i as u32)
    }

    /// The size x under device pixel (px, py) of a panel: directly on x → z and x → a; on z → a
    /// through x = (z − b)/w.
    pub fn x_at(&self, panel: &str, px: f64, py: f64) -> Option<f64> {
        let p = Panel::from_key(panel)?;
        let layers = self.layers[p.index()].as_ref()?;
        let size = layers.size();
        let (dx, _) = unmap(&View::of(p, &self.trainer), &self.style, size, px, py);
        match p {
            Panel::Xz | Panel::Xa => Some(dx),
            Panel::Za => {
                (self.trainer.w() != 0.0).then(|| (dx - self.trainer.b()) / self.trainer.w()).filter(|x| x.is_finite())
            }
            Panel::Cost | Panel::Landscape => None,
        }
    }

    /// The data coordinates [x, y] under device pixel (px, py) of a panel.
    pub fn data_at(&self, panel: &str, px: f64, py: f64) -> Vec<f64> {
        let Some(p) = Panel::from_key(panel) else { return vec![] };
        let Some(layers) = self.layers[p.index()].as_ref() else { return vec![] };
        let size = layers.size();
        let (x, y) = unmap(&View::of(p, &self.trainer), &self.style, size, px, py);
        vec![x, y]
    }

    /// The bean drawn under device pixel (px, py) of a panel, if any.
    pub fn bean_at(&self, panel: &str, px: f64, py: f64) -> Option<u32> {
        let p = Panel::from_key(panel)?;
        let layers = self.layers[p.index()].as_ref()?;
        let size = layers.size();
        bean_near(p, &self.trainer, &self.style, size, px, py).map(|i| i as u32)
    }

    /// The chain rule for bean i (the next bean when i is none) with the definition-based
    /// derivatives beside it: `{index, x, y, z, a, e, deda, dadz, dzdw, dzdb, dedw, dedb,
    /// dedw_numeric, dedb_numeric, w_next, b_next}`.
    pub fn chain(&self, i: Option<u32>) -> JsValue {
        let i = i.map(|i| i as usize).unwrap_or(self.trainer.next_bean());
        let (Some(c), Some((nw, nb))) = (self.trainer.chain(i), self.trainer.numeric_gradient(i)) else {
            return JsValue::UNDEFINED;
        };
        let alpha = self.trainer.alpha();
        object(&[
            ("index", (i as u32).into()),
            ("x", c.x.into()),
            ("y", c.y.into()),
            ("z", c.z.into()),
            ("a", c.a.into()),
            ("e", c.e.into()),
            ("deda", c.deda.into()),
            ("dadz", c.dadz.into()),
            ("dzdw", c.dzdw.into()),
            ("dzdb", c.dzdb.into()),
            ("dedw", c.dedw.into()),
            ("dedb", c.dedb.into()),
            ("dedw_numeric", nw.into()),
            ("dedb_numeric", nb.into()),
            ("stuck", c.held_back_by_saturation().into()),
            ("w_next", (self.trainer.w() - alpha * c.dedw).into()),
            ("b_next", (self.trainer.b() - alpha * c.dedb).into()),
        ])
    }
}

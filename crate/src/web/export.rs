//! Exports: the layout and frame schedule, and detached copies of a lab to draw them with (the
//! GIF encoder is `web_gif`, a module of its own).

use super::js::object;
use super::lab::Lab;
use crate::draw::Marks;
use crate::export;
use wasm_bindgen::prelude::*;

/// How to export `panels` panels over `epochs` epochs, a frame every `every` (about 100 frames
/// when not given or when it would give more than MAX_FRAMES): `{cols, rows, panelWidth,
/// panelHeight, every, epochs: [epoch of each frame], delay, lastDelay}` (sizes in CSS pixels,
/// delays in 1/100 s).
#[wasm_bindgen]
pub fn export_plan(panels: u32, epochs: f64, every: Option<f64>) -> JsValue {
    let (cols, rows) = export::grid(panels as usize);
    let epochs = if epochs.is_finite() { epochs.max(0.0) as u64 } else { 0 };
    let mut every =
        every.filter(|k| k.is_finite() && *k >= 1.0).map_or_else(|| export::default_every(epochs), |k| k as u64);
    if export::schedule(epochs, every).len() > export::MAX_FRAMES {
        every = export::default_every(epochs);
    }
    let at: js_sys::Array = export::schedule(epochs, every).into_iter().map(|e| JsValue::from(e as f64)).collect();
    object(&[
        ("cols", cols.into()),
        ("rows", rows.into()),
        ("panelWidth", export::PANEL_SIZE.0.into()),
        ("panelHeight", export::PANEL_SIZE.1.into()),
        ("every", (every as f64).into()),
        ("epochs", at.into()),
        ("delay", export::FRAME_DELAY_CS.into()),
        ("lastDelay", export::LAST_FRAME_DELAY_CS.into()),
    ])
}

#[wasm_bindgen]
impl Lab {
    /// A copy with the same beans and settings but no canvases, to draw exports without
    /// touching the page. `restart`: back at epoch 0 from where w and b were last set by hand
    /// (a training run), without the probe and bean marks; otherwise the state as it is.
    pub fn export_copy(&self, restart: bool) -> Lab {
        let mut trainer = self.trainer.clone();
        let mut marks = self.marks;
        if restart {
            let (w, b, _) = trainer.origin();
            trainer.restart(w, b);
            marks = Marks::default();
        }
        Lab {
            trainer,
            start: self.start,
            style: self.style,
            marks,
            scene: Default::default(),
            layers: Default::default(),
            out_of_view: Default::default(),
        }
    }
}

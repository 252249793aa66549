//! Detached copies of a lab to draw exports with (their plan, the GIF encoder and SVG drawing are
//! the export module's, `web::gif`, a module of its own).

use super::lab::Lab;
use crate::draw::Marks;
use wasm_bindgen::prelude::*;

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
        Lab { style: self.style, marks, ..Lab::of(trainer, self.start) }
    }
}

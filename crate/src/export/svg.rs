//! The panels of one state as an SVG file (`sigmoid-lab svg`): the same draw functions and grid as
//! a GIF frame, drawn by plotters' SVG backend, so text stays text (`<text>`, in the page's font
//! stack) and lines stay sharp in printed notes.

use super::{draw_panels, image_size, ExportError};
use crate::draw::{Marks, Panel, Style};
use crate::model::trainer::Trainer;
use plotters::prelude::*;

/// The panels of the trainer's current state as an SVG document.
pub fn render_svg(t: &Trainer, panels: &[Panel], style: &Style) -> Result<String, ExportError> {
    if panels.is_empty() {
        return Err(ExportError("no panels to draw".into()));
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, image_size(panels.len(), style)).into_drawing_area();
        draw_panels(&root, panels, style, t, &Marks::default())
            .map_err(|e| ExportError(format!("drawing failed: {e}")))?;
        root.present().map_err(|e| ExportError(format!("drawing failed: {e}")))?;
    }
    Ok(out)
}

//! The core's vector shapes painted onto a 2D canvas: the lab's axes, and an export's picture.

use crate::draw::vector::{Paint, Rgba, Shape, VectorBackend};
use plotters::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

/// The canvas's 2D context, if it has one.
pub(super) fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
}

/// Clears `canvas` and paints on it what `draw` draws, at its own size in pixels. The page draws
/// everything through the vector backend: one instance of the chart code in the wasm.
pub(super) fn paint_canvas(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<VectorBackend, plotters::coord::Shift>),
) {
    let Some(ctx) = context(canvas) else { return };
    let (w, h) = (canvas.width(), canvas.height());
    ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
    let mut shapes = Vec::new();
    draw(&VectorBackend::new(&mut shapes, (w, h)).into_drawing_area());
    let _ = paint_shapes(&ctx, &shapes);
}

/// Paints `shapes` onto a 2D context whose pixels are the picture's. A context's font, colours
/// and alignment are set only when they change: setting a font parses it and looks up its faces.
pub(super) fn paint_shapes(ctx: &CanvasRenderingContext2d, shapes: &[Shape]) -> Result<(), JsValue> {
    let mut font = String::new();
    let (mut fill, mut stroke) = (None, None);
    let mut set_fill = |c: Rgba| {
        if fill != Some(c) {
            fill = Some(c);
            ctx.set_fill_style_str(&c.css());
        }
    };
    for shape in shapes {
        match shape {
            Shape::Path { paint, d } => {
                let path = Path2d::new_with_path_string(d)?;
                match *paint {
                    Paint::Fill(c) => {
                        set_fill(c);
                        ctx.fill_with_path_2d(&path);
                    }
                    Paint::Stroke(c, w) | Paint::Dots(c, w) | Paint::Piece(c, w) => {
                        let cap = paint.cap();
                        if stroke != Some((c, w, cap)) {
                            stroke = Some((c, w, cap));
                            ctx.set_stroke_style_str(&c.css());
                            ctx.set_line_width(f64::from(w));
                            ctx.set_line_cap(cap);
                        }
                        ctx.stroke_with_path(&path);
                    }
                }
            }
            Shape::Text(t) => {
                set_fill(t.color);
                let wanted = format!("{} {}px {}", if t.bold { "bold" } else { "normal" }, t.size as u32, t.family);
                if wanted != font {
                    ctx.set_font(&wanted);
                    font = wanted;
                }
                ctx.set_text_align(t.anchor.align);
                ctx.set_text_baseline(t.anchor.baseline);
                if t.turn == 0 {
                    ctx.fill_text(&t.text, f64::from(t.x), f64::from(t.y))?;
                } else {
                    ctx.save();
                    ctx.translate(f64::from(t.x), f64::from(t.y))?;
                    ctx.rotate(f64::from(t.turn).to_radians())?;
                    ctx.fill_text(&t.text, 0.0, 0.0)?;
                    ctx.restore();
                }
            }
        }
    }
    Ok(())
}

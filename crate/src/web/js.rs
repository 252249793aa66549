//! Small helpers both wasm modules with charts use: plain JS objects, and painting on a canvas.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// A plain JS object of these fields.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Draws on a canvas through plotters (nothing happens if it has no 2D context).
pub fn paint(canvas: &HtmlCanvasElement, f: impl FnOnce(&DrawingArea<CanvasBackend, plotters::coord::Shift>)) {
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        f(&backend.into_drawing_area());
    }
}

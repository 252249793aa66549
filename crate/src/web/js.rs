//! Small helpers of the wasm modules: plain JS objects (all three), and painting on a canvas through
//! plotters' canvas backend (the network stage; the lab draws through `vector`).

#[cfg(feature = "network")]
use plotters::prelude::*;
#[cfg(feature = "network")]
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsValue;
#[cfg(feature = "network")]
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
#[cfg(feature = "network")]
pub fn paint(canvas: &HtmlCanvasElement, f: impl FnOnce(&DrawingArea<CanvasBackend, plotters::coord::Shift>)) {
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        f(&backend.into_drawing_area());
    }
}

//! The wasm edge of the export module: the export's plan, the GIF encoder and SVG drawing, a module
//! of its own that the page loads on the first export, so that their code is not part of every visit.

use super::js::object;
use crate::export;
use crate::export::gif_encoder::GifEncoder;
use crate::export::ExportError;
use wasm_bindgen::prelude::*;

fn js_error(e: ExportError) -> JsError {
    JsError::new(&e.0)
}

/// An animated GIF being written from RGBA frames (a canvas's `getImageData().data`).
#[wasm_bindgen(js_name = GifEncoder)]
pub struct GifExport {
    inner: Option<GifEncoder>,
}

#[wasm_bindgen(js_class = GifEncoder)]
impl GifExport {
    #[wasm_bindgen(constructor)]
    pub fn new(width: u32, height: u32) -> Result<GifExport, JsError> {
        Ok(GifExport { inner: Some(GifEncoder::new(width, height).map_err(js_error)?) })
    }

    /// Adds a frame shown for `delay_cs` hundredths of a second.
    pub fn add_frame(&mut self, rgba: &[u8], delay_cs: u16) -> Result<(), JsError> {
        let gif = self.inner.as_mut().ok_or_else(|| JsError::new("the GIF is already finished"))?;
        gif.add_frame(rgba, delay_cs).map_err(js_error)
    }

    pub fn frames(&self) -> u32 {
        self.inner.as_ref().map_or(0, |g| g.frames())
    }

    /// The GIF file's bytes; the encoder is done after this.
    pub fn finish(&mut self) -> Result<Vec<u8>, JsError> {
        let gif = self.inner.take().ok_or_else(|| JsError::new("the GIF is already finished"))?;
        gif.finish().map_err(js_error)
    }
}

/// The panels `panels` (a comma list) of the state a link describes, as an SVG document with its
/// text as text: what the page's "export SVG" saves. The state travels as its link, since this
/// module does not share the page's memory.
#[wasm_bindgen]
pub fn export_svg(query: &str, panels: &str, lang: &str, dark: bool) -> Result<String, JsError> {
    use crate::draw::{Panel, Style};
    let t = crate::settings::state::trainer_from_query(query);
    let panels: Vec<Panel> = panels.split(',').filter_map(Panel::from_key).collect();
    let style = Style::from_page(1.0, lang, true, dark);
    crate::export::render_svg(&t, &panels, &style).map_err(js_error)
}

/// The core's plan of an export (`export::Plan`, as the CLI follows it) of `panels` panels over
/// `epochs` epochs, a frame every `every` (about 100 frames when not given): `{every, frames:
/// [epoch of each frame], cells: [[x, y, width, height], …], width, height, delay, lastDelay}`
/// (sizes in CSS pixels, delays in 1/100 s). Throws the plan's reason when there can be none.
#[wasm_bindgen]
pub fn export_plan(panels: u32, epochs: f64, every: Option<f64>) -> Result<JsValue, JsError> {
    // `as` saturates: NaN and negatives are 0 (a step of 0 is refused by the plan).
    let plan = export::Plan::new(panels as usize, epochs as u64, every.map(|k| k as u64)).map_err(js_error)?;
    let numbers = |v: &[f64]| -> js_sys::Array { v.iter().map(|&x| JsValue::from(x)).collect() };
    let frames = numbers(&plan.frames.iter().map(|&e| e as f64).collect::<Vec<_>>());
    let cells: js_sys::Array = plan
        .cells
        .iter()
        .map(|&(x, y, w, h)| JsValue::from(numbers(&[x as f64, y as f64, w as f64, h as f64])))
        .collect();
    Ok(object(&[
        ("every", (plan.every as f64).into()),
        ("frames", frames.into()),
        ("cells", cells.into()),
        ("width", plan.size.0.into()),
        ("height", plan.size.1.into()),
        ("delay", export::FRAME_DELAY_CS.into()),
        ("lastDelay", export::LAST_FRAME_DELAY_CS.into()),
    ]))
}

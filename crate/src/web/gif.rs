//! The wasm edge of the GIF encoder: a module of its own, which the page loads on the first GIF
//! export, so that the encoder's code is not part of every visit.

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

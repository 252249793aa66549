//! An animated GIF written from RGBA frames, in the page (a wasm module of its own, loaded on the
//! first export) and on the command line.
//!
//! GIF bytes come from the `gif` crate (LZW coding, the file format) with NeuQuant colour
//! quantisation from `color_quant` (what `gif::Frame::from_rgba_speed` uses), the most frequent
//! colours kept exact. Frames after the first carry only the rectangle that changed, pixels already
//! shown left transparent, so axes and labels are stored once: for a 100-frame run about a quarter
//! of the bytes and a third of the time of whole frames.

use crate::export::ExportError;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// NeuQuant's sampling factor: 1 is best and slowest, 30 fastest; 10 is its usual default.
pub const QUANT_SPEED: i32 = 10;

impl From<gif::EncodingError> for ExportError {
    fn from(e: gif::EncodingError) -> Self {
        ExportError(format!("GIF encoding failed: {e}"))
    }
}

/// An animated GIF being written: RGBA frames in, GIF bytes out. Loops forever.
pub struct GifEncoder {
    width: u16,
    height: u16,
    encoder: gif::Encoder<Vec<u8>>,
    /// What a viewer shows after the frames so far (RGB per pixel), to find what must change.
    shown: Option<Vec<[u8; 3]>>,
    frames: u32,
}

impl GifEncoder {
    pub fn new(width: u32, height: u32) -> Result<GifEncoder, ExportError> {
        let fits = |v: u32| (1..=u16::MAX as u32).contains(&v);
        if !fits(width) || !fits(height) {
            return Err(ExportError(format!("a GIF is 1 … 65535 pixels wide and high, not {width} × {height}")));
        }
        let mut encoder = gif::Encoder::new(Vec::new(), width as u16, height as u16, &[])?;
        encoder.set_repeat(gif::Repeat::Infinite)?;
        Ok(GifEncoder { width: width as u16, height: height as u16, encoder, shown: None, frames: 0 })
    }

    pub fn size(&self) -> (u32, u32) {
        (self.width as u32, self.height as u32)
    }

    pub fn frames(&self) -> u32 {
        self.frames
    }

    /// Adds a frame of width × height RGBA pixels (alpha is ignored: frames are opaque), shown for
    /// `delay_cs` hundredths of a second.
    pub fn add_frame(&mut self, rgba: &[u8], delay_cs: u16) -> Result<(), ExportError> {
        let (w, h) = (self.width as usize, self.height as usize);
        if rgba.len() != w * h * 4 {
            return Err(ExportError(format!("a {w} × {h} frame has {} RGBA bytes, not {}", w * h * 4, rgba.len())));
        }
        let next: Vec<[u8; 3]> = rgba.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect();
        let mut frame = match &self.shown {
            None => indexed(self.width, self.height, &next.iter().map(|p| [p[0], p[1], p[2], 255]).collect::<Vec<_>>()),
            Some(shown) => changes(shown, &next, w, h),
        };
        frame.delay = delay_cs;
        frame.dispose = gif::DisposalMethod::Keep;
        self.encoder.write_frame(&frame)?;
        // Lay the frame over what was shown, as a viewer does.
        let shown = self.shown.get_or_insert_with(|| vec![[0; 3]; w * h]);
        let palette = frame.palette.as_deref().unwrap_or_default();
        for (k, &index) in frame.buffer.iter().enumerate() {
            if Some(index) != frame.transparent {
                let (x, y) =
                    (frame.left as usize + k % frame.width as usize, frame.top as usize + k / frame.width as usize);
                let c = index as usize * 3;
                shown[y * w + x] = [palette[c], palette[c + 1], palette[c + 2]];
            }
        }
        self.frames += 1;
        Ok(())
    }

    /// The GIF file.
    pub fn finish(self) -> Result<Vec<u8>, ExportError> {
        self.encoder.into_inner().map_err(|e| ExportError(format!("GIF encoding failed: {e}")))
    }
}

/// How far (in any channel) a shown pixel may be from the one asked for before it is sent again.
/// Quantised colours are never exact; this keeps their small errors from being re-sent every frame,
/// while comparing with what is shown (not with the last frame asked for) keeps errors from
/// piling up into ghosts of earlier frames.
pub const TOLERANCE: u8 = 4;

/// What must be laid over `shown` to show `next`: the bounding rectangle of the pixels off by
/// more than TOLERANCE, the others in it transparent. Nothing to change: one transparent pixel.
fn changes(shown: &[[u8; 3]], next: &[[u8; 3]], w: usize, h: usize) -> gif::Frame<'static> {
    let close = |i: usize| (0..3).all(|c| shown[i][c].abs_diff(next[i][c]) <= TOLERANCE);
    let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
    for y in 0..h {
        for x in 0..w {
            if !close(y * w + x) {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
    }
    if x0 > x1 {
        return indexed(1, 1, &[[0, 0, 0, 0]]);
    }
    let mut pixels = Vec::with_capacity((x1 - x0 + 1) * (y1 - y0 + 1));
    for y in y0..=y1 {
        for x in x0..=x1 {
            let i = y * w + x;
            let [r, g, b] = next[i];
            pixels.push(if close(i) { [0, 0, 0, 0] } else { [r, g, b, 255] });
        }
    }
    let mut frame = indexed((x1 - x0 + 1) as u16, (y1 - y0 + 1) as u16, &pixels);
    frame.left = x0 as u16;
    frame.top = y0 as u16;
    frame
}

/// Colours kept exact in a palette that NeuQuant completes: the most frequent ones (background,
/// grid, curves), so that a pixel going back to one of them shows it exactly.
pub const EXACT_COLOURS: usize = 64;

/// A frame of w × h pixels, alpha 0 meaning "keep what is there". The palette holds the opaque
/// pixels' colours exactly when there are at most 255 of them; otherwise the EXACT_COLOURS most
/// frequent exactly and NeuQuant's choice for the rest. The transparent index comes after the
/// colours, so it never stands for one of them.
fn indexed(w: u16, h: u16, pixels: &[[u8; 4]]) -> gif::Frame<'static> {
    let key = |p: &[u8; 4]| u32::from_be_bytes([0, p[0], p[1], p[2]]);
    let mut counts: Colours<u32> = Colours::default();
    for p in pixels.iter().filter(|p| p[3] != 0) {
        *counts.entry(key(p)).or_default() += 1;
    }
    let mut colours: Vec<(u32, u32)> = counts.into_iter().collect();
    // Most frequent first; ties in colour order, so the same frame always gives the same file.
    colours.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let keep = if colours.len() <= 255 { colours.len() } else { EXACT_COLOURS };
    let exact: Colours<u8> = colours[..keep].iter().enumerate().map(|(i, c)| (c.0, i as u8)).collect();
    let mut palette: Vec<u8> =
        colours[..keep].iter().flat_map(|c| [(c.0 >> 16) as u8, (c.0 >> 8) as u8, c.0 as u8]).collect();
    let rest: Vec<u8> =
        pixels.iter().filter(|p| p[3] != 0 && !exact.contains_key(&key(p))).flatten().copied().collect();
    let quant = (!rest.is_empty()).then(|| color_quant::NeuQuant::new(QUANT_SPEED, 255 - keep, &rest));
    if let Some(nq) = &quant {
        palette.extend(nq.color_map_rgb());
    }
    let transparent = (palette.len() / 3) as u8;
    let buffer: Vec<u8> = pixels
        .iter()
        .map(|p| match (p[3], exact.get(&key(p)), &quant) {
            (0, ..) => transparent,
            (_, Some(&i), _) => i,
            (_, None, Some(nq)) => (keep + nq.index_of(p)) as u8,
            (_, None, None) => unreachable!("every colour is exact or quantised"),
        })
        .collect();
    palette.extend_from_slice(&[0, 0, 0]);
    gif::Frame {
        width: w,
        height: h,
        buffer: buffer.into(),
        palette: Some(palette),
        transparent: pixels.iter().any(|p| p[3] == 0).then_some(transparent),
        ..gif::Frame::default()
    }
}

/// Maps keyed by a colour packed into a u32, hashed with one multiplication: std's default
/// hasher resists attacks that colours cannot mount, at several times the cost per pixel.
type Colours<V> = HashMap<u32, V, BuildHasherDefault<ColourHasher>>;

#[derive(Default)]
struct ColourHasher(u64);

impl Hasher for ColourHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = (v as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

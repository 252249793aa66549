//! Exports: an animated GIF of a training run, a frame every k epochs, in the page and on the
//! command line. The encoder takes RGBA frames from anywhere (the page's canvases, a native
//! bitmap); natively the panels are drawn with plotters' bitmap backend.
//!
//! The encoder itself is in `gif_encoder` (in the page a wasm module of its own, loaded on the
//! first export).

use crate::draw::{draw_axes, draw_data, draw_ink, Marks, Panel, Style, View};
use crate::model::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::fmt;

/// Size of one panel in an export, in CSS pixels (device pixels at ratio 1).
pub const PANEL_SIZE: (u32, u32) = (480, 320);
/// Frames a run is cut into by default (plus the frame at epoch 0).
pub const DEFAULT_FRAMES: u64 = 100;
/// Most frames one export may have.
pub const MAX_FRAMES: usize = 2000;
/// Delay of each frame and of the last one, which is held so the fit can be seen, in 1/100 s.
pub const FRAME_DELAY_CS: u16 = 8;
pub const LAST_FRAME_DELAY_CS: u16 = 200;

#[derive(Debug, Clone, PartialEq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExportError {}

/// How many panels each row of an export holds: up to three in a row, four as two over two,
/// five as three over two (the two below wider), so no cell is ever left empty.
pub fn rows(n: usize) -> Vec<usize> {
    match n {
        0 => vec![1],
        1..=3 => vec![n],
        4 => vec![2, 2],
        _ => (0..n.div_ceil(3)).map(|r| (n - 3 * r).min(3)).collect(),
    }
}

/// Columns (of the fullest row) and rows for `n` panels.
pub fn grid(n: usize) -> (u32, u32) {
    let rows = rows(n);
    (rows.iter().copied().max().unwrap_or(1) as u32, rows.len() as u32)
}

/// Where each of `n` panels goes in an export at the style's pixel ratio, as (x, y, width,
/// height) in pixels: every row as wide as the image, its panels sharing it evenly.
pub fn cells(n: usize, style: &Style) -> Vec<(i32, i32, u32, u32)> {
    let (w, _) = image_size(n, style);
    let ph = style.px(PANEL_SIZE.1 as f64) as u32;
    let mut out = Vec::with_capacity(n);
    for (r, &count) in rows(n).iter().enumerate() {
        for c in 0..count as u32 {
            let (x0, x1) = (w * c / count as u32, w * (c + 1) / count as u32);
            out.push((x0 as i32, (r as u32 * ph) as i32, x1 - x0, ph));
        }
    }
    out.truncate(n);
    out
}

/// Pixel size of an export of `n` panels at the style's pixel ratio (a GIF frame, an SVG).
pub fn image_size(n: usize, style: &Style) -> (u32, u32) {
    let (cols, rows) = grid(n);
    let (pw, ph) = (style.px(PANEL_SIZE.0 as f64) as u32, style.px(PANEL_SIZE.1 as f64) as u32);
    (cols * pw, rows * ph)
}

/// The epoch of every frame: 0, k, 2k, … and `epochs` itself (so a run of E epochs every K has
/// ⌈E/K⌉ + 1 frames).
pub fn schedule(epochs: u64, every: u64) -> Vec<u64> {
    let every = every.max(1);
    let mut at: Vec<u64> = (0..).map(|i| i * every).take_while(|&e| e < epochs).collect();
    at.push(epochs);
    at
}

/// The step that cuts `epochs` into about `DEFAULT_FRAMES` frames.
pub fn default_every(epochs: u64) -> u64 {
    epochs.div_ceil(DEFAULT_FRAMES).max(1)
}

mod plan;
pub use plan::Plan;

/// The panels `sigmoid-lab gif` draws unless told: the lesson's four, x→z, z→a, x→a and cost.
pub const CLI_PANELS: [Panel; 4] = [Panel::Xz, Panel::Za, Panel::Xa, Panel::Cost];

/// Draws `panels` of the trainer's current state on `root` in the cells of `cells`, each with
/// its layers in the page's order: axes, data, ink.
pub fn draw_panels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    t: &Trainer,
    marks: &Marks,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&style.palette().background)?;
    for ((x, y, w, h), &panel) in cells(panels.len(), style).into_iter().zip(panels) {
        let area = root.clone().shrink((x, y), (w, h));
        let view = View::of(panel, t);
        draw_axes(&area, panel, &view, style, t)?;
        draw_data(&area, panel, &view, style, t, marks)?;
        draw_ink(&area, panel, &view, style, t)?;
    }
    Ok(())
}

#[cfg(feature = "gif")]
pub mod gif_encoder;
#[cfg(feature = "gif")]
pub use gif_encoder::GifEncoder;

#[cfg(all(not(target_arch = "wasm32"), feature = "gif"))]
pub use native::*;
// Natively for `sigmoid-lab svg`; in the page, in the export module (feature gif).
#[cfg(any(not(target_arch = "wasm32"), feature = "gif"))]
mod svg;
#[cfg(any(not(target_arch = "wasm32"), feature = "gif"))]
pub use svg::render_svg;

#[cfg(all(not(target_arch = "wasm32"), feature = "gif"))]
mod text;

#[cfg(all(not(target_arch = "wasm32"), feature = "gif"))]
mod native {
    use super::text::Face;
    use super::*;
    use plotters::backend::BitMapBackend;
    use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
    use std::sync::OnceLock;

    /// Where a system font may be: a CJK one first (the panels' titles are Chinese by default),
    /// then Latin ones. `SIGMOID_LAB_FONT` names another file; set empty, it turns text off.
    const FONTS: &[(&str, Option<&str>)] = &[
        (
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            Some("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
        ),
        ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", Some("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc")),
        (
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            Some("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc"),
        ),
        ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", None),
        (
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            Some("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ),
        ("/usr/share/fonts/TTF/DejaVuSans.ttf", Some("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf")),
        ("/usr/share/fonts/dejavu/DejaVuSans.ttf", Some("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf")),
        (
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            Some("/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        ),
        ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", None),
        ("C:\\Windows\\Fonts\\msyh.ttc", Some("C:\\Windows\\Fonts\\msyhbd.ttc")),
        ("C:\\Windows\\Fonts\\arial.ttf", Some("C:\\Windows\\Fonts\\arialbd.ttf")),
    ];

    /// A font file's face to draw with (a collection's Simplified Chinese one), if it is a font.
    fn load(path: &str) -> Option<Face> {
        Face::load(std::fs::read(path).ok()?)
    }

    /// A regular face and, when there is one, its bold.
    struct Faces {
        regular: Face,
        bold: Option<Face>,
    }

    /// The faces found, loaded once; None when there is no usable font.
    fn system_font() -> Option<&'static Faces> {
        static FONT: OnceLock<Option<Faces>> = OnceLock::new();
        FONT.get_or_init(|| match std::env::var("SIGMOID_LAB_FONT") {
            Ok(path) if path.is_empty() => None,
            Ok(path) => load(&path).map(|regular| Faces { regular, bold: None }),
            Err(_) => FONTS
                .iter()
                .find_map(|(regular, bold)| load(regular).map(|r| Faces { regular: r, bold: bold.and_then(load) })),
        })
        .as_ref()
    }

    /// Whether text can be drawn (a system font was found).
    pub fn text_available() -> bool {
        system_font().is_some()
    }

    /// The index of the face drawn with in its file (a collection's Simplified Chinese face), if any.
    pub fn text_face_index() -> Option<u32> {
        system_font().map(|f| f.regular.index)
    }

    /// A backend that passes everything through but text, which it draws itself with the system
    /// font (see `text`), or not at all when there is none: a machine without fonts still gets
    /// curves, beans and axes.
    struct WithText<B> {
        inner: B,
        faces: Option<&'static Faces>,
    }

    impl<B> WithText<B> {
        fn face<S: BackendTextStyle>(&self, style: &S) -> Option<&'static Face> {
            let faces = self.faces?;
            match style.style() {
                FontStyle::Bold => Some(faces.bold.as_ref().unwrap_or(&faces.regular)),
                _ => Some(&faces.regular),
            }
        }
    }

    impl<B: DrawingBackend> DrawingBackend for WithText<B> {
        type ErrorType = B::ErrorType;

        fn get_size(&self) -> (u32, u32) {
            self.inner.get_size()
        }
        fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.ensure_prepared()
        }
        fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.present()
        }
        fn draw_pixel(
            &mut self,
            point: BackendCoord,
            color: BackendColor,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_pixel(point, color)
        }
        fn draw_line<S: BackendStyle>(
            &mut self,
            from: BackendCoord,
            to: BackendCoord,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_line(from, to, style)
        }
        fn draw_rect<S: BackendStyle>(
            &mut self,
            a: BackendCoord,
            b: BackendCoord,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_rect(a, b, style, fill)
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_path(path, style)
        }
        fn draw_circle<S: BackendStyle>(
            &mut self,
            center: BackendCoord,
            radius: u32,
            style: &S,
            fill: bool,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.draw_circle(center, radius, style, fill)
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            vert: I,
            style: &S,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.fill_polygon(vert, style)
        }
        fn draw_text<S: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &S,
            pos: BackendCoord,
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            let Some(face) = self.face(style) else { return Ok(()) };
            let color = style.color();
            let mut result = Ok(());
            face.draw(text, style.size(), style.anchor(), &style.transform(), pos, |x, y, cover| {
                if cover > 0.0 && result.is_ok() {
                    let ink = BackendColor { alpha: color.alpha * cover.min(1.0) as f64, rgb: color.rgb };
                    result = self.inner.draw_pixel((x, y), ink);
                }
            });
            result
        }
        fn estimate_text_size<S: BackendTextStyle>(
            &self,
            text: &str,
            style: &S,
        ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
            Ok(self.face(style).map_or((0, 0), |f| f.measure(text, style.size())))
        }
        fn blit_bitmap(
            &mut self,
            pos: BackendCoord,
            size: (u32, u32),
            src: &[u8],
        ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
            self.inner.blit_bitmap(pos, size, src)
        }
    }

    /// How many times finer than the output the panels are drawn before each block of pixels is
    /// averaged into one: the bitmap backend draws lines and text edges without anti-aliasing.
    pub const SUPERSAMPLE: u32 = 2;

    /// The panels of the trainer's current state as RGBA pixels: (width, height, pixels). Drawn
    /// at `SUPERSAMPLE` times the style's pixel ratio and box-filtered down, so curves have soft
    /// edges as on the page's canvas.
    pub fn render_rgba(t: &Trainer, panels: &[Panel], style: &Style) -> Result<(u32, u32, Vec<u8>), ExportError> {
        let (w, h) = image_size(panels.len(), style);
        let k = SUPERSAMPLE as usize;
        let fine = Style { dpr: style.dpr * SUPERSAMPLE as f64, ..*style };
        let (fw, fh) = (w as usize * k, h as usize * k);
        let mut rgb = vec![0u8; fw * fh * 3];
        {
            let backend =
                WithText { inner: BitMapBackend::with_buffer(&mut rgb, (fw as u32, fh as u32)), faces: system_font() };
            let root = backend.into_drawing_area();
            draw_panels(&root, panels, &fine, t, &Marks::default())
                .map_err(|e| ExportError(format!("drawing failed: {e}")))?;
            root.present().map_err(|e| ExportError(format!("drawing failed: {e}")))?;
        }
        let mut rgba = Vec::with_capacity(w as usize * h as usize * 4);
        let n = (k * k) as u32;
        for y in 0..h as usize {
            for x in 0..w as usize {
                let mut sum = [0u32; 3];
                for dy in 0..k {
                    let row = ((y * k + dy) * fw + x * k) * 3;
                    for p in rgb[row..row + 3 * k].chunks_exact(3) {
                        for c in 0..3 {
                            sum[c] += p[c] as u32;
                        }
                    }
                }
                rgba.extend_from_slice(&[
                    ((sum[0] + n / 2) / n) as u8,
                    ((sum[1] + n / 2) / n) as u8,
                    ((sum[2] + n / 2) / n) as u8,
                    255,
                ]);
            }
        }
        Ok((w, h, rgba))
    }

    /// How a run went: frames written, and where training stopped.
    #[derive(Debug, Clone, PartialEq)]
    pub struct RunGif {
        pub bytes: Vec<u8>,
        pub frames: u32,
        pub width: u32,
        pub height: u32,
        /// Epochs between frames (the plan's).
        pub every: u64,
        /// The last epoch drawn (earlier than asked if training diverged).
        pub epochs: u64,
    }

    /// Trains `t` for `epochs` more epochs, drawing `panels` every `every` epochs (about 100
    /// frames when None) and at the end, as the export's `Plan` says, and encodes the frames as a
    /// GIF. `progress(done, total)` follows along. A diverging run ends with the frame where it
    /// diverged.
    pub fn run_gif(
        t: &mut Trainer,
        panels: &[Panel],
        style: &Style,
        epochs: u64,
        every: Option<u64>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<RunGif, ExportError> {
        let plan = Plan::new(panels.len(), epochs, every)?;
        let start = t.epoch();
        // Every frame on the same axes: the cost chart's reaches the last epoch from the first frame.
        t.set_goal(start + epochs);
        let at = &plan.frames;
        let (w, h) = image_size(panels.len(), style);
        let mut gif = GifEncoder::new(w, h)?;
        for (i, &e) in at.iter().enumerate() {
            let want = start + e - t.epoch();
            let done = t.train_epochs(want);
            let last = i + 1 == at.len() || done < want;
            let (_, _, rgba) = render_rgba(t, panels, style)?;
            gif.add_frame(&rgba, if last { LAST_FRAME_DELAY_CS } else { FRAME_DELAY_CS })?;
            progress(i + 1, at.len());
            if last {
                break;
            }
        }
        let frames = gif.frames();
        Ok(RunGif { bytes: gif.finish()?, frames, width: w, height: h, every: plan.every, epochs: t.epoch() - start })
    }
}

#[cfg(all(test, feature = "gif"))]
mod tests {
    use super::*;
    use crate::export::gif_encoder::TOLERANCE;

    /// Decodes a GIF as a viewer shows it: each frame laid over the ones before. Returns the
    /// size and, for every frame, the screen after it and which pixels the frame itself set.
    type Shown = Vec<(Vec<u8>, Vec<bool>)>;

    fn decode_frames(bytes: &[u8]) -> (u32, u32, Shown) {
        let mut opts = gif::DecodeOptions::new();
        opts.set_color_output(gif::ColorOutput::RGBA);
        let mut d = opts.read_info(bytes).unwrap();
        let (w, h) = (d.width() as usize, d.height() as usize);
        let mut screen = vec![0u8; w * h * 4];
        let mut frames = Vec::new();
        while let Some(f) = d.read_next_frame().unwrap() {
            let mut sent = vec![false; w * h];
            for y in 0..f.height as usize {
                for x in 0..f.width as usize {
                    let s = (y * f.width as usize + x) * 4;
                    if f.buffer[s + 3] != 0 {
                        let t = (y + f.top as usize) * w + x + f.left as usize;
                        screen[t * 4..t * 4 + 4].copy_from_slice(&f.buffer[s..s + 4]);
                        sent[t] = true;
                    }
                }
            }
            frames.push((screen.clone(), sent));
        }
        (w as u32, h as u32, frames)
    }

    fn decode(bytes: &[u8]) -> (u32, u32, Vec<Vec<u8>>) {
        let (w, h, frames) = decode_frames(bytes);
        (w, h, frames.into_iter().map(|f| f.0).collect())
    }

    /// Every pixel a frame leaves as it was is within TOLERANCE of what was asked for (no ghosts
    /// of earlier frames); of the ones it sets, all but one in a thousand are within `quantised`.
    fn assert_faithful(asked: &[Vec<u8>], bytes: &[u8], quantised: u8) {
        let (_, _, frames) = decode_frames(bytes);
        assert_eq!(frames.len(), asked.len());
        for (i, (want, (got, sent))) in asked.iter().zip(&frames).enumerate() {
            let mut far = 0;
            for (p, &sent) in sent.iter().enumerate() {
                let off = (0..3).map(|c| want[p * 4 + c].abs_diff(got[p * 4 + c])).max().unwrap();
                if sent {
                    far += (off > quantised) as usize;
                } else {
                    assert!(off <= TOLERANCE, "frame {i}, pixel {p} kept from before: off by {off}");
                }
            }
            assert!(far * 1000 <= sent.len(), "frame {i}: {far} pixels quantised further than {quantised}");
        }
    }

    fn solid(w: usize, h: usize, rgb: [u8; 3]) -> Vec<u8> {
        (0..w * h).flat_map(|_| [rgb[0], rgb[1], rgb[2], 255]).collect()
    }

    #[test]
    fn schedules_include_both_ends() {
        assert_eq!(schedule(1000, 10).len(), 101);
        assert_eq!(schedule(25, 10), vec![0, 10, 20, 25]);
        assert_eq!(schedule(0, 10), vec![0]);
        assert_eq!(schedule(5, 0), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(default_every(1000), 10);
        assert_eq!(default_every(50), 1);
        assert_eq!(grid(4), (2, 2));
        assert_eq!(grid(3), (3, 1));
        assert_eq!(grid(1), (1, 1));
        assert_eq!(grid(5), (3, 2));
        assert_eq!(rows(5), vec![3, 2]);
        assert_eq!(rows(6), vec![3, 3]);
        // Five panels: three over two wider ones, filling the image with no empty cell.
        let style = Style::default();
        let c = cells(5, &style);
        assert_eq!(image_size(5, &style), (1440, 640));
        assert_eq!(
            c,
            vec![(0, 0, 480, 320), (480, 0, 480, 320), (960, 0, 480, 320), (0, 320, 720, 320), (720, 320, 720, 320)]
        );
        let area: u32 = c.iter().map(|c| c.2 * c.3).sum();
        assert_eq!(area, 1440 * 640);
        assert_eq!(cells(4, &style)[3], (480, 320, 480, 320));
    }

    #[test]
    fn frames_round_trip_through_a_decoder() {
        let (w, h) = (40, 30);
        let a = solid(w, h, [255, 255, 255]);
        let mut b = a.clone();
        for y in 10..20 {
            for x in 5..15 {
                let i = (y * w + x) * 4;
                b[i..i + 3].copy_from_slice(&[9, 105, 218]);
            }
        }
        let mut gif = GifEncoder::new(w as u32, h as u32).unwrap();
        gif.add_frame(&a, 8).unwrap();
        gif.add_frame(&b, 8).unwrap();
        gif.add_frame(&b, 200).unwrap();
        assert_eq!(gif.frames(), 3);
        let bytes = gif.finish().unwrap();
        assert_eq!(&bytes[..6], b"GIF89a");
        let (dw, dh, shown) = decode(&bytes);
        assert_eq!((dw, dh, shown.len()), (w as u32, h as u32, 3));
        let px = |f: &Vec<u8>, x: usize, y: usize| f[(y * w + x) * 4..(y * w + x) * 4 + 3].to_vec();
        assert_eq!(px(&shown[0], 7, 12), vec![255, 255, 255]);
        assert_eq!(px(&shown[1], 7, 12), vec![9, 105, 218]);
        assert_eq!(px(&shown[1], 30, 25), vec![255, 255, 255]);
        assert_eq!(shown[2], shown[1]);
    }

    /// Every decoded frame looks like what was drawn: unchanged pixels are kept from earlier
    /// frames, changed ones quantised closely.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_run_decodes_to_what_was_drawn() {
        use crate::model::beans::Beans;
        let mut t = Trainer::new(Beans::course(1, 50), 0.5, -0.2, 0.5);
        let style = Style::default();
        let mut drawn = Vec::new();
        let mut gif = GifEncoder::new(960, 640).unwrap();
        for e in schedule(40, 4) {
            t.train_epochs(e - t.epoch());
            let (w, h, rgba) = render_rgba(&t, &CLI_PANELS, &style).unwrap();
            assert_eq!((w, h), (960, 640));
            gif.add_frame(&rgba, FRAME_DELAY_CS).unwrap();
            drawn.push(rgba);
        }
        let bytes = gif.finish().unwrap();
        assert_ne!(drawn[0], drawn[drawn.len() - 1]);
        assert_faithful(&drawn, &bytes, 32);
        let (_, _, shown) = decode(&bytes);
        for (i, (a, b)) in drawn.iter().zip(&shown).enumerate() {
            let mean = a.iter().zip(b).map(|(a, b)| a.abs_diff(*b) as f64).sum::<f64>() / a.len() as f64;
            assert!(mean < 1.0, "frame {i}: mean error {mean:.2}");
        }
    }

    /// Soft-edged, many-coloured shapes (as a browser's anti-aliased canvas gives) moving over a
    /// white page: quantised by NeuQuant, and nothing they leave behind lingers as a ghost.
    #[test]
    fn moving_soft_shapes_leave_no_ghosts() {
        let (w, h) = (160usize, 120usize);
        let frame = |t: usize| -> Vec<u8> {
            let (cx, cy) = (20.0 + 6.0 * t as f64, 60.0 + 20.0 * (t as f64 / 3.0).sin());
            let mut px = Vec::with_capacity(w * h * 4);
            for y in 0..h {
                for x in 0..w {
                    let d = ((x as f64 - cx).powi(2) + (y as f64 - cy).powi(2)).sqrt();
                    let cover = (22.0 - d).clamp(0.0, 6.0) / 6.0;
                    let ink = [(x * 255 / w) as f64, (y * 255 / h) as f64, 160.0];
                    px.extend(ink.iter().map(|&c| (255.0 * (1.0 - cover) + c * cover).round() as u8));
                    px.push(255);
                }
            }
            px
        };
        let asked: Vec<Vec<u8>> = (0..20).map(frame).collect();
        let mut gif = GifEncoder::new(w as u32, h as u32).unwrap();
        for f in &asked {
            gif.add_frame(f, FRAME_DELAY_CS).unwrap();
        }
        assert_faithful(&asked, &gif.finish().unwrap(), 48);
    }

    /// A run that diverges ends with the frame where it stopped, held like a last frame.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_diverging_run_ends_where_it_stopped() {
        use crate::model::beans::Beans;
        use crate::model::neuron::Cost;
        // Cross-entropy at w = 1e300 is astronomically large: the first epoch diverges.
        let mut t = Trainer::new(Beans::course(1, 100), 1e300, -1e300, 10.0);
        t.set_cost(Cost::Ce);
        let run = run_gif(&mut t, &[Panel::Cost], &Style::default(), 100, Some(10), |_, _| {}).unwrap();
        assert!(t.diverged_at().is_some());
        assert_eq!((run.frames, run.epochs), (2, 0), "epoch 0, then where it stopped");
        assert_eq!(decode(&run.bytes).2.len() as u32, run.frames);
    }

    #[test]
    fn wrong_sizes_are_refused() {
        assert!(GifEncoder::new(0, 10).is_err());
        assert!(GifEncoder::new(70000, 10).is_err());
        let mut gif = GifEncoder::new(4, 4).unwrap();
        assert!(gif.add_frame(&[0; 10], 8).is_err());
    }
}

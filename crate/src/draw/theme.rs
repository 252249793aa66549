//! Colours and sizes. Sizes are in CSS pixels and scaled by the device pixel ratio, so the canvas
//! is drawn at device resolution and stays crisp at any zoom.

use super::Lang;
use plotters::style::{FontDesc, FontFamily, FontStyle, RGBAColor};

/// How to draw: device pixel ratio, language, grid, light or dark, a background other than the
/// palette's (a link's `bg`: a colour, or transparent so the page behind shows through), whether a
/// button sits over the charts' top right corner (a small embed's ⚙), and how many units of the
/// picture make one device pixel (`grain`: 1 on a canvas; see `finer`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub dpr: f64,
    pub lang: Lang,
    pub grid: bool,
    pub dark: bool,
    pub background: Option<RGBAColor>,
    pub corner: bool,
    pub grain: u32,
}

impl Style {
    /// A style from the page's values: a device pixel ratio that is not a positive number counts
    /// as 1, and any other is held to 0.5 … 4 (beyond, canvases would be huge or unreadable).
    pub fn from_page(dpr: f64, lang: &str, grid: bool, dark: bool) -> Style {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.clamp(0.5, 4.0) } else { 1.0 };
        Style {
            dpr,
            lang: Lang::from_key(lang).unwrap_or(Lang::Zh),
            grid,
            dark,
            background: None,
            corner: false,
            grain: 1,
        }
    }

    /// This style for a picture `grain` times finer than the device's pixels (the page's vector
    /// data layer): sizes scale with it, and its plotting area is the device one's, scaled, so what
    /// is drawn on it lies over the canvas's axes while a curve's points fall between pixels.
    pub fn finer(&self, grain: u32) -> Style {
        let grain = grain.max(1);
        Style { dpr: self.dpr * grain as f64, grain: self.grain * grain, ..*self }
    }

    /// This style at one unit per device pixel.
    pub fn device(&self) -> Style {
        Style { dpr: self.dpr / self.grain as f64, grain: 1, ..*self }
    }
}

impl Default for Style {
    fn default() -> Self {
        Style { dpr: 1.0, lang: Lang::Zh, grid: true, dark: false, background: None, corner: false, grain: 1 }
    }
}

/// A CJK-first stack that looks native on macOS, Windows and Linux; plain names (no quotes) so
/// the same string works in canvas fonts and SVG attributes.
pub const FONT_FAMILY: &str =
    "PingFang SC, Microsoft YaHei, Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, system-ui, sans-serif";
/// For English: Latin faces first, so digits and punctuation are not set in a CJK face.
pub const FONT_FAMILY_EN: &str = "system-ui, Segoe UI, Roboto, Noto Sans, Helvetica Neue, Arial, PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif";

impl Style {
    /// CSS pixels to device pixels.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.dpr).round() as i32
    }

    /// A stroke width in device pixels, at least 1.
    pub fn stroke(&self, css: f64) -> u32 {
        ((css * self.dpr).round() as u32).max(1)
    }

    pub fn font_size(&self, css: f64) -> f64 {
        (css * self.dpr).round()
    }

    pub fn palette(&self) -> Palette {
        let pal = if self.dark { Palette::DARK } else { Palette::LIGHT };
        Palette { background: self.background.unwrap_or(pal.background), ..pal }
    }

    /// The text font at `css` CSS pixels. Built from its parts: plotters' (family, size) form
    /// lower-cases the family name on every use, which brings Unicode case tables into the wasm.
    pub fn font(&self, css: f64) -> FontDesc<'static> {
        FontDesc::new(FontFamily::Name(self.font_family()), self.font_size(css), FontStyle::Normal)
    }

    pub fn font_family(&self) -> &'static str {
        match self.lang {
            Lang::Zh => FONT_FAMILY,
            Lang::En => FONT_FAMILY_EN,
        }
    }
}

/// Every colour a panel uses. Text and marks meet WCAG AA contrast on their background; toxic and
/// safe beans also differ in shape (triangle, circle).
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub background: RGBAColor,
    pub text: RGBAColor,
    pub muted: RGBAColor,
    pub axis: RGBAColor,
    pub grid: RGBAColor,
    pub line: RGBAColor,
    pub sigmoid: RGBAColor,
    pub toxic: RGBAColor,
    pub safe: RGBAColor,
    pub boundary: RGBAColor,
    pub band: RGBAColor,
    pub cost: RGBAColor,
    pub probe: RGBAColor,
}

const fn rgb(r: u8, g: u8, b: u8) -> RGBAColor {
    RGBAColor(r, g, b, 1.0)
}

impl Palette {
    pub const LIGHT: Palette = Palette {
        background: rgb(255, 255, 255),
        text: rgb(31, 35, 40),
        muted: rgb(87, 96, 106),
        axis: rgb(87, 96, 106),
        grid: rgb(230, 233, 237),
        line: rgb(9, 105, 218),
        sigmoid: rgb(130, 80, 223),
        toxic: rgb(207, 34, 46),
        safe: rgb(26, 127, 55),
        boundary: rgb(154, 103, 0),
        band: RGBAColor(130, 80, 223, 0.13),
        cost: rgb(9, 105, 218),
        probe: rgb(188, 76, 0),
    };
    pub const DARK: Palette = Palette {
        background: rgb(22, 27, 34),
        text: rgb(230, 237, 243),
        muted: rgb(145, 152, 161),
        axis: rgb(145, 152, 161),
        grid: rgb(48, 54, 61),
        line: rgb(88, 166, 255),
        sigmoid: rgb(210, 168, 255),
        toxic: rgb(255, 123, 114),
        safe: rgb(63, 185, 80),
        boundary: rgb(210, 153, 34),
        band: RGBAColor(210, 168, 255, 0.16),
        cost: rgb(88, 166, 255),
        probe: rgb(255, 166, 87),
    };
}

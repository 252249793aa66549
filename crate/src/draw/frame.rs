//! Axes, grid, ticks and labels drawn by hand around a plotting area. Every label is placed by its
//! anchor (the canvas aligns it), so nothing is measured: plotters' own mesh measures each label
//! through the page's DOM, a forced layout per label, which made the first paint slow.

use super::view::{Layout, PlotArea};
use super::{Style, View};
use crate::settings::decimal;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// About `n` round tick values (steps of 1, 2 or 5 × 10^k) within `range`, and the step.
pub fn ticks(range: (f64, f64), n: usize) -> (Vec<f64>, f64) {
    let span = range.1 - range.0;
    if !span.is_finite() || span <= 0.0 {
        return (vec![range.0], 1.0);
    }
    let raw = span / n.max(1) as f64;
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let norm = raw / mag;
    let step = mag
        * if norm < 1.5 {
            1.0
        } else if norm < 3.0 {
            2.0
        } else if norm < 7.0 {
            5.0
        } else {
            10.0
        };
    let first = (range.0 / step - 1e-9).ceil() as i64;
    let last = (range.1 / step + 1e-9).floor() as i64;
    ((first..=last).map(|i| i as f64 * step).collect(), step)
}

/// A tick's text with the decimals its step needs, a true minus sign and never "−0".
pub fn tick_text(v: f64, step: f64) -> String {
    let decimals = (-(step.abs().max(1e-12).log10() + 1e-9).floor()).clamp(0.0, 6.0) as usize;
    let s = decimal::fixed(v, decimals as u32);
    if s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
        s.trim_start_matches('-').to_string()
    } else {
        s.replace('-', "−")
    }
}

/// Ticks for `range` over `extent` device pixels: about `wanted`, fewer when their labels would
/// touch. `label` is a label's extent along the axis in device pixels (its width on x, its height on
/// y), `gap` the least room between two neighbours. Nothing is measured: small frames thin their
/// ticks by the same estimate on every backend.
pub fn fit_ticks(
    range: (f64, f64),
    wanted: usize,
    extent: i32,
    label: &dyn Fn(&str) -> i32,
    gap: i32,
) -> (Vec<f64>, f64) {
    let span = range.1 - range.0;
    let mut n = wanted.max(1);
    loop {
        let (ts, step) = ticks(range, n);
        let spacing = extent as f64 * step / span;
        let sizes: Vec<i32> = ts.iter().map(|&v| label(&tick_text(v, step))).collect();
        if sizes.windows(2).all(|w| spacing >= (w[0] + w[1]) as f64 / 2.0 + gap as f64) {
            return (ts, step);
        }
        if n == 1 {
            // Not even two labels fit: the first alone.
            return (ts.into_iter().take(1).collect(), step);
        }
        n -= 1;
    }
}

/// The tick labels' size in CSS pixels: ticks thin out in small frames, their text never shrinks.
pub const TICK_FONT: f64 = 12.0;

/// About how wide `text` is at `font` device pixels, erring wide (nothing is measured: the browser
/// would lay out each label): the page's faces set Latin letters within 0.72 em, digits within
/// 0.65, the point, the middle dot and the space within 0.4, brackets within 0.45, the minus sign
/// within 0.85, CJK and the rest in 1 em.
pub fn text_width(text: &str, font: f64) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | '·' => 0.4,
            '(' | ')' => 0.45,
            '−' => 0.85,
            '0'..='9' => 0.65,
            c if c.is_ascii() => 0.72,
            _ => 1.0,
        })
        .sum();
    (em * font).ceil() as i32
}

/// The panel's title at the top left: the whole title, or where it does not fit (a narrow panel,
/// or room kept for a small embed's ⚙ button) its name before the colon, "x → z".
pub fn draw_title<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, style: &Style) -> DrawResult<DB> {
    let font = style.font(14.0).style(FontStyle::Bold);
    let room = root.dim_in_pixel().0 as i32 - style.px(if style.corner { 46.0 } else { 20.0 });
    let short = || title.char_indices().find(|&(_, c)| c == ':' || c == '：').map_or(title, |(i, _)| &title[..i]);
    let text = if text_width(title, font.get_size()) <= room { title } else { short() };
    let pos = Pos::new(HPos::Left, VPos::Center);
    let colour = style.palette().text;
    let title_style = TextStyle::from(font).color(&colour).pos(pos);
    root.draw(&Text::new(text, (style.px(10.0), style.px(15.0)), title_style))
}

/// What to draw around a plotting area.
pub struct Frame<'a> {
    pub x_ticks: usize,
    pub y_ticks: usize,
    pub x_name: &'a str,
    pub y_name: &'a str,
    pub grid: bool,
}

/// Draws on `root` (the whole canvas, in device pixels) around `area`, the plotting area in it.
pub fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    area: &PlotArea<DB>,
    view: &View,
    style: &Style,
    f: &Frame,
) -> DrawResult<DB> {
    let pal = style.palette();
    // Pixel ranges are absolute on the backend; `root` may itself be a part of it (the GIF's grid).
    let (xr, yr) = area.get_pixel_range();
    let base = root.get_base_pixel();
    let (left, right, top, bottom) = (xr.start - base.0, xr.end - 1 - base.0, yr.start - base.1, yr.end - 1 - base.1);
    // Labels never touch: fewer ticks where the frame is small.
    let font = style.font_size(TICK_FONT);
    let (xs, xstep) = fit_ticks(view.x, f.x_ticks, right - left, &|s| text_width(s, font), style.px(6.0));
    let (ys, ystep) = fit_ticks(view.y, f.y_ticks, bottom - top, &|_| (font * 1.2).ceil() as i32, style.px(2.0));
    let line = |c: RGBAColor, w: f64| ShapeStyle::from(c).stroke_width(style.stroke(w));
    if f.grid {
        for &x in &xs {
            area.draw(&PathElement::new(vec![(x, view.y.0), (x, view.y.1)], line(pal.grid, 1.0)))?;
        }
        for &y in &ys {
            area.draw(&PathElement::new(vec![(view.x.0, y), (view.x.1, y)], line(pal.grid, 1.0)))?;
        }
    }
    let axis = line(pal.axis, 1.0);
    let tick = style.px(4.0);
    root.draw(&PathElement::new(vec![(left, top), (left, bottom), (right, bottom)], axis))?;
    let labels = TextStyle::from(style.font(TICK_FONT)).color(&pal.muted);
    let x_labels = labels.pos(Pos::new(HPos::Center, VPos::Top));
    let y_labels = labels.pos(Pos::new(HPos::Right, VPos::Center));
    for &x in &xs {
        let px = area.map_coordinate(&(x, view.y.0)).0 - base.0;
        root.draw(&PathElement::new(vec![(px, bottom), (px, bottom + tick)], axis))?;
        root.draw(&Text::new(tick_text(x, xstep), (px, bottom + tick + style.px(2.0)), x_labels.clone()))?;
    }
    for &y in &ys {
        let py = area.map_coordinate(&(view.x.0, y)).1 - base.1;
        root.draw(&PathElement::new(vec![(left - tick, py), (left, py)], axis))?;
        root.draw(&Text::new(tick_text(y, ystep), (left - tick - style.px(3.0), py), y_labels.clone()))?;
    }
    let names = TextStyle::from(style.font(12.0)).color(&pal.text);
    // The x name under the plot, kept inside the canvas; left out where even that is too narrow.
    let width = root.dim_in_pixel().0 as i32;
    let half = text_width(f.x_name, style.font_size(12.0)) / 2;
    if 2 * half <= width {
        let x = ((left + right) / 2).max(half).min(width - half);
        let x_name = names.pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(f.x_name, (x, bottom + tick + style.px(17.0)), x_name))?;
    }
    // The y name along the canvas's left edge, where the layout left room for it and it is no
    // longer than the axis.
    if Layout::names_y(style, width as u32) && text_width(f.y_name, style.font_size(12.0)) <= bottom - top {
        let y_name = names.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(f.y_name, (style.px(4.0), (top + bottom) / 2), y_name))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_inside() {
        assert_eq!(ticks((0.0, 1.0), 6).0, vec![0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]);
        assert_eq!(ticks((-10.0, 10.0), 5).0, vec![-10.0, -5.0, 0.0, 5.0, 10.0]);
        assert_eq!(ticks((-0.1, 1.1), 3).0, vec![0.0, 0.5, 1.0]);
        assert_eq!(ticks((0.0, 1000.0), 6).0.len(), 6);
        let (t, step) = ticks((0.0, 0.3), 5);
        assert_eq!((t.len(), step), (7, 0.05));
        assert_eq!(ticks((1.0, 1.0), 5).0, vec![1.0]);
    }

    #[test]
    fn small_extents_thin_the_ticks_until_labels_fit() {
        let font = 11.0;
        let width = |s: &str| text_width(s, font);
        // Wide: what was asked for.
        assert_eq!(fit_ticks((0.0, 1.0), 6, 400, &width, 6).0.len(), 6);
        assert_eq!(fit_ticks((-10.0, 10.0), 5, 400, &width, 6).0.len(), 5);
        for range in [(0.0, 1.0), (-10.0, 10.0), (-20.0, 20.0), (0.0, 1000.0), (-0.1, 1.1), (0.0, 0.3), (-500.0, 500.0)]
        {
            for extent in [30, 50, 80, 120, 160, 240, 320, 480, 960] {
                for (wanted, label, gap) in [(6, None, 6), (5, Some(14), 2), (3, Some(14), 2)] {
                    let size = |s: &str| label.unwrap_or_else(|| width(s));
                    let (ts, step) = fit_ticks(range, wanted, extent, &size, gap);
                    assert!(!ts.is_empty() && ts.len() <= ticks(range, wanted).0.len(), "{range:?} {extent}: {ts:?}");
                    // Neighbouring labels, centred on their ticks, leave the gap between them.
                    let px = |v: f64| (v - range.0) / (range.1 - range.0) * extent as f64;
                    for pair in ts.windows(2) {
                        let (a, b) = (tick_text(pair[0], step), tick_text(pair[1], step));
                        let need = (size(&a) + size(&b)) as f64 / 2.0 + gap as f64;
                        assert!(px(pair[1]) - px(pair[0]) >= need - 1e-9, "{range:?} over {extent}: {a} and {b} touch");
                    }
                }
            }
        }
        // Wider labels (device pixels at ratio 2) over twice the pixels: the same ticks.
        let at2 = |s: &str| text_width(s, 22.0);
        assert_eq!(fit_ticks((0.0, 1.0), 6, 240, &at2, 12), fit_ticks((0.0, 1.0), 6, 120, &width, 6));
    }

    #[test]
    fn tick_text_reads_well() {
        assert_eq!(tick_text(0.6000000000000001, 0.2), "0.6");
        assert_eq!(tick_text(-5.0, 5.0), "−5");
        assert_eq!(tick_text(-0.0, 0.5), "0.0");
        assert_eq!(tick_text(0.05, 0.05), "0.05");
        assert_eq!(tick_text(500.0, 200.0), "500");
    }
}

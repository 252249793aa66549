//! Axes, grid, ticks and labels drawn by hand around a plotting area. Every label is placed by its
//! anchor (the canvas aligns it), so nothing is measured: plotters' own mesh measures each label
//! through the page's DOM, a forced layout per label, which made the first paint slow.

use super::view::PlotArea;
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
    let (xs, xstep) = ticks(view.x, f.x_ticks);
    let (ys, ystep) = ticks(view.y, f.y_ticks);
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
    let labels = TextStyle::from(style.font(11.0)).color(&pal.muted);
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
    let x_name = names.pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(f.x_name, ((left + right) / 2, bottom + tick + style.px(17.0)), x_name))?;
    let y_name = names.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(f.y_name, (left - style.px(48.0), (top + bottom) / 2), y_name))?;
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
    fn tick_text_reads_well() {
        assert_eq!(tick_text(0.6000000000000001, 0.2), "0.6");
        assert_eq!(tick_text(-5.0, 5.0), "−5");
        assert_eq!(tick_text(-0.0, 0.5), "0.0");
        assert_eq!(tick_text(0.05, 0.05), "0.05");
        assert_eq!(tick_text(500.0, 200.0), "500");
    }
}

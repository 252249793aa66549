//! What each panel shows (its axis ranges) and where its plotting area sits on the canvas.

use super::data::bean_point;
use super::frame::TICK_FONT;
use super::{Panel, Style};
use crate::model::trainer::Trainer;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Axis ranges of a panel. Ranges move in coarse steps (never with every drag), so the axes
/// layer is redrawn rarely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

/// The fixed z window of panel z→a: the sigmoid is 0 or 1 to the eye beyond ±10.
pub const Z_WINDOW: f64 = 10.0;
/// Vertical window for a in (0, 1), with room for the beans drawn at 0 and 1.
pub const A_WINDOW: (f64, f64) = (-0.1, 1.1);

/// The smallest entry of `steps` at least `v` (the last one if none is).
pub(super) fn bucket(v: f64, steps: &[f64]) -> f64 {
    steps.iter().copied().find(|&s| v <= s).unwrap_or(steps[steps.len() - 1])
}

/// 10, 20, 50, 100, 200, 500, … at least `v`.
pub(super) fn nice_ceiling(v: f64) -> f64 {
    let mut m = 10.0;
    loop {
        for k in [1.0, 2.0, 5.0] {
            if v <= k * m {
                return k * m;
            }
        }
        m *= 10.0;
    }
}

impl View {
    pub fn of(panel: Panel, t: &Trainer) -> View {
        let (x0, x1) = t.beans().x_span();
        match panel {
            Panel::Xz => {
                let reach = (t.w() * x0 + t.b()).abs().max((t.w() * x1 + t.b()).abs());
                let z = bucket(reach * 1.05, &[2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]);
                View { x: (x0, x1), y: (-z, z) }
            }
            // Room for a up to L when the logistic is taller than 1.
            Panel::Za => View { x: (-Z_WINDOW, Z_WINDOW), y: (A_WINDOW.0, A_WINDOW.1 * t.activation().top().max(1.0)) },
            Panel::Xa => View { x: (x0, x1), y: (A_WINDOW.0, A_WINDOW.1 * t.activation().top().max(1.0)) },
            Panel::Cost => {
                let top = t.cost_history().points().iter().map(|p| p.1).fold(0.0, f64::max);
                let y = bucket(top * 1.05, &[0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0]);
                // Up to the run's goal from its start: the curve grows along a still axis.
                View { x: (0.0, nice_ceiling(t.epoch().max(t.goal()) as f64)), y: (0.0, y) }
            }
            Panel::Landscape => {
                let r = super::landscape::WINDOW;
                View { x: (-r, r), y: (-r, r) }
            }
        }
    }
}

/// At least as wide as any tick label over `range` at `font` device pixels, by `text_width`'s
/// measures. Panels ask for at most 6 ticks, whose step is then at least a ninth of the span: the
/// labels need no more decimals than that, and a minus sign only where the range reaches below −step.
pub(super) fn widest_tick(range: (f64, f64), font: f64) -> i32 {
    let least = (range.1 - range.0) / 9.0;
    let reach = range.0.abs().max(range.1.abs()).max(1.0);
    let decimals = (-least.log10().floor()).clamp(0.0, 6.0);
    let point = if decimals > 0.0 { 0.4 } else { 0.0 };
    let sign = if range.0 <= -least { 0.85 } else { 0.0 };
    ((sign + point + 0.65 * (reach.log10().floor() + 1.0 + decimals)) * font).ceil() as i32
}

/// Margins and label areas in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    pub top: i32,
    pub right: i32,
    pub bottom: i32,
    pub left: i32,
    pub x_labels: i32,
    pub y_labels: i32,
}

/// Below this width in CSS pixels a panel is narrow (three charts side by side in a small embed).
pub const NARROW: f64 = 200.0;

impl Layout {
    /// The margins of a canvas of `size` device pixels showing `view`: the y labels get the room
    /// their widest text needs (and the tick, and the y name where there is one), the x axis's
    /// last label the room its right half needs.
    pub fn of(style: &Style, size: (u32, u32), view: &View) -> Layout {
        if style.grain > 1 {
            // A finer picture has the device picture's margins, scaled: it lies over the canvas.
            let g = style.grain;
            let l = Layout::of(&style.device(), (size.0 / g, size.1 / g), view);
            let g = g as i32;
            return Layout {
                top: l.top * g,
                right: l.right * g,
                bottom: l.bottom * g,
                left: l.left * g,
                x_labels: l.x_labels * g,
                y_labels: l.y_labels * g,
            };
        }
        let font = style.font_size(TICK_FONT);
        let widest = |range| widest_tick(range, font);
        let named = Layout::names_y(style, size.0);
        Layout {
            top: style.px(30.0),
            right: style.px(if named { 14.0 } else { 6.0 }).max(widest(view.x) / 2 + style.px(1.0)),
            bottom: style.px(4.0),
            left: style.px(4.0),
            x_labels: style.px(38.0),
            y_labels: widest(view.y) + style.px(if named { 28.0 } else { 8.0 }),
        }
    }
}

impl Layout {
    /// Whether a canvas `width` device pixels wide draws the y axis's name: a narrow one gives its
    /// room to the plot (the title names the axes, "x → z").
    pub fn names_y(style: &Style, width: u32) -> bool {
        width as f64 >= NARROW * style.dpr
    }

    /// Whether a canvas of `size` device pixels leaves room for a plotting area after the margins.
    pub fn fits(&self, size: (u32, u32)) -> bool {
        let min = 8;
        size.0 as i32 - self.left - self.y_labels - self.right >= min
            && size.1 as i32 - self.top - self.x_labels - self.bottom >= min
    }
}

pub type PlotArea<DB> = DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The plotting area with its coordinates, computed without laying out any text: the same rectangle
/// that `draw_axes` gets from plotters' ChartBuilder, so data drawn here lines up with the axes.
pub fn plot_area<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, view: &View, style: &Style) -> PlotArea<DB> {
    let l = Layout::of(style, root.dim_in_pixel(), view);
    let area = root.margin(l.top, l.bottom + l.x_labels, l.left + l.y_labels, l.right);
    // As ChartBuilder does: inclusive ends (the last device pixel's, on a finer picture), y grows
    // upwards.
    let (xr, yr) = area.get_pixel_range();
    let g = style.grain as i32;
    let pixels = (xr.start..xr.end - g, yr.end - g..yr.start);
    area.apply_coord_spec(Cartesian2d::new(view.x.0..view.x.1, view.y.0..view.y.1, pixels))
}

/// The data coordinates under device pixel (px, py) of a panel's canvas of `size`.
pub fn unmap(view: &View, style: &Style, size: (u32, u32), px: f64, py: f64) -> (f64, f64) {
    let l = Layout::of(style, size, view);
    let (x0, x1) = ((l.left + l.y_labels) as f64, size.0 as f64 - l.right as f64 - 1.0);
    let (y0, y1) = (l.top as f64, size.1 as f64 - (l.bottom + l.x_labels) as f64 - 1.0);
    let fx = ((px - x0) / (x1 - x0).max(1.0)).clamp(0.0, 1.0);
    let fy = ((y1 - py) / (y1 - y0).max(1.0)).clamp(0.0, 1.0);
    (view.x.0 + fx * (view.x.1 - view.x.0), view.y.0 + fy * (view.y.1 - view.y.0))
}

/// The bean drawn nearest to device pixel (px, py), if within 10 CSS pixels of it.
pub fn bean_near(panel: Panel, t: &Trainer, style: &Style, size: (u32, u32), px: f64, py: f64) -> Option<usize> {
    let view = View::of(panel, t);
    let (dx, dy) = unmap(&view, style, size, px, py);
    let l = Layout::of(style, size, &view);
    // Data units per device pixel on each axis.
    let ux = (view.x.1 - view.x.0) / (size.0 as f64 - (l.left + l.y_labels + l.right) as f64).max(1.0);
    let uy = (view.y.1 - view.y.0) / (size.1 as f64 - (l.top + l.bottom + l.x_labels) as f64).max(1.0);
    let reach = 10.0 * style.dpr;
    t.beans()
        .iter()
        .enumerate()
        .filter_map(|(i, (x, y))| bean_point(panel, t, x, y).map(|p| (i, ((p.0 - dx) / ux).hypot((p.1 - dy) / uy))))
        .filter(|&(_, d)| d <= reach)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

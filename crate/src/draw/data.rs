//! The data layer (curves and beans, redrawn as the neuron moves) and the ink layer (panel z→a's
//! sigmoid, drawn on top and only when the axes change: it never depends on w and b).

use super::axes::dashed;
use super::frame::{text_width, tick_text, TICK_FONT};
use super::theme::Palette;
use super::view::{plot_area, PlotArea, View};
use super::{Marks, Panel, Style};
use crate::model::neuron::Activation;
use crate::model::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub fn draw_data<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: Panel,
    view: &View,
    style: &Style,
    t: &Trainer,
    marks: &Marks,
) -> DrawResult<DB> {
    let area = plot_area(root, view, style);
    let pal = style.palette();
    match panel {
        Panel::Xz => draw_line(&area, view, style, &pal, t)?,
        Panel::Za => draw_band(&area, view, style, &pal, t)?,
        Panel::Xa => draw_composite(&area, view, style, &pal, t)?,
        Panel::Cost => return draw_cost(&area, style, &pal, t),
        Panel::Landscape => return super::landscape::draw_path(&area, view, style, &pal, t),
    }
    if let Some(i) = marks.bean.filter(|&i| i < t.beans().len()) {
        let (x, y) = (t.beans().xs()[i], t.beans().ys()[i]);
        if let Some(at) = bean_point(panel, t, x, y).filter(|p| inside(p.0, view.x) && inside(p.1, view.y)) {
            let ring = ShapeStyle::from(pal.text).stroke_width(style.stroke(1.5));
            area.draw(&Circle::new(at, style.px(7.0), ring))?;
        }
    }
    if let Some(x) = marks.probe {
        draw_probe(&area, panel, view, style, &pal, t, x)?;
    }
    Ok(())
}

/// Where a bean of size x and toxicity y is drawn on a panel: (x, z), (z, a) or (x, y).
pub(super) fn bean_point(panel: Panel, t: &Trainer, x: f64, y: f64) -> Option<(f64, f64)> {
    let z = t.w() * x + t.b();
    match panel {
        Panel::Xz => Some((x, z)),
        Panel::Za => Some((z, t.activation().apply(z))),
        Panel::Xa => Some((x, y)),
        Panel::Cost | Panel::Landscape => None,
    }
}

/// The probe x followed through the composition: x gives z on panel x → z, that z gives a on the
/// sigmoid, and the same a appears over x on panel x → a, with guides to the axes.
fn draw_probe<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    panel: Panel,
    view: &View,
    style: &Style,
    pal: &Palette,
    t: &Trainer,
    x: f64,
) -> DrawResult<DB> {
    let z = t.w() * x + t.b();
    let a = t.activation().apply(z);
    let (px, py) = match panel {
        Panel::Xz => (x, z),
        Panel::Za => (z, a),
        Panel::Xa => (x, a),
        Panel::Cost | Panel::Landscape => return Ok(()),
    };
    let guide = ShapeStyle::from(pal.probe).stroke_width(style.stroke(1.0));
    let cx = px.clamp(view.x.0, view.x.1);
    let cy = py.clamp(view.y.0, view.y.1);
    dashed(area, (cx, view.y.0), (cx, cy), guide, style)?;
    dashed(area, (view.x.0, cy), (cx, cy), guide, style)?;
    let on_screen = inside(px, view.x) && inside(py, view.y);
    let dot = if on_screen { pal.probe.filled() } else { ShapeStyle::from(pal.probe).stroke_width(style.stroke(2.0)) };
    area.draw(&Circle::new((cx, cy), style.px(5.0), dot))
}

/// Panel z→a's activation curve (transparent background: it sits above the data layer).
pub fn draw_ink<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: Panel,
    view: &View,
    style: &Style,
    t: &Trainer,
) -> DrawResult<DB> {
    if panel != Panel::Za {
        return Ok(());
    }
    let area = plot_area(root, view, style);
    let pal = style.palette();
    let shape = ShapeStyle::from(pal.sigmoid).stroke_width(style.stroke(2.5));
    match t.activation() {
        Activation::Sigmoid | Activation::Logistic(_) => {
            area.draw(&PathElement::new(
                sample(view.x, pixels_wide(&area, style), |z| t.activation().apply(z)),
                shape,
            ))?;
        }
        Activation::Step => {
            area.draw(&PathElement::new(vec![(view.x.0, 0.0), (0.0, 0.0)], shape))?;
            area.draw(&PathElement::new(vec![(0.0, 1.0), (view.x.1, 1.0)], shape))?;
        }
    }
    Ok(())
}

/// The plot's width in device pixels.
pub(super) fn pixels_wide<DB: DrawingBackend>(area: &PlotArea<DB>, style: &Style) -> usize {
    let (xr, _) = area.get_pixel_range();
    ((xr.end - xr.start) / style.grain as i32).max(2) as usize
}

/// Points of f over [lo, hi], one every 2 device pixels.
pub(super) fn sample(range: (f64, f64), pixels: usize, f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
    let n = (pixels / 2).clamp(16, 1200);
    (0..=n).map(|i| range.0 + (range.1 - range.0) * i as f64 / n as f64).map(|x| (x, f(x))).collect()
}

/// A bean: toxic ones are triangles, the others circles, so colour is never the only cue.
pub(super) fn bean<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    at: (f64, f64),
    toxic: bool,
    lift: i32,
    size_css: f64,
    style: &Style,
    pal: &Palette,
) -> DrawResult<DB> {
    let size = style.px(size_css);
    if toxic {
        // An upright equilateral triangle around the centre (cos 30° = 0.866, sin 30° = 0.5).
        let r = f64::from(size + style.px(1.0));
        let corner = |dx: f64, dy: f64| ((dx * r).round() as i32, (dy * r).round() as i32 - lift);
        let points = vec![corner(0.0, -1.0), corner(0.866, 0.5), corner(-0.866, 0.5)];
        area.draw(&(EmptyElement::at(at) + Polygon::new(points, pal.toxic.filled())))
    } else {
        area.draw(&(EmptyElement::at(at) + Circle::new((0, -lift), size, pal.safe.filled())))
    }
}

/// The beans that stay put while w and b move, drawn once with the axes: a rug of the sizes along
/// the x axis of x → z, and the beans at their true toxicity on x → a.
pub(super) fn draw_fixed_beans<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    panel: Panel,
    view: &View,
    style: &Style,
    t: &Trainer,
) -> DrawResult<DB> {
    let pal = style.palette();
    for (x, y) in t.beans().iter() {
        match panel {
            // A grey rug of the sizes, not a second row of beans: the beans are the marks on the line.
            Panel::Xz => {
                let tick = ShapeStyle::from(pal.muted.mix(0.7)).stroke_width(style.stroke(1.0));
                area.draw(
                    &(EmptyElement::at((x, view.y.0)) + PathElement::new(vec![(0, 0), (0, -style.px(7.0))], tick)),
                )?
            }
            Panel::Xa => bean(area, (x, y), y == 1.0, 0, 3.5, style, &pal)?,
            _ => return Ok(()),
        }
    }
    Ok(())
}

pub(super) fn inside(v: f64, range: (f64, f64)) -> bool {
    v >= range.0 && v <= range.1
}

/// Panel x→z: the line z = wx + b (clipped to the window), each bean's z on it, the beans on the x axis.
fn draw_line<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    view: &View,
    style: &Style,
    pal: &Palette,
    t: &Trainer,
) -> DrawResult<DB> {
    let (w, b) = (t.w(), t.b());
    if let Some((x0, x1)) = clip_line(w, b, view.x, view.y) {
        let shape = ShapeStyle::from(pal.line).stroke_width(style.stroke(2.5));
        area.draw(&PathElement::new(vec![(x0, w * x0 + b), (x1, w * x1 + b)], shape))?;
    }
    for (x, y) in t.beans().iter() {
        let z = w * x + b;
        if inside(z, view.y) {
            bean(area, (x, z), y == 1.0, 0, 2.5, style, pal)?;
        }
    }
    Ok(())
}

/// The part of x ∈ xr where z = wx + b stays within zr.
pub(super) fn clip_line(w: f64, b: f64, xr: (f64, f64), zr: (f64, f64)) -> Option<(f64, f64)> {
    if w == 0.0 {
        return inside(b, zr).then_some(xr);
    }
    let (a, c) = ((zr.0 - b) / w, (zr.1 - b) / w);
    let (lo, hi) = (xr.0.max(a.min(c)), xr.1.min(a.max(c)));
    (lo < hi).then_some((lo, hi))
}

/// Panel z→a: the interval of z the beans map into, shaded, and where each bean falls on the curve.
fn draw_band<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    view: &View,
    style: &Style,
    pal: &Palette,
    t: &Trainer,
) -> DrawResult<DB> {
    let beans = t.beans();
    let (x0, x1) = (beans.xs().first().copied().unwrap_or(0.0), beans.xs().last().copied().unwrap_or(1.0));
    let (za, zb) = (t.w() * x0 + t.b(), t.w() * x1 + t.b());
    let (lo, hi) = (za.min(zb).max(view.x.0), za.max(zb).min(view.x.1));
    if lo <= hi {
        area.draw(&Rectangle::new([(lo, view.y.0), (hi, view.y.1)], pal.band.filled()))?;
        let edge = ShapeStyle::from(pal.sigmoid.mix(0.6)).stroke_width(style.stroke(1.0));
        for z in [lo, hi] {
            area.draw(&PathElement::new(vec![(z, view.y.0), (z, view.y.1)], edge))?;
        }
    }
    for (x, y) in beans.iter() {
        let z = t.w() * x + t.b();
        if inside(z, view.x) {
            bean(area, (z, t.activation().apply(z)), y == 1.0, 0, 3.0, style, pal)?;
        }
    }
    Ok(())
}

/// Panel x→a: the composite curve, the beans at their true toxicity, and the boundary x = −b/w.
fn draw_composite<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    view: &View,
    style: &Style,
    pal: &Palette,
    t: &Trainer,
) -> DrawResult<DB> {
    if let Some(x) = t.boundary().filter(|x| inside(*x, view.x)) {
        let shape = ShapeStyle::from(pal.boundary).stroke_width(style.stroke(1.5));
        dashed(area, (x, view.y.0), (x, view.y.1), shape, style)?;
        let font = style.font(TICK_FONT).color(&pal.boundary);
        let right = x < (view.x.0 + view.x.1) / 2.0;
        let anchor = Pos::new(if right { HPos::Left } else { HPos::Right }, VPos::Top);
        let text = format!("x = {}", tick_text(x, 0.01));
        let gap = if right { style.px(4.0) } else { -style.px(4.0) };
        // On the wider side of the line, under the row of toxic beans, and only where it fits
        // inside the plot (not in a narrow panel).
        let (xs, at) = (area.get_pixel_range().0, area.map_coordinate(&(x, 0.0)).0);
        let room = if right { xs.end - at } else { at - xs.start };
        if text_width(&text, font.font.get_size()) + gap.abs() <= room {
            area.draw(&(EmptyElement::at((x, 1.0)) + Text::new(text, (gap, style.px(9.0)), font.pos(anchor))))?;
        }
    }
    let shape = ShapeStyle::from(pal.sigmoid).stroke_width(style.stroke(2.5));
    area.draw(&PathElement::new(sample(view.x, pixels_wide(area, style), |x| t.predict(x)), shape))?;
    Ok(())
}

/// Panel cost: mean cost after every epoch so far.
fn draw_cost<DB: DrawingBackend>(area: &PlotArea<DB>, style: &Style, pal: &Palette, t: &Trainer) -> DrawResult<DB> {
    let points: Vec<(f64, f64)> = t.cost_history().points().iter().map(|&(e, c)| (e as f64, c)).collect();
    let shape = ShapeStyle::from(pal.cost).stroke_width(style.stroke(2.0));
    area.draw(&PathElement::new(points.clone(), shape))?;
    if let Some(&last) = points.last() {
        area.draw(&Circle::new(last, style.px(3.5), pal.cost.filled()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clip_line;

    #[test]
    fn clipped_line_stays_in_its_window() {
        assert_eq!(clip_line(0.0, 0.5, (0.0, 1.0), (-1.0, 1.0)), Some((0.0, 1.0)));
        assert_eq!(clip_line(0.0, 5.0, (0.0, 1.0), (-1.0, 1.0)), None);
        let (a, b) = clip_line(10.0, -5.0, (0.0, 1.0), (-2.0, 2.0)).unwrap();
        assert!((a - 0.3).abs() < 1e-12 && (b - 0.7).abs() < 1e-12);
        let (a, b) = clip_line(-10.0, 5.0, (0.0, 1.0), (-2.0, 2.0)).unwrap();
        assert!((a - 0.3).abs() < 1e-12 && (b - 0.7).abs() < 1e-12);
    }
}

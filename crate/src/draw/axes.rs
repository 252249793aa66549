//! The axes layer: background, grid, ticks, tick labels, axis names and the panel's title.

use super::frame::{draw_frame, draw_title, Frame};
use super::view::{plot_area, View};
use super::{Panel, Style};
use crate::model::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub fn draw_axes<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: Panel,
    view: &View,
    style: &Style,
    t: &Trainer,
) -> DrawResult<DB> {
    let pal = style.palette();
    root.fill(&pal.background)?;
    draw_title(root, panel.title(style.lang, t.activation(), t.cost_fn()), style)?;

    let area = plot_area(root, view, style);
    if panel == Panel::Landscape {
        // The heat map goes under the axes and ticks.
        super::landscape::draw_heat(&area, view, style, t)?;
    }
    let (x_name, y_name) = panel.axis_labels(style.lang);
    let frame = Frame {
        x_ticks: 6,
        y_ticks: if matches!(panel, Panel::Xz | Panel::Cost | Panel::Landscape) { 5 } else { 3 },
        x_name,
        y_name,
        // The landscape's colours are its grid.
        grid: style.grid && panel != Panel::Landscape,
    };
    draw_frame(root, &area, view, style, &frame)?;

    // Reference lines the lesson talks about: z = 0 (where a = 0.5) and a = 0.5.
    let half = t.activation().top() / 2.0;
    let thin = ShapeStyle::from(pal.muted).stroke_width(style.stroke(1.0));
    let area = &area;
    match panel {
        Panel::Xz => dashed(area, (view.x.0, 0.0), (view.x.1, 0.0), thin, style)?,
        Panel::Za => {
            let mid = t.activation().shape().map_or(0.0, |s| s.x0);
            dashed(area, (view.x.0, half), (view.x.1, half), thin, style)?;
            dashed(area, (mid, view.y.0), (mid, view.y.1), thin, style)?;
        }
        Panel::Xa => dashed(area, (view.x.0, half), (view.x.1, half), thin, style)?,
        Panel::Cost | Panel::Landscape => {}
    }
    super::data::draw_fixed_beans(area, panel, view, style, t)
}

/// A dashed straight line in data coordinates.
pub(super) fn dashed<DB: DrawingBackend, CT: CoordTranslate<From = (f64, f64)>>(
    area: &DrawingArea<DB, CT>,
    from: (f64, f64),
    to: (f64, f64),
    shape: ShapeStyle,
    style: &Style,
) -> DrawResult<DB> {
    let (a, b) = (area.map_coordinate(&from), area.map_coordinate(&to));
    let len = (((b.0 - a.0) as f64).powi(2) + ((b.1 - a.1) as f64).powi(2)).sqrt();
    let (dash, gap) = (style.px(5.0) as f64, style.px(4.0) as f64);
    let at = |t: f64| (from.0 + (to.0 - from.0) * t / len, from.1 + (to.1 - from.1) * t / len);
    let mut s = 0.0;
    while s < len {
        let e = (s + dash).min(len);
        area.draw(&PathElement::new(vec![at(s), at(e)], shape))?;
        s = e + gap;
    }
    Ok(())
}

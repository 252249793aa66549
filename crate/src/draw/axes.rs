//! The axes layer: background, grid, ticks, tick labels, axis names and the panel's title.

use super::view::{Layout, View};
use super::{tick_label, Panel, Style};
use crate::trainer::Trainer;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

pub fn draw_axes<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, panel: Panel, view: &View, style: &Style, t: &Trainer) -> DrawResult<DB> {
    let pal = style.palette();
    let l = Layout::of(style);
    root.fill(&pal.background)?;

    let title = TextStyle::from((style.font_family(), style.font_size(14.0)).into_font().style(FontStyle::Bold))
        .color(&pal.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    root.draw(&Text::new(panel.title(style.lang, t.activation(), t.cost_fn()), (l.left + style.px(6.0), l.top / 2), title))?;

    let mut chart = ChartBuilder::on(root)
        .margin_top(l.top)
        .margin_right(l.right)
        .margin_bottom(l.bottom)
        .margin_left(l.left)
        .x_label_area_size(l.x_labels)
        .y_label_area_size(l.y_labels)
        .build_cartesian_2d(view.x.0..view.x.1, view.y.0..view.y.1)?;

    if panel == Panel::Landscape {
        // The heat map goes under the axes and ticks.
        super::landscape::draw_heat(chart.plotting_area(), view, t)?;
    }
    let labels = (style.font_family(), style.font_size(11.0)).into_font().color(&pal.muted);
    let names = (style.font_family(), style.font_size(12.0)).into_font().color(&pal.text);
    let (xspan, yspan) = (view.x.1 - view.x.0, view.y.1 - view.y.0);
    let xfmt = |v: &f64| tick_label(*v, xspan);
    let yfmt = |v: &f64| tick_label(*v, yspan);
    let (xname, yname) = panel.axis_labels(style.lang);
    let grid = if style.grid { pal.grid } else { TRANSPARENT };

    let mut mesh = chart.configure_mesh();
    mesh.x_labels(6)
        .y_labels(if matches!(panel, Panel::Xz | Panel::Cost | Panel::Landscape) { 5 } else { 3 })
        .x_label_formatter(&xfmt)
        .y_label_formatter(&yfmt)
        .x_label_style(labels.clone())
        .y_label_style(labels)
        .x_desc(xname)
        .y_desc(yname)
        .axis_desc_style(names)
        .axis_style(ShapeStyle::from(pal.axis).stroke_width(style.stroke(1.0)))
        .bold_line_style(ShapeStyle::from(grid).stroke_width(style.stroke(1.0)))
        .light_line_style(TRANSPARENT)
        .set_all_tick_mark_size(style.px(4.0));
    if panel == Panel::Xa || panel == Panel::Za {
        mesh.y_labels(3).y_label_formatter(&|v: &f64| tick_label(*v, 1.0));
    }
    if panel == Panel::Landscape {
        mesh.bold_line_style(TRANSPARENT);
    }
    mesh.draw()?;

    // Reference lines the lesson talks about: z = 0 (where a = 0.5) and a = 0.5.
    let half = t.activation().top() / 2.0;
    let thin = ShapeStyle::from(pal.muted).stroke_width(style.stroke(1.0));
    let area = chart.plotting_area();
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

//! Panel landscape: the mean cost over (w, b) as a heat map (axes layer: it changes only with the
//! beans, the activation or the cost), and the path gradient descent takes across it (data layer).

use super::view::PlotArea;
use super::{Lang, Palette, Style, View};
use crate::model::neuron::linear;
use crate::model::trainer::Trainer;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// The (w, b) window of the map: the sliders' range.
pub const WINDOW: f64 = 20.0;
/// Cells across and down.
pub const GRID: (usize, usize) = (48, 36);
/// Colour bands of the map.
pub const LEVELS: usize = 24;

/// Mean cost at the centre of each cell, row by row from the bottom (lowest b) up.
pub fn grid(t: &Trainer, view: &View, (nx, ny): (usize, usize)) -> Vec<f64> {
    let beans = t.beans();
    let (act, cost) = (t.activation(), t.cost_fn());
    let n = beans.len().max(1) as f64;
    let mut out = Vec::with_capacity(nx * ny);
    for j in 0..ny {
        let b = view.y.0 + (j as f64 + 0.5) * (view.y.1 - view.y.0) / ny as f64;
        for i in 0..nx {
            let w = view.x.0 + (i as f64 + 0.5) * (view.x.1 - view.x.0) / nx as f64;
            let sum: f64 = beans
                .iter()
                .map(|(x, y)| {
                    let z = linear(w, b, x);
                    cost.value(y, z, act.apply(z), act)
                })
                .sum();
            out.push(sum / n);
        }
    }
    out
}

/// Deep blue where the cost is low (the valley descent looks for), fading into the panel's
/// background where it is high: on a light page dark is low, on a dark page bright is low.
fn heat(f: f64, dark: bool) -> RGBColor {
    const LIGHT: [(f64, [f64; 3]); 3] =
        [(0.0, [11.0, 61.0, 145.0]), (0.45, [79.0, 155.0, 217.0]), (1.0, [238.0, 245.0, 251.0])];
    const DARK: [(f64, [f64; 3]); 3] =
        [(0.0, [121.0, 192.0, 255.0]), (0.45, [31.0, 94.0, 190.0]), (1.0, [26.0, 33.0, 44.0])];
    let stops = if dark { DARK } else { LIGHT };
    let f = f.clamp(0.0, 1.0);
    let k = if f <= stops[1].0 { 0 } else { 1 };
    let (f0, c0) = stops[k];
    let (f1, c1) = stops[k + 1];
    let u = (f - f0) / (f1 - f0);
    let c = |i: usize| (c0[i] + (c1[i] - c0[i]) * u).round() as u8;
    RGBColor(c(0), c(1), c(2))
}

pub fn draw_heat<DB: DrawingBackend>(area: &PlotArea<DB>, view: &View, style: &Style, t: &Trainer) -> DrawResult<DB> {
    let (nx, ny) = GRID;
    let costs = grid(t, view, GRID);
    let (lo, hi) = costs.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &c| (lo.min(c), hi.max(c)));
    let span = (hi - lo).max(1e-12);
    let (dw, db) = ((view.x.1 - view.x.0) / nx as f64, (view.y.1 - view.y.0) / ny as f64);
    // The square root spreads the low costs, where the interesting part is. Costs fall into LEVELS
    // bands (read as contours), and a row's neighbouring cells in one band are one rectangle: a
    // few hundred canvas calls instead of one per cell.
    let levels: Vec<usize> = costs
        .iter()
        .map(|&c| (((c - lo) / span).sqrt() * LEVELS as f64).floor().min(LEVELS as f64 - 1.0) as usize)
        .collect();
    for j in 0..ny {
        let row = &levels[j * nx..(j + 1) * nx];
        let mut i = 0;
        while i < nx {
            let k = row[i];
            let run = row[i..].iter().take_while(|&&l| l == k).count();
            let (w0, b0) = (view.x.0 + i as f64 * dw, view.y.0 + j as f64 * db);
            let colour = heat((k as f64 + 0.5) / LEVELS as f64, style.dark);
            area.draw(&Rectangle::new([(w0, b0), (w0 + run as f64 * dw, b0 + db)], colour.filled()))?;
            i += run;
        }
    }
    draw_key(area, style)
}

/// The colour key in the map's top right corner: a strip from low to high cost, labelled.
fn draw_key<DB: DrawingBackend>(area: &PlotArea<DB>, style: &Style) -> DrawResult<DB> {
    let pal = style.palette();
    let (low, high) = match style.lang {
        Lang::Zh => ("代价低", "高"),
        Lang::En => ("low cost", "high"),
    };
    let (xr, yr) = area.get_pixel_range();
    if xr.end - xr.start < style.px(150.0) {
        // A narrow map keeps its colours to itself: the key would cover most of it.
        return Ok(());
    }
    let (cell, steps) = (style.px(7.0), 10);
    let (w, h) = (cell * steps, style.px(9.0));
    let right = xr.end - style.px(8.0);
    let (left, top) = (right - w, yr.start + style.px(8.0));
    let base = (xr.start, yr.start);
    let font = style.font(11.0).color(&pal.text);
    let plate = [(left - style.px(56.0), top - style.px(4.0)), (right + style.px(4.0), top + h + style.px(4.0))];
    let to_area = |(x, y): (i32, i32)| (x - base.0, y - base.1);
    let root = area.strip_coord_spec();
    root.draw(&Rectangle::new([to_area(plate[0]), to_area(plate[1])], pal.background.mix(0.85).filled()))?;
    for i in 0..steps {
        let colour = heat((i as f64 + 0.5) / steps as f64, style.dark);
        let x0 = left + i * cell;
        root.draw(&Rectangle::new([to_area((x0, top)), to_area((x0 + cell, top + h))], colour.filled()))?;
    }
    let mid = top + h / 2;
    root.draw(&Text::new(low, to_area((left - style.px(4.0), mid)), font.pos(Pos::new(HPos::Right, VPos::Center))))?;
    let below = font.pos(Pos::new(HPos::Right, VPos::Top));
    root.draw(&Text::new(high, to_area((right, top + h + style.px(6.0))), below))?;
    Ok(())
}

/// The (w, b) path so far and where the neuron is now (clamped to the window's edge if outside).
pub fn draw_path<DB: DrawingBackend>(
    area: &PlotArea<DB>,
    view: &View,
    style: &Style,
    pal: &Palette,
    t: &Trainer,
) -> DrawResult<DB> {
    let clamp = |(w, b): (f64, f64)| (w.clamp(view.x.0, view.x.1), b.clamp(view.y.0, view.y.1));
    let mut points: Vec<(f64, f64)> = t.path().points().iter().map(|&(_, p)| clamp(p)).collect();
    points.push(clamp((t.w(), t.b())));
    let halo = ShapeStyle::from(RGBColor(255, 255, 255)).stroke_width(style.stroke(4.0));
    let line = ShapeStyle::from(pal.probe).stroke_width(style.stroke(2.0));
    area.draw(&PathElement::new(points.clone(), halo))?;
    area.draw(&PathElement::new(points.clone(), line))?;
    if let Some(&start) = points.first() {
        area.draw(&Circle::new(start, style.px(4.0), ShapeStyle::from(pal.probe).stroke_width(style.stroke(2.0))))?;
    }
    let now = *points.last().unwrap();
    area.draw(&Circle::new(now, style.px(6.5), RGBColor(255, 255, 255).filled()))?;
    area.draw(&Circle::new(now, style.px(5.0), pal.probe.filled()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::beans::Beans;
    use crate::model::neuron::{Activation, Cost};

    #[test]
    fn landscape_values_are_the_mean_cost() {
        for (act, cost) in
            [(Activation::Sigmoid, Cost::Mse), (Activation::Sigmoid, Cost::Ce), (Activation::Step, Cost::Mse)]
        {
            let mut t = Trainer::new(Beans::course(2, 40), 0.0, 0.0, 0.05);
            t.set_activation(act);
            t.set_cost(cost);
            let view = View { x: (-20.0, 20.0), y: (-20.0, 20.0) };
            let g = grid(&t, &view, (8, 6));
            assert_eq!(g.len(), 48);
            for (j, i) in [(0, 0), (2, 5), (5, 7)] {
                let w = -20.0 + (i as f64 + 0.5) * 5.0;
                let b = -20.0 + (j as f64 + 0.5) * 40.0 / 6.0;
                let mut probe = t.clone();
                probe.set_params(w, b);
                assert!((g[j * 8 + i] - probe.mean_cost()).abs() < 1e-12, "{act:?} {cost:?} cell {i},{j}");
            }
        }
    }

    #[test]
    fn the_valley_is_where_training_goes() {
        let mut t = Trainer::new(Beans::course(1, 100), 0.0, 0.0, 0.05);
        let view = View { x: (-20.0, 20.0), y: (-20.0, 20.0) };
        let g = grid(&t, &view, GRID);
        let start = t.mean_cost();
        t.train_epochs(1000);
        // After training the neuron sits lower on the map than almost every cell.
        let lower = g.iter().filter(|&&c| c < t.mean_cost()).count();
        assert!(lower < g.len() / 50, "{lower} cells below the trained cost");
        assert!(t.mean_cost() < start);
        assert_eq!(heat(0.0, false), RGBColor(11, 61, 145));
        assert_eq!(heat(1.0, false), RGBColor(238, 245, 251));
        assert_eq!(heat(1.0, true), RGBColor(26, 33, 44), "a dark page's high cost is near its background");
    }
}

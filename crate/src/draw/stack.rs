//! The tour's last claim: two neurons stacked without an activation are still one straight line
//! (w2·(w1·x + b1) + b2 = (w2·w1)·x + (w2·b1 + b2)); with the sigmoid between them the output bends.

use super::frame::{draw_frame, Frame};
use super::view::plot_area;
use super::{Lang, Style, View};
use crate::model::neuron::sigmoid;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Two linear neurons in a row: z2 = 0.8·(1.5x − 0.5) + 0.5.
pub fn stacked_linear(x: f64) -> f64 {
    0.8 * (1.5 * x - 0.5) + 0.5
}

/// Two sigmoid neurons side by side, added: a bump that no straight line can make.
pub fn two_sigmoids(x: f64) -> f64 {
    sigmoid(25.0 * x - 7.0) - sigmoid(25.0 * x - 17.0)
}

pub fn draw_stack<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, style: &Style) -> DrawResult<DB> {
    let pal = style.palette();
    root.fill(&pal.background)?;
    let (title, linear, bent) = match style.lang {
        Lang::Zh => (
            "线性叠线性还是直线；加上 sigmoid 才能弯",
            "两个线性神经元：0.8·(1.5x − 0.5) + 0.5",
            "两个 sigmoid 神经元：σ(25x − 7) − σ(25x − 17)",
        ),
        Lang::En => (
            "Linear on linear stays a line; the sigmoid bends it",
            "two linear neurons: 0.8·(1.5x − 0.5) + 0.5",
            "two sigmoid neurons: σ(25x − 7) − σ(25x − 17)",
        ),
    };
    // The title is placed by hand: plotters' caption measures text through the DOM, which a strict
    // CSP forbids (it sets a style attribute).
    let heading = TextStyle::from(style.font(14.0).style(FontStyle::Bold))
        .color(&pal.text)
        .pos(Pos::new(HPos::Left, VPos::Center));
    root.draw(&Text::new(title, (style.px(10.0), style.px(14.0)), heading))?;
    let view = View { x: (0.0, 1.0), y: (-0.6, 1.6) };
    let area = plot_area(root, &view, style);
    let frame = Frame { x_ticks: 6, y_ticks: 5, x_name: "x", y_name: "", grid: true };
    draw_frame(root, &area, &view, style, &frame)?;
    let xs = (0..=300).map(|i| i as f64 / 300.0);
    area.draw(&PathElement::new(
        xs.clone().map(|x| (x, stacked_linear(x))).collect::<Vec<_>>(),
        ShapeStyle::from(pal.line).stroke_width(style.stroke(2.5)),
    ))?;
    area.draw(&PathElement::new(
        xs.map(|x| (x, two_sigmoids(x))).collect::<Vec<_>>(),
        ShapeStyle::from(pal.sigmoid).stroke_width(style.stroke(2.5)),
    ))?;
    let anchor = Pos::new(HPos::Left, VPos::Top);
    let font = TextStyle::from(style.font(12.0)).pos(anchor);
    let (x0, y0) = area.get_pixel_range();
    let base = root.get_base_pixel();
    let (x0, y0) = (x0.start - base.0..x0.end - base.0, y0.start - base.1..y0.end - base.1);
    let left = x0.start + style.px(8.0);
    root.draw(&Text::new(linear, (left, y0.start + style.px(4.0)), font.color(&pal.line)))?;
    root.draw(&Text::new(bent, (left, y0.start + style.px(22.0)), font.color(&pal.sigmoid)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_linear_is_a_line_and_the_sigmoids_are_not() {
        // Equal steps give equal rises for a line: its second differences vanish.
        let second = |f: fn(f64) -> f64, x: f64| f(x + 0.1) - 2.0 * f(x) + f(x - 0.1);
        for x in [0.2, 0.5, 0.8] {
            assert!(second(stacked_linear, x).abs() < 1e-12);
        }
        assert!(second(two_sigmoids, 0.45).abs() > 0.1);
        assert!(two_sigmoids(0.48) > 0.9 && two_sigmoids(0.0) < 0.01 && two_sigmoids(1.0) < 0.01);
    }

    #[test]
    fn draws_both_curves_with_labels() {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (600, 300)).into_drawing_area();
            draw_stack(&root, &Style { lang: Lang::En, ..Style::default() }).unwrap();
        }
        assert!(out.contains("two linear neurons") && out.contains("two sigmoid neurons"));
        assert!(out.matches("<polyline").count() >= 2);
    }
}

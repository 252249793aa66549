//! The panels of one state as an SVG file (`sigmoid-lab svg`): the same draw functions and grid as
//! a GIF frame, drawn by plotters' SVG backend, so text stays text (`<text>`, in the page's font
//! stack) and lines stay sharp in printed notes.

use super::{draw_panels, image_size, ExportError};
use crate::draw::{Marks, Panel, Style};
use crate::model::trainer::Trainer;
use plotters::prelude::*;

/// The panels of the trainer's current state as an SVG document.
pub fn render_svg(t: &Trainer, panels: &[Panel], style: &Style) -> Result<String, ExportError> {
    if panels.is_empty() {
        return Err(ExportError("no panels to draw".into()));
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, image_size(panels.len(), style)).into_drawing_area();
        draw_panels(&root, panels, style, t, &Marks::default())
            .map_err(|e| ExportError(format!("drawing failed: {e}")))?;
        root.present().map_err(|e| ExportError(format!("drawing failed: {e}")))?;
    }
    Ok(css_font_sizes(&out))
}

/// plotters' SVG backend writes each font size divided by 1.24 (a points-to-pixels guess); the
/// charts' sizes are whole pixels (`Style::font_size`), as on the page, so they are written back as
/// they were asked for. The number is read by hand: a float parser would double the export module.
fn css_font_sizes(svg: &str) -> String {
    const KEY: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(KEY) {
        let (head, tail) = rest.split_at(i + KEY.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let (mut v, mut unit, mut fraction) = (0.0, 1.0, false);
        for c in tail[..end].chars() {
            match c.to_digit(10) {
                Some(d) if fraction => {
                    unit /= 10.0;
                    v += d as f64 * unit;
                }
                Some(d) => v = v * 10.0 + d as f64,
                None => fraction = true,
            }
        }
        out.push_str(&((v * 1.24).round() as u32).to_string());
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::Lang;
    use crate::model::beans::Beans;

    #[test]
    fn text_is_written_at_the_pages_sizes() {
        let t = Trainer::new(Beans::course(1, 100), 5.0, -5.0, 0.05);
        let style = Style { lang: Lang::En, ..Style::default() };
        let svg = render_svg(&t, &[Panel::Xa], &style).unwrap();
        let sizes: Vec<&str> = svg.split("font-size=\"").skip(1).filter_map(|r| r.split('"').next()).collect();
        assert!(!sizes.is_empty());
        // The bold title at 14 px, tick labels at 12, and nothing smaller.
        assert!(sizes.contains(&"14") && sizes.contains(&"12"), "{sizes:?}");
        assert!(sizes.iter().all(|s| s.parse::<f64>().unwrap() >= 11.0), "{sizes:?}");
    }
}

//! A chart's data layer on the page (the lab's panels, the network stage's charts): an SVG whose few
//! elements follow the core's vector shapes (`draw::vector`). Only what changed is written, so an
//! unchanged shape (z → a's sigmoid) is not repainted, and the browser lays the pixels down off the
//! main thread (a 2D canvas is drawn and copied to the compositor on it). An export paints the same
//! shapes onto its canvas (`canvas`).

use crate::draw::vector::{Label, Paint, Shape, VectorBackend};
use crate::draw::Style;
use plotters::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

pub(super) struct VectorLayer {
    svg: Element,
    /// Each child element with the shape it shows.
    kids: Vec<(Element, Shape)>,
    size: (u32, u32),
}

impl VectorLayer {
    pub fn new(svg: Element) -> VectorLayer {
        let _ = svg.set_attribute("preserveAspectRatio", "none");
        VectorLayer { svg, kids: Vec::new(), size: (0, 0) }
    }

    /// Shows `shapes`, drawn `grain` units to the pixel on a picture of `size` device pixels (the
    /// SVG fills its box). A shape equal to the one its element shows costs a comparison: it is
    /// neither copied nor written.
    pub fn show<'s>(
        &mut self,
        shapes: impl IntoIterator<Item = &'s Shape>,
        size: (u32, u32),
        grain: u32,
    ) -> Result<(), JsValue> {
        let units = (size.0 * grain, size.1 * grain);
        if self.size != units {
            self.size = units;
            self.svg.set_attribute("viewBox", &format!("0 0 {} {}", units.0, units.1))?;
        }
        let mut count = 0;
        for (i, shape) in shapes.into_iter().enumerate() {
            count = i + 1;
            if let Some((el, was)) = self.kids.get_mut(i) {
                if was == shape {
                    continue;
                }
                if same_kind(was, shape) {
                    update(el, Some(was), shape)?;
                    *was = shape.clone();
                    continue;
                }
            }
            let doc = self.svg.owner_document().ok_or("no document")?;
            let el = create(&doc, shape)?;
            update(&el, None, shape)?;
            match self.kids.get_mut(i) {
                Some(kid) => {
                    self.svg.replace_child(&el, &kid.0)?;
                    *kid = (el, shape.clone());
                }
                None => {
                    self.svg.append_child(&el)?;
                    self.kids.push((el, shape.clone()));
                }
            }
        }
        for (el, _) in self.kids.drain(count..) {
            el.remove();
        }
        Ok(())
    }
}

/// A label's SVG attribute: its name, and its value as text.
type Attribute = (&'static str, fn(&Label) -> String);

const LABEL_ATTRIBUTES: &[Attribute] = &[
    ("x", |t| t.x.to_string()),
    ("y", |t| t.y.to_string()),
    ("fill", |t| t.color.css()),
    ("font-size", |t| (t.size as u32).to_string()),
    ("font-family", |t| t.family.clone()),
    ("font-weight", |t| if t.bold { "bold" } else { "normal" }.into()),
    ("text-anchor", |t| t.anchor.h.into()),
    ("dominant-baseline", |t| t.anchor.v.into()),
    ("transform", |t| if t.turn == 0 { String::new() } else { format!("rotate({} {} {})", t.turn, t.x, t.y) }),
];

fn same_kind(a: &Shape, b: &Shape) -> bool {
    matches!((a, b), (Shape::Path { .. }, Shape::Path { .. }) | (Shape::Text { .. }, Shape::Text { .. }))
}

fn create(doc: &Document, shape: &Shape) -> Result<Element, JsValue> {
    doc.create_element_ns(Some(SVG), if matches!(shape, Shape::Path { .. }) { "path" } else { "text" })
}

/// Sets on `el` what `now` has and `was` (what `el` shows, if anything) has not.
fn update(el: &Element, was: Option<&Shape>, now: &Shape) -> Result<(), JsValue> {
    match now {
        Shape::Path { paint, d } => {
            let (p0, d0) = match was {
                Some(Shape::Path { paint, d }) => (Some(paint), Some(d)),
                _ => (None, None),
            };
            if d0 != Some(d) {
                el.set_attribute("d", d)?;
            }
            if p0 != Some(paint) {
                let (fill, stroke, width) = match paint {
                    Paint::Fill(c) => (c.css(), "none".into(), 0),
                    Paint::Stroke(c, w) | Paint::Dots(c, w) | Paint::Piece(c, w) => ("none".into(), c.css(), *w),
                };
                el.set_attribute("fill", &fill)?;
                el.set_attribute("stroke", &stroke)?;
                el.set_attribute("stroke-width", &width.to_string())?;
                el.set_attribute("stroke-linecap", paint.cap())?;
            }
        }
        Shape::Text(now) => {
            let was = match was {
                Some(Shape::Text(t)) => Some(t),
                _ => None,
            };
            let changed = |f: fn(&Label) -> String| was.map(f) != Some(f(now));
            for (name, f) in LABEL_ATTRIBUTES {
                if changed(*f) {
                    el.set_attribute(name, &f(now))?;
                }
            }
            if was.map(|t| &t.text) != Some(&now.text) {
                el.set_text_content(Some(&now.text));
            }
        }
    }
    Ok(())
}

/// The shapes `draw` makes with `style` (one `finer` than the canvas's) on a picture of `size`
/// device pixels, `style.grain` units to the pixel.
pub(super) fn shapes_of(
    size: (u32, u32),
    style: &Style,
    draw: impl FnOnce(&DrawingArea<VectorBackend, plotters::coord::Shift>, &Style),
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    draw(&VectorBackend::finer(&mut shapes, size, style.grain).into_drawing_area(), style);
    shapes
}

//! A picture as a short list of vector shapes, for the page's data layer (an SVG over the axes'
//! image). Our own backend rather than plotters' SVG one: that writes an element per primitive (a
//! hundred beans, a hundred elements to lay out each frame); this merges each run of primitives of
//! one look into one path, so a panel is a handful of elements whose `d` changes.

use plotters::prelude::*;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

/// How a shape is painted: filled, or stroked at a width in pixels (the picture's units), or as
/// dots: each point of the path (`M x y h.01`) a disc of that diameter, drawn as a stroke with
/// round caps (a bean is a few characters of path data instead of two arcs). The stroke is a
/// hundredth of a pixel long because a canvas drops strokes of no length. A piece of a long line
/// is a stroke with round ends: square-cut ones would leave a notch where two pieces meet on a
/// bend.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paint {
    Fill(Rgba),
    Stroke(Rgba, u32),
    Dots(Rgba, u32),
    Piece(Rgba, u32),
}

impl Paint {
    /// The line's end: round for dots and a long line's pieces, square-cut otherwise.
    pub fn cap(self) -> &'static str {
        if matches!(self, Paint::Dots(..) | Paint::Piece(..)) {
            "round"
        } else {
            "butt"
        }
    }
}

/// A colour with its alpha in thousandths (the page gets it as text without float formatting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u16);

impl Rgba {
    fn of(c: BackendColor) -> Rgba {
        let (r, g, b) = c.rgb;
        Rgba(r, g, b, (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u16)
    }

    /// As CSS: `rgb(r,g,b)` when opaque, `rgba(r,g,b,0.130)` otherwise.
    pub fn css(self) -> String {
        let Rgba(r, g, b, a) = self;
        if a >= 1000 {
            format!("rgb({r},{g},{b})")
        } else {
            format!("rgba({r},{g},{b},0.{a:03})")
        }
    }
}

/// Where text stands relative to its point, as SVG says it and as a canvas does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// `start`, `middle` or `end`.
    pub h: &'static str,
    /// `text-before-edge`, `central` or `text-after-edge`.
    pub v: &'static str,
    /// The canvas's `left`, `center` or `right`.
    pub align: &'static str,
    /// The canvas's `top`, `middle` or `bottom`.
    pub baseline: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// One path of `d` (SVG path data in the picture's pixels), all of one paint.
    Path {
        paint: Paint,
        d: String,
    },
    Text(Label),
}

/// A line of text at (x, y) in the picture's pixels, `size` pixels high, turned clockwise by
/// `turn` degrees about that point (an axis's name runs up its side at 270).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: i32,
    pub y: i32,
    pub turn: u16,
    pub text: String,
    pub color: Rgba,
    pub size: f64,
    pub family: String,
    pub bold: bool,
    pub anchor: Anchor,
}

/// Units of the page's data picture to a device pixel at `dpr`: on a screen below devicePixelRatio
/// 2, at least four to a CSS pixel, so a curve's points fall between pixels and a nearly flat one
/// does not climb in whole-pixel steps. From 2 up the device's pixels are fine enough: a finer
/// picture there would only rewrite its shapes for moves too small to see (four units to the pixel
/// at dpr 2 took 15% more main thread in a drag at 4× CPU throttling; at dpr 1, within the noise).
pub fn grain(dpr: f64) -> u32 {
    if dpr >= 2.0 {
        1
    } else {
        (4.0 / dpr).ceil().clamp(1.0, 8.0) as u32
    }
}

/// Points in one piece of a long line.
const CHUNK: usize = 64;

/// A drawing backend that records shapes into `shapes`. Consecutive paths of the same paint become
/// one.
pub struct VectorBackend<'a> {
    size: (u32, u32),
    shapes: &'a mut Vec<Shape>,
    grain: i32,
}

impl<'a> VectorBackend<'a> {
    /// A picture of `size` pixels whose shapes go into `shapes` (after those already there).
    pub fn new(shapes: &'a mut Vec<Shape>, size: (u32, u32)) -> VectorBackend<'a> {
        VectorBackend { size, shapes, grain: 1 }
    }

    /// A picture of `size` device pixels drawn `grain` units to the pixel (its size in units is
    /// `size` × `grain`): what is drawn on it with `Style::finer(grain)` lies over a canvas of
    /// `size` drawn with the style itself, with a curve's points between the pixels.
    pub fn finer(shapes: &'a mut Vec<Shape>, size: (u32, u32), grain: u32) -> VectorBackend<'a> {
        let grain = grain.max(1);
        VectorBackend { size: (size.0 * grain, size.1 * grain), shapes, grain: grain as i32 }
    }

    /// A line through `pts`. A long one (the cost after every epoch, descent's path) grows at its
    /// end while training runs: it comes in pieces, all but the last staying as they were, and the
    /// page writes only that one again.
    fn line(&mut self, paint: Paint, pts: &[BackendCoord]) {
        if pts.len() <= CHUNK {
            points(self.path(paint), pts);
            return;
        }
        let piece = match paint {
            Paint::Stroke(c, w) => Paint::Piece(c, w),
            other => other,
        };
        let mut start = 0;
        while start + 1 < pts.len() {
            let end = (start + CHUNK).min(pts.len());
            let mut d = String::new();
            points(&mut d, &pts[start..end]);
            self.shapes.push(Shape::Path { paint: piece, d });
            start = end - 1;
        }
    }

    /// `pts` without the points on the (device) pixel of the one before, which add nothing to the
    /// picture (late in training most of descent's path and of the cost's line are such points);
    /// the line still ends where it did.
    fn thinned(&self, pts: Vec<BackendCoord>) -> Vec<BackendCoord> {
        let g = self.grain;
        let cell = |p: BackendCoord| (p.0.div_euclid(g), p.1.div_euclid(g));
        let mut kept: Vec<BackendCoord> = Vec::with_capacity(pts.len());
        for &p in &pts {
            if kept.last().is_none_or(|&q| cell(q) != cell(p)) {
                kept.push(p);
            }
        }
        if let (Some(&end), true) = (pts.last(), pts.len() > 1) {
            if kept.len() == 1 || kept.last() != Some(&end) {
                kept.push(end);
            }
        }
        kept
    }

    /// The path data to append to for `paint`: the last shape's if it has that paint.
    fn path(&mut self, paint: Paint) -> &mut String {
        let same = matches!(self.shapes.last(), Some(Shape::Path { paint: p, .. }) if *p == paint);
        if !same {
            self.shapes.push(Shape::Path { paint, d: String::new() });
        }
        match self.shapes.last_mut() {
            Some(Shape::Path { d, .. }) => d,
            _ => unreachable!("a path was just pushed"),
        }
    }
}

fn stroke_of<S: BackendStyle>(style: &S) -> Option<Paint> {
    let c = style.color();
    (c.alpha > 0.0).then(|| Paint::Stroke(Rgba::of(c), style.stroke_width()))
}

fn fill_of(c: BackendColor) -> Option<Paint> {
    (c.alpha > 0.0).then(|| Paint::Fill(Rgba::of(c)))
}

/// A shape's paint: filled in the style's colour, or stroked in it.
fn paint_of<S: BackendStyle>(style: &S, fill: bool) -> Option<Paint> {
    if fill {
        fill_of(style.color())
    } else {
        stroke_of(style)
    }
}

/// Appends `v` in decimal. Written out rather than through `core::fmt`, which took a sixth of a
/// frame's drawing (paths of hundreds of points are written every frame).
fn int(d: &mut String, v: i64) {
    if v < 0 {
        d.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    d.extend(digits[i..].iter().map(|&b| b as char));
}

/// Appends a command letter and the point (x, y).
fn at(d: &mut String, command: char, (x, y): BackendCoord) {
    d.push(command);
    int(d, x.into());
    d.push(' ');
    int(d, y.into());
}

/// A coordinate in half pixels (1 = 0.5 px): horizontal and vertical odd-width strokes sit on
/// pixel centres, as a canvas's do.
fn half(d: &mut String, v: i32) {
    if v % 2 == 0 {
        int(d, (v / 2).into());
    } else {
        if v == -1 {
            d.push('-');
        }
        int(d, (v / 2).into());
        d.push_str(".5");
    }
}

fn points(d: &mut String, pts: &[BackendCoord]) {
    for (i, &p) in pts.iter().enumerate() {
        at(d, if i == 0 { 'M' } else { 'L' }, p);
    }
}

impl DrawingBackend for VectorBackend<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(paint) = fill_of(color) {
            let g = i64::from(self.grain);
            let d = self.path(paint);
            at(d, 'M', (x, y));
            for (command, v) in [('h', g), ('v', g), ('h', -g)] {
                d.push(command);
                int(d, v);
            }
            d.push('Z');
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let Some(paint) = stroke_of(style) else { return Ok(()) };
        // As plotters' canvas backend: a horizontal or vertical line moves half a (device) pixel
        // back.
        let (mut a, mut b) = ((from.0 * 2, from.1 * 2), (to.0 * 2, to.1 * 2));
        if a.0 == b.0 {
            a.0 -= self.grain;
            b.0 -= self.grain;
        }
        if a.1 == b.1 {
            a.1 -= self.grain;
            b.1 -= self.grain;
        }
        let d = self.path(paint);
        for (i, (x, y)) in [a, b].into_iter().enumerate() {
            d.push(if i == 0 { 'M' } else { 'L' });
            half(d, x);
            d.push(' ');
            half(d, y);
        }
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(paint) = paint_of(style, fill) {
            let d = self.path(paint);
            at(d, 'M', (x0, y0));
            d.push('H');
            int(d, x1.into());
            d.push('V');
            int(d, y1.into());
            d.push('H');
            int(d, x0.into());
            d.push('Z');
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(paint) = stroke_of(style) {
            let pts: Vec<BackendCoord> = path.into_iter().collect();
            self.line(paint, &self.thinned(pts));
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        r: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let paint = match paint_of(style, fill) {
            Some(Paint::Fill(c)) => Some(Paint::Dots(c, 2 * r)),
            other => other,
        };
        match paint {
            Some(paint @ Paint::Dots(..)) => {
                let d = self.path(paint);
                at(d, 'M', (x, y));
                d.push_str("h.01");
            }
            Some(paint) => {
                // A ring: two half circles.
                let d = self.path(paint);
                at(d, 'M', (x - r as i32, y));
                for sign in ["", "-"] {
                    d.push('a');
                    int(d, r.into());
                    d.push(' ');
                    int(d, r.into());
                    d.push_str(" 0 1 0 ");
                    d.push_str(sign);
                    int(d, (2 * r).into());
                    d.push_str(" 0");
                }
                d.push('Z');
            }
            None => {}
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if let Some(paint) = fill_of(style.color()) {
            let vert: Vec<_> = vert.into_iter().collect();
            let d = self.path(paint);
            points(d, &vert);
            d.push('Z');
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let (h, align) = match anchor.h_pos {
            HPos::Left => ("start", "left"),
            HPos::Center => ("middle", "center"),
            HPos::Right => ("end", "right"),
        };
        let (v, baseline) = match anchor.v_pos {
            VPos::Top => ("text-before-edge", "top"),
            VPos::Center => ("central", "middle"),
            VPos::Bottom => ("text-after-edge", "bottom"),
        };
        let turn = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
        };
        self.shapes.push(Shape::Text(Label {
            x,
            y,
            turn,
            text: text.into(),
            color: Rgba::of(color),
            size: style.size(),
            family: style.family().as_str().into(),
            bold: matches!(style.style(), FontStyle::Bold),
            anchor: Anchor { h, v, align, baseline },
        }));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(f: impl FnOnce(&DrawingArea<VectorBackend, plotters::coord::Shift>)) -> Vec<Shape> {
        let mut shapes = Vec::new();
        f(&VectorBackend::new(&mut shapes, (200, 100)).into_drawing_area());
        shapes
    }

    #[test]
    fn runs_of_one_look_become_one_path() {
        let shapes = picture(|root| {
            for i in 0..100 {
                root.draw(&Circle::new((i, 50), 3, RED.filled())).unwrap();
            }
            root.draw(&PathElement::new(vec![(0, 0), (10, 20), (30, 5)], ShapeStyle::from(BLUE).stroke_width(3)))
                .unwrap();
            root.draw(&Circle::new((5, 5), 3, RED.filled())).unwrap();
        });
        assert_eq!(shapes.len(), 3, "{shapes:?}");
        let Shape::Path { paint, d } = &shapes[0] else { panic!() };
        assert_eq!(*paint, Paint::Dots(Rgba(255, 0, 0, 1000), 6));
        assert_eq!(d.matches('M').count(), 100);
        assert!(d.starts_with("M0 50h.01M1 50h.01"), "{d}");
        assert_eq!(
            shapes[1],
            Shape::Path { paint: Paint::Stroke(Rgba(0, 0, 255, 1000), 3), d: "M0 0L10 20L30 5".into() }
        );
    }

    #[test]
    fn a_ring_is_two_half_circles_and_numbers_are_written_whole() {
        let shapes = picture(|root| {
            root.draw(&Circle::new((30, 50), 7, ShapeStyle::from(BLACK).stroke_width(2))).unwrap();
        });
        let Shape::Path { paint, d } = &shapes[0] else { panic!() };
        assert_eq!(*paint, Paint::Stroke(Rgba(0, 0, 0, 1000), 2));
        assert_eq!(d, "M23 50a7 7 0 1 0 14 0a7 7 0 1 0 -14 0Z");
        let mut d = String::new();
        for v in [-1234567, -10, -1, 0, 7, 1234567] {
            int(&mut d, v);
            d.push(' ');
        }
        for v in [-7, -1, 0, 1, 4] {
            half(&mut d, v);
            d.push(' ');
        }
        assert_eq!(d, "-1234567 -10 -1 0 7 1234567 -3.5 -0.5 0 0.5 2 ");
    }

    #[test]
    fn a_long_line_comes_in_pieces_and_a_new_point_changes_only_the_last() {
        let line = |n: i32| {
            picture(|root| {
                let pts: Vec<(i32, i32)> = (0..n).map(|i| (i, (i * 7) % 50)).collect();
                root.draw(&PathElement::new(pts, ShapeStyle::from(BLUE).stroke_width(2))).unwrap();
            })
        };
        let (before, after) = (line(150), line(151));
        assert_eq!(before.len(), 3);
        assert_eq!(before[..2], after[..2]);
        assert_ne!(before[2], after[2]);
        // The pieces meet: each starts where the one before ends.
        let ds: Vec<&str> =
            before.iter().map(|s| if let Shape::Path { d, .. } = s { d.as_str() } else { "" }).collect();
        assert!(ds[0].ends_with("L63 41") && ds[1].starts_with("M63 41"), "{ds:?}");
        // With round ends, so that they meet without a notch; a short line keeps square-cut ones.
        assert!(before.iter().all(|s| matches!(s, Shape::Path { paint: Paint::Piece(_, 2), .. })), "{before:?}");
        assert!(before.iter().all(|s| matches!(s, Shape::Path { paint, .. } if paint.cap() == "round")));
        assert!(matches!(line(20)[..], [Shape::Path { paint: Paint::Stroke(_, 2), .. }]));
    }

    #[test]
    fn a_point_on_the_pixel_before_is_left_out() {
        // Descent's path late in training: hundreds of epochs on a few pixels.
        let shapes = picture(|root| {
            let pts: Vec<(i32, i32)> = (0..1000).map(|i| (10 + i / 200, 40 - i / 250)).collect();
            root.draw(&PathElement::new(pts, ShapeStyle::from(BLUE).stroke_width(2))).unwrap();
            root.draw(&PathElement::new(vec![(5, 5); 30], ShapeStyle::from(RED).stroke_width(4))).unwrap();
        });
        let ds: Vec<&str> =
            shapes.iter().map(|s| if let Shape::Path { d, .. } = s { d.as_str() } else { "" }).collect();
        assert_eq!(ds[0], "M10 40L11 40L11 39L12 39L12 38L13 38L13 37L14 37");
        // A line standing still stays a dot where it is.
        assert_eq!(ds[1], "M5 5L5 5");
    }

    #[test]
    fn colours_keep_their_alpha_and_invisible_ones_draw_nothing() {
        let shapes = picture(|root| {
            root.draw(&Rectangle::new([(10, 10), (50, 40)], RGBAColor(130, 80, 223, 0.13).filled())).unwrap();
            root.draw(&Rectangle::new([(10, 10), (50, 40)], RGBAColor(0, 0, 0, 0.0).filled())).unwrap();
        });
        assert_eq!(shapes.len(), 1);
        let Shape::Path { paint: Paint::Fill(c), d } = &shapes[0] else { panic!() };
        assert_eq!(c.css(), "rgba(130,80,223,0.130)");
        assert_eq!(d, "M10 10H50V40H10Z");
        assert_eq!(Rgba(1, 2, 3, 1000).css(), "rgb(1,2,3)");
    }

    #[test]
    fn straight_thin_lines_sit_on_pixel_centres() {
        let mut shapes = Vec::new();
        let mut b = VectorBackend::new(&mut shapes, (10, 10));
        b.draw_line((2, 1), (2, 8), &BLACK).unwrap();
        b.draw_line((0, 0), (5, 0), &BLACK).unwrap();
        b.draw_line((-3, 4), (-3, 9), &BLACK).unwrap();
        let Shape::Path { d, .. } = &shapes[0] else { panic!() };
        assert_eq!(d, "M1.5 1L1.5 8M0 -0.5L5 -0.5M-3.5 4L-3.5 9");
    }

    #[test]
    fn text_keeps_its_turn() {
        let shapes = picture(|root| {
            let font = ("sans-serif", 12).into_font().transform(FontTransform::Rotate270).color(&BLACK);
            root.draw(&Text::new("z", (10, 50), font)).unwrap();
        });
        let Shape::Text(Label { turn, .. }) = &shapes[0] else { panic!() };
        assert_eq!(*turn, 270);
    }

    #[test]
    fn text_keeps_its_anchor() {
        let shapes = picture(|root| {
            let font = ("sans-serif", 24)
                .into_font()
                .color(&BLACK)
                .pos(plotters::style::text_anchor::Pos::new(HPos::Right, VPos::Top));
            root.draw(&Text::new("x = 0.85", (100, 20), font)).unwrap();
        });
        let Shape::Text(Label { x, y, text, anchor, size, .. }) = &shapes[0] else { panic!() };
        assert_eq!((*x, *y, text.as_str(), *size), (100, 20, "x = 0.85", 24.0));
        assert_eq!(*anchor, Anchor { h: "end", v: "text-before-edge", align: "right", baseline: "top" });
    }
}

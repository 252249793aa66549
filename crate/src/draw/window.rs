//! One window of a larger picture: the page paints its data layer on a canvas no larger than the
//! plot (its cost per frame grows with the canvas's pixels), under an image of the axes. The drawing
//! gets an area of the whole panel's size that reaches past the canvas's edges, so it lays the
//! panel out and draws exactly as on a whole canvas.

use plotters::coord::Shift;
use plotters::prelude::*;

/// On `root`, the canvas showing the window at `origin` of a picture of `size` pixels: that picture's
/// whole area (by negative margins; plotters does not clip them).
pub fn whole_from_window<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    origin: (i32, i32),
    size: (u32, u32),
) -> DrawingArea<DB, Shift> {
    let (w, h) = root.dim_in_pixel();
    let right = size.0 as i32 - origin.0 - w as i32;
    let bottom = size.1 as i32 - origin.1 - h as i32;
    root.margin(-origin.1, -bottom, -origin.0, -right)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

    type Result<E> = std::result::Result<(), DrawingErrorKind<E>>;
    use crate::draw::{draw_data, Layout, Marks, Panel, Style, View};
    use crate::model::beans::Beans;
    use crate::model::trainer::Trainer;
    use plotters::backend::BitMapBackend;

    fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>) {
        root.draw(&PathElement::new(vec![(0, 0), (119, 79), (60, 10)], ShapeStyle::from(BLUE).stroke_width(3)))
            .unwrap();
        root.draw(&Circle::new((55, 45), 9, RED.filled())).unwrap();
        root.draw(&Rectangle::new([(40, 30), (70, 50)], ShapeStyle::from(GREEN).stroke_width(1))).unwrap();
    }

    #[test]
    fn a_window_gets_the_same_pixels_as_that_part_of_the_whole() {
        let (w, h, ox, oy, ww, wh) = (120u32, 80u32, 30i32, 20i32, 60u32, 40u32);
        let mut whole = vec![255u8; (w * h * 3) as usize];
        draw(&BitMapBackend::with_buffer(&mut whole, (w, h)).into_drawing_area());
        let mut part = vec![255u8; (ww * wh * 3) as usize];
        draw(&whole_from_window(
            &BitMapBackend::with_buffer(&mut part, (ww, wh)).into_drawing_area(),
            (ox, oy),
            (w, h),
        ));
        let mut differ = 0;
        for y in 0..wh as i32 {
            for x in 0..ww as i32 {
                let a = (((y + oy) * w as i32 + x + ox) * 3) as usize;
                let b = ((y * ww as i32 + x) * 3) as usize;
                differ += usize::from(whole[a..a + 3] != part[b..b + 3]);
            }
        }
        assert_eq!(differ, 0);
        assert!(part.iter().any(|&v| v != 255), "the window shows something");
    }

    /// Where a drawing puts its primitives: the bounding box of every point, circle and stroke.
    struct Extent<'a> {
        size: (u32, u32),
        /// min x, min y, max x, max y
        seen: &'a std::cell::Cell<(i32, i32, i32, i32)>,
    }
    impl Extent<'_> {
        fn take(&mut self, (x, y): BackendCoord, r: i32) {
            let s = self.seen.get();
            self.seen.set((s.0.min(x - r), s.1.min(y - r), s.2.max(x + r), s.3.max(y + r)));
        }
    }
    impl DrawingBackend for Extent<'_> {
        type ErrorType = std::io::Error;
        fn get_size(&self) -> (u32, u32) {
            self.size
        }
        fn ensure_prepared(&mut self) -> Result<std::io::Error> {
            Ok(())
        }
        fn present(&mut self) -> Result<std::io::Error> {
            Ok(())
        }
        fn draw_pixel(&mut self, p: BackendCoord, _: BackendColor) -> Result<std::io::Error> {
            self.take(p, 0);
            Ok(())
        }
        fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            path: I,
            s: &S,
        ) -> Result<std::io::Error> {
            let r = (s.stroke_width() as i32 + 1) / 2;
            path.into_iter().for_each(|p| self.take(p, r));
            Ok(())
        }
        fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, _: bool) -> Result<std::io::Error> {
            self.take(c, r as i32 + (s.stroke_width() as i32 + 1) / 2);
            Ok(())
        }
        fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
            &mut self,
            v: I,
            _: &S,
        ) -> Result<std::io::Error> {
            v.into_iter().for_each(|p| self.take(p, 0));
            Ok(())
        }
        fn draw_text<T: BackendTextStyle>(
            &mut self,
            text: &str,
            style: &T,
            pos: BackendCoord,
        ) -> Result<std::io::Error> {
            // Digits and Latin letters are at most 0.6 em wide.
            use plotters_backend::text_anchor::{HPos, VPos};
            let (w, h) = ((style.size() * 0.6 * text.chars().count() as f64).ceil() as i32, style.size().ceil() as i32);
            let x = match style.anchor().h_pos {
                HPos::Left => pos.0,
                HPos::Right => pos.0 - w,
                HPos::Center => pos.0 - w / 2,
            };
            let y = match style.anchor().v_pos {
                VPos::Top => pos.1,
                VPos::Bottom => pos.1 - h,
                VPos::Center => pos.1 - h / 2,
            };
            self.take((x, y), 0);
            self.take((x + w, y + h), 0);
            Ok(())
        }
    }

    #[test]
    fn the_data_layer_stays_inside_its_window() {
        // Beans on the chart's edges, the picked bean's ring and the probe at the ends.
        let mut t = Trainer::new(Beans::course(29, 40), 8.0, -4.0, 0.05);
        t.train_epochs(30);
        for dpr in [1.0, 2.0, 3.0] {
            let style = Style::from_page(dpr, "zh", true, false);
            let size = ((440.0 * dpr) as u32, (290.0 * dpr) as u32);
            for panel in Panel::ALL {
                let view = View::of(panel, &t);
                let (x, y, w, h) = Layout::of(&style, size, &view).data_rect(&style, size);
                for marks in [
                    Marks::default(),
                    Marks { probe: Some(view.x.0), bean: Some(0) },
                    Marks { probe: Some(1e9), bean: Some(39) },
                ] {
                    let seen = std::cell::Cell::new((i32::MAX, i32::MAX, i32::MIN, i32::MIN));
                    let _ =
                        draw_data(&Extent { size, seen: &seen }.into_drawing_area(), panel, &view, &style, &t, &marks);
                    let e = seen.get();
                    assert!(e.0 != i32::MAX, "{panel:?} draws something");
                    assert!(
                        e.0 >= x && e.1 >= y && e.2 <= x + w as i32 && e.3 <= y + h as i32,
                        "{panel:?} at dpr {dpr}: drawn over {e:?}, window {x},{y} {w}×{h}"
                    );
                }
            }
        }
    }
}

//! Decides, for each panel, which layers must be repainted this frame: the axes layer when the
//! panel's size, style or axis ranges change; the data layer when what it shows changes. Nothing
//! is repainted while nothing moves.

use super::{Marks, Panel, Style, View};
use crate::model::trainer::Trainer;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Redraw {
    /// Axes layer (and the ink layer drawn with it).
    pub axes: bool,
    pub data: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Scene {
    axes: [Option<u64>; Panel::ALL.len()],
    data: [Option<u64>; Panel::ALL.len()],
}

fn bits(h: &mut DefaultHasher, v: f64) {
    v.to_bits().hash(h);
}

fn hash_beans(h: &mut DefaultHasher, t: &Trainer) {
    t.beans().len().hash(h);
    for (x, y) in t.beans().iter() {
        bits(h, x);
        bits(h, y);
    }
}

impl Scene {
    /// Forget what was drawn (after a canvas was resized or cleared).
    pub fn invalidate(&mut self) {
        *self = Scene::default();
    }

    /// Forget what `panel`'s data layer shows (it is to be painted again on its own).
    pub fn invalidate_data(&mut self, panel: Panel) {
        self.data[panel.index()] = None;
    }

    /// What to repaint for `panel` on a canvas of `size` device pixels, and the view to use.
    pub fn plan(
        &mut self,
        panel: Panel,
        t: &Trainer,
        style: &Style,
        size: (u32, u32),
        marks: &Marks,
    ) -> (View, Redraw) {
        let view = View::of(panel, t);
        let mut h = DefaultHasher::new();
        panel.hash(&mut h);
        size.hash(&mut h);
        (style.lang, style.grid, style.dark, style.corner).hash(&mut h);
        if let Some(c) = style.background {
            (c.0, c.1, c.2, c.3.to_bits()).hash(&mut h);
        }
        for v in [style.dpr, view.x.0, view.x.1, view.y.0, view.y.1] {
            bits(&mut h, v);
        }
        // Titles name the activation and the cost.
        (t.activation(), t.cost_fn()).hash(&mut h);
        // The landscape and the beans drawn with the axes depend on the beans.
        if matches!(panel, Panel::Landscape | Panel::Xz | Panel::Xa) {
            hash_beans(&mut h, t);
        }
        let axes_key = h.finish();

        // The data layer depends on everything the axes do, plus what it shows.
        match panel {
            Panel::Cost | Panel::Landscape => {
                if panel == Panel::Landscape {
                    bits(&mut h, t.w());
                    bits(&mut h, t.b());
                    t.path().len().hash(&mut h);
                }
                t.cost_history().len().hash(&mut h);
                if let Some((e, c)) = t.cost_history().last() {
                    e.hash(&mut h);
                    bits(&mut h, c);
                }
            }
            _ => {
                bits(&mut h, marks.probe.unwrap_or(f64::NAN));
                marks.bean.hash(&mut h);
                bits(&mut h, t.w());
                bits(&mut h, t.b());
                t.activation().hash(&mut h);
                hash_beans(&mut h, t);
            }
        }
        let data_key = h.finish();

        let i = panel.index();
        let redraw = Redraw { axes: self.axes[i] != Some(axes_key), data: self.data[i] != Some(data_key) };
        self.axes[i] = Some(axes_key);
        self.data[i] = Some(data_key);
        (view, redraw)
    }
}

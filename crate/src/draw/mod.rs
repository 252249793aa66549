//! Drawing, generic over plotters' `DrawingBackend`: the same functions paint the page's canvases
//! and its SVG shapes (`vector`), and SVG files and bitmaps natively (tests, export).
//!
//! Each panel has two layers: `axes` (background, grid, ticks, labels, title: text is slow to lay
//! out in the browser, so it is drawn only when the panel's size, style or axis ranges change) and
//! `data` (curves and beans, redrawn when the neuron moves). On panel z→a the sigmoid itself, which
//! never depends on w and b, is drawn over the data (`draw_ink`).

mod axes;
mod data;
pub mod frame;
pub mod landscape;
pub mod network;
mod scene;
mod stack;
mod theme;
pub mod vector;
mod view;

pub use axes::draw_axes;
pub use data::{draw_data, draw_ink};
pub use scene::{Redraw, Scene};
pub use stack::draw_stack;
pub use theme::{Palette, Style};
pub use view::{bean_near, unmap};
pub use view::{plot_area, Layout, View};

use crate::model::neuron::{Activation, Cost};

/// What the learner points at, drawn over the data: the probe x (followed through x → z → a) and
/// the bean whose chain rule is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Marks {
    pub probe: Option<f64>,
    pub bean: Option<usize>,
}

/// The page's language; drawing uses it for titles and axis labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The four panels, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    /// x → z: the line z = wx + b.
    Xz,
    /// z → a: the sigmoid itself.
    Za,
    /// x → a: the composite a = sigmoid(wx + b) with the beans.
    Xa,
    /// Mean cost per epoch.
    Cost,
    /// Mean cost over (w, b), with the path of gradient descent.
    Landscape,
}

impl Panel {
    pub const ALL: [Panel; 5] = [Panel::Xz, Panel::Za, Panel::Xa, Panel::Cost, Panel::Landscape];

    pub fn key(self) -> &'static str {
        match self {
            Panel::Xz => "xz",
            Panel::Za => "za",
            Panel::Xa => "xa",
            Panel::Cost => "cost",
            Panel::Landscape => "landscape",
        }
    }

    pub fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self, lang: Lang, act: Activation, cost: Cost) -> &'static str {
        use Activation::{Logistic, Sigmoid, Step};
        match (self, lang, act, cost) {
            (Panel::Xz, Lang::Zh, ..) => "x → z：z = wx + b",
            (Panel::Xz, Lang::En, ..) => "x → z: z = wx + b",
            (Panel::Za, Lang::Zh, Sigmoid, _) => "z → a：a = sigmoid(z)",
            (Panel::Za, Lang::En, Sigmoid, _) => "z → a: a = sigmoid(z)",
            (Panel::Za, Lang::Zh, Step, _) => "z → a：a = step(z) 阶跃函数",
            (Panel::Za, Lang::En, Step, _) => "z → a: a = step(z), the step function",
            (Panel::Xa, Lang::Zh, Sigmoid, _) => "x → a：a = sigmoid(wx + b)",
            (Panel::Xa, Lang::En, Sigmoid, _) => "x → a: a = sigmoid(wx + b)",
            (Panel::Xa, Lang::Zh, Step, _) => "x → a：a = step(wx + b)",
            (Panel::Xa, Lang::En, Step, _) => "x → a: a = step(wx + b)",
            (Panel::Za, Lang::Zh, Logistic(_), _) => "z → a：a = L / (1 + e^(−k(z − x₀)))",
            (Panel::Za, Lang::En, Logistic(_), _) => "z → a: a = L / (1 + e^(−k(z − x₀)))",
            (Panel::Xa, Lang::Zh, Logistic(_), _) => "x → a：logistic(wx + b; L, k, x₀)",
            (Panel::Xa, Lang::En, Logistic(_), _) => "x → a: logistic(wx + b; L, k, x₀)",
            (Panel::Cost, Lang::Zh, _, Cost::Mse) => "代价：e = (y − a)² 的平均",
            (Panel::Cost, Lang::En, _, Cost::Mse) => "cost: mean of e = (y − a)²",
            (Panel::Cost, Lang::Zh, _, Cost::Ce) => "代价：交叉熵的平均",
            (Panel::Cost, Lang::En, _, Cost::Ce) => "cost: mean cross-entropy",
            (Panel::Landscape, Lang::Zh, ..) => "代价地形：平均代价随 (w, b) 变化",
            (Panel::Landscape, Lang::En, ..) => "cost landscape: mean cost over (w, b)",
        }
    }

    /// Axis descriptions (x, y).
    pub fn axis_labels(self, lang: Lang) -> (&'static str, &'static str) {
        match (self, lang) {
            (Panel::Xz, Lang::Zh) => ("豆豆大小 x", "z"),
            (Panel::Xz, Lang::En) => ("size x", "z"),
            (Panel::Za, _) => ("z", "a"),
            (Panel::Xa, Lang::Zh) => ("豆豆大小 x", "毒性 a"),
            (Panel::Xa, Lang::En) => ("size x", "toxic a"),
            (Panel::Cost, Lang::Zh) => ("训练轮数 epoch", "平均代价"),
            (Panel::Cost, Lang::En) => ("epoch", "mean cost"),
            (Panel::Landscape, _) => ("w", "b"),
        }
    }
}

#[cfg(test)]
mod tests;

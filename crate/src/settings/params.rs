//! Every user-settable number, defined once. Sliders, number fields, the CLI's flags and the URL
//! state all read this table: its range, default, scale, step and labels.

use crate::settings::decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// Sliders move in log space (α spans four decades).
    Log,
}

#[derive(Clone, Copy, Debug)]
pub struct Param {
    pub key: &'static str,
    pub min: f64,
    pub max: f64,
    pub default: f64,
    pub scale: Scale,
    /// Granularity of typed and slider values; 1 for integers.
    pub step: f64,
    pub integer: bool,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Formula or unit shown beside the label.
    pub hint_zh: &'static str,
    pub hint_en: &'static str,
}

pub const PARAMS: &[Param] = &[
    Param {
        key: "w",
        min: -20.0,
        max: 20.0,
        // The page and CLI start from w, b ~ N(0, 1) drawn from the seed, as the lesson does;
        // the defaults are where Home/reset-to-default puts a slider.
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "权重 w",
        label_en: "weight w",
        hint_zh: "z = w·x + b 的斜率",
        hint_en: "slope of z = w·x + b",
    },
    Param {
        key: "b",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "偏置 b",
        label_en: "bias b",
        hint_zh: "z = w·x + b 的截距",
        hint_en: "intercept of z = w·x + b",
    },
    Param {
        key: "alpha",
        min: 0.001,
        max: 10.0,
        default: 0.05,
        scale: Scale::Log,
        step: 0.001,
        integer: false,
        label_zh: "学习率 α",
        label_en: "learning rate α",
        hint_zh: "w ← w − α·de/dw",
        hint_en: "w ← w − α·de/dw",
    },
    Param {
        key: "l",
        min: 0.1,
        max: 2.0,
        default: 1.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "上限 L",
        label_en: "height L",
        hint_zh: "a = L / (1 + e^(−k(z − x₀)))",
        hint_en: "a = L / (1 + e^(−k(z − x₀)))",
    },
    Param {
        key: "k",
        min: 0.1,
        max: 10.0,
        default: 1.0,
        scale: Scale::Log,
        step: 0.01,
        integer: false,
        label_zh: "陡度 k",
        label_en: "steepness k",
        hint_zh: "越大越陡",
        hint_en: "larger is steeper",
    },
    Param {
        key: "x0",
        min: -10.0,
        max: 10.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "中点 x₀",
        label_en: "midpoint x₀",
        hint_zh: "a = L/2 处的 z",
        hint_en: "the z where a = L/2",
    },
    Param {
        key: "seed",
        min: 0.0,
        max: 999_999.0,
        // Seed 29 starts the page readable: w, b ~ N(0, 1) give a curve that crosses a = 0.5 inside
        // the beans but the wrong way round (small beans called toxic), so training has a visible job.
        default: 29.0,
        scale: Scale::Linear,
        step: 1.0,
        integer: true,
        label_zh: "随机种子",
        label_en: "seed",
        hint_zh: "同一种子，同一批豆豆",
        hint_en: "same seed, same beans",
    },
    Param {
        key: "n",
        min: 2.0,
        max: 1000.0,
        default: 100.0,
        scale: Scale::Linear,
        step: 1.0,
        integer: true,
        label_zh: "豆豆数量",
        label_en: "beans",
        hint_zh: "个",
        hint_en: "count",
    },
    Param {
        key: "speed",
        min: 1.0,
        max: 200.0,
        default: 5.0,
        scale: Scale::Log,
        step: 1.0,
        integer: true,
        label_zh: "速度",
        label_en: "speed",
        hint_zh: "每帧训练的轮数",
        hint_en: "epochs per frame",
    },
    Param {
        key: "epochs",
        min: 0.0,
        max: 1_000_000.0,
        default: 1000.0,
        scale: Scale::Log,
        step: 1.0,
        integer: true,
        label_zh: "训练轮数",
        label_en: "epochs",
        hint_zh: "训练到第几轮",
        hint_en: "train until this epoch",
    },
];

/// The 1-2-1 network's seven parameters (the network stage's sliders and link keys). Apart from
/// `PARAMS` so the single neuron's command-line flags stay its own; absent from a link, they are drawn
/// from the seed (uniform in [0, 1), as the lesson does).
pub const NETWORK_PARAMS: &[Param] = &[
    Param {
        key: "w1",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "权重 w1",
        label_en: "weight w1",
        hint_zh: "z1 = w1·x + b1 的斜率",
        hint_en: "slope of z1 = w1·x + b1",
    },
    Param {
        key: "b1",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "偏置 b1",
        label_en: "bias b1",
        hint_zh: "z1 = w1·x + b1 的截距",
        hint_en: "intercept of z1 = w1·x + b1",
    },
    Param {
        key: "w2",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "权重 w2",
        label_en: "weight w2",
        hint_zh: "z2 = w2·x + b2 的斜率",
        hint_en: "slope of z2 = w2·x + b2",
    },
    Param {
        key: "b2",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "偏置 b2",
        label_en: "bias b2",
        hint_zh: "z2 = w2·x + b2 的截距",
        hint_en: "intercept of z2 = w2·x + b2",
    },
    Param {
        key: "v1",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "权重 v1",
        label_en: "weight v1",
        hint_zh: "z = v1·h1 + v2·h2 + c 里 h1 的权重",
        hint_en: "weight of h1 in z = v1·h1 + v2·h2 + c",
    },
    Param {
        key: "v2",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "权重 v2",
        label_en: "weight v2",
        hint_zh: "z = v1·h1 + v2·h2 + c 里 h2 的权重",
        hint_en: "weight of h2 in z = v1·h1 + v2·h2 + c",
    },
    Param {
        key: "c",
        min: -20.0,
        max: 20.0,
        default: 0.0,
        scale: Scale::Linear,
        step: 0.01,
        integer: false,
        label_zh: "偏置 c",
        label_en: "bias c",
        hint_zh: "输出神经元的偏置",
        hint_en: "the output neuron's bias",
    },
];

/// What became of a proposed value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Checked {
    Ok(f64),
    /// Out of range (or off the integer grid): the value it was moved to.
    Clamped(f64),
    /// Not a number at all (NaN, ±∞ stay out): nothing changes.
    Rejected,
}

impl Param {
    /// A key of `PARAMS` (the single neuron's and the shared ones; what the CLI takes).
    pub fn get(key: &str) -> Option<&'static Param> {
        PARAMS.iter().find(|p| p.key == key)
    }

    /// A key of either table: what a link and the page's fields take.
    pub fn find(key: &str) -> Option<&'static Param> {
        Param::all().find(|p| p.key == key)
    }

    /// Both tables, `PARAMS` first.
    pub fn all() -> impl Iterator<Item = &'static Param> {
        PARAMS.iter().chain(NETWORK_PARAMS)
    }

    /// Validates a proposed value: clamps to [min, max], rounds integers.
    pub fn check(&self, v: f64) -> Checked {
        if v.is_nan() {
            return Checked::Rejected;
        }
        let mut c = v.clamp(self.min, self.max);
        if self.integer {
            c = c.round();
        }
        if c == v {
            Checked::Ok(c)
        } else {
            Checked::Clamped(c)
        }
    }

    /// Reads typed text: accepts a unicode minus (−) and a decimal comma; refuses the rest.
    pub fn parse(&self, text: &str) -> Checked {
        let t: String = text.trim().replace(['−', '–'], "-").replace(',', ".");
        match decimal::parse(&t) {
            // Long digit strings are still numbers (clamped); only absurd lengths are refused unread.
            Some(v) if !t.is_empty() && t.len() <= 1000 => self.check(v),
            _ => Checked::Rejected,
        }
    }

    /// The value shown at slider position s ∈ [0, 1] (log scale for α and speed).
    pub fn from_slider(&self, s: f64) -> f64 {
        let s = s.clamp(0.0, 1.0);
        let v = match self.scale {
            Scale::Linear => self.min + s * (self.max - self.min),
            Scale::Log => (self.min.ln() + s * (self.max.ln() - self.min.ln())).exp(),
        };
        self.snap(v)
    }

    /// Where value v sits on the slider, in [0, 1].
    pub fn to_slider(&self, v: f64) -> f64 {
        let v = v.clamp(self.min, self.max);
        let s = match self.scale {
            Scale::Linear => (v - self.min) / (self.max - self.min),
            Scale::Log if self.min > 0.0 => (v.ln() - self.min.ln()) / (self.max.ln() - self.min.ln()),
            Scale::Log => (v - self.min) / (self.max - self.min),
        };
        s.clamp(0.0, 1.0)
    }

    /// Rounds to the parameter's step (for log scales: to 3 significant digits).
    pub fn snap(&self, v: f64) -> f64 {
        let r = match self.scale {
            Scale::Linear => (v / self.step).round() * self.step,
            Scale::Log => {
                let mag = 10f64.powi(v.abs().log10().floor() as i32 - 2);
                (v / mag).round() * mag
            }
        };
        let r = if self.integer { r.round() } else { r };
        // Remove representation noise such as 0.30000000000000004.
        let r = decimal::parse(&decimal::fixed(r, 10)).unwrap_or(r);
        r.clamp(self.min, self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for p in Param::all() {
            assert!(p.min < p.max, "{}", p.key);
            assert!((p.min..=p.max).contains(&p.default), "{}", p.key);
            assert_eq!(p.check(p.default), Checked::Ok(p.default), "{}", p.key);
            assert!(p.scale == Scale::Linear || p.min > 0.0 || p.key == "epochs");
        }
        let keys: Vec<&str> = PARAMS.iter().map(|p| p.key).collect();
        for k in ["w", "b", "alpha", "seed", "n", "speed"] {
            assert!(keys.contains(&k), "{k}");
        }
        assert_eq!((Param::get("w").unwrap().min, Param::get("w").unwrap().max), (-20.0, 20.0));
        let a = Param::get("alpha").unwrap();
        assert_eq!((a.min, a.max, a.default, a.scale), (0.001, 10.0, 0.05, Scale::Log));
        let all: Vec<&str> = Param::all().map(|p| p.key).collect();
        assert_eq!(all.len(), PARAMS.len() + 7, "keys are unique across both tables");
        for (i, k) in all.iter().enumerate() {
            assert!(!all[..i].contains(k), "{k} twice");
        }
        for k in crate::model::network::Params::NAMES {
            let p = Param::find(k).unwrap();
            assert_eq!((p.min, p.max), (-20.0, 20.0), "{k}");
            assert!(Param::get(k).is_none(), "{k} is not a single-neuron flag");
        }
    }

    #[test]
    fn checks_clamp_and_reject() {
        let w = Param::get("w").unwrap();
        assert_eq!(w.check(3.5), Checked::Ok(3.5));
        assert_eq!(w.check(99.0), Checked::Clamped(20.0));
        assert_eq!(w.check(f64::NEG_INFINITY), Checked::Clamped(-20.0));
        assert_eq!(w.check(f64::NAN), Checked::Rejected);
        let n = Param::get("n").unwrap();
        assert_eq!(n.check(10.4), Checked::Clamped(10.0));
        assert_eq!(n.check(1.0), Checked::Clamped(2.0));
    }

    #[test]
    fn parses_what_people_type() {
        let b = Param::get("b").unwrap();
        assert_eq!(b.parse(" −2,5 "), Checked::Ok(-2.5));
        assert_eq!(b.parse("-1e400"), Checked::Clamped(-20.0));
        assert_eq!(b.parse("<b>1</b>"), Checked::Rejected);
        assert_eq!(b.parse(""), Checked::Rejected);
        assert_eq!(b.parse("NaN"), Checked::Rejected);
        assert_eq!(b.parse(&"9".repeat(400)), Checked::Clamped(20.0));
    }

    #[test]
    fn log_slider_round_trips() {
        let a = Param::get("alpha").unwrap();
        assert_eq!(a.from_slider(0.0), 0.001);
        assert_eq!(a.from_slider(1.0), 10.0);
        for v in [0.001, 0.05, 0.5, 3.0] {
            let back = a.from_slider(a.to_slider(v));
            assert!((back - v).abs() / v < 0.01, "{v} -> {back}");
        }
        let w = Param::get("w").unwrap();
        assert_eq!(w.from_slider(0.5), 0.0);
        assert_eq!(w.from_slider(w.to_slider(-3.37)), -3.37);
    }
}

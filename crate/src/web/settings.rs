//! The settings schema and its checks for the page: the one table the sliders, fields and the
//! address read, exported once.

use super::js::object;
use crate::draw::{Lang, Panel};
use crate::model::neuron::{Activation, Cost};
use crate::model::trainer::initial_params;
use crate::settings;
use crate::settings::params::{Checked, Param, Scale};
use crate::settings::query;
use wasm_bindgen::prelude::*;

/// The parameter table, for building sliders and reading URL state.
#[wasm_bindgen]
pub fn params() -> js_sys::Array {
    Param::all()
        .map(|p| {
            object(&[
                ("key", p.key.into()),
                ("min", p.min.into()),
                ("max", p.max.into()),
                ("default", p.default.into()),
                ("scale", (if p.scale == Scale::Log { "log" } else { "linear" }).into()),
                ("step", p.step.into()),
                ("integer", p.integer.into()),
                ("label_zh", p.label_zh.into()),
                ("label_en", p.label_en.into()),
                ("hint_zh", p.hint_zh.into()),
                ("hint_en", p.hint_en.into()),
            ])
        })
        .collect()
}

fn strings(items: &[&str]) -> js_sys::Array {
    items.iter().map(|s| JsValue::from_str(s)).collect()
}

/// Each chart's title in `lang` as the core draws it (for the lesson's sigmoid and squared error),
/// by panel key.
fn panel_titles(lang: Lang) -> JsValue {
    let o = js_sys::Object::new();
    for p in Panel::ALL {
        let _ = js_sys::Reflect::set(&o, &p.key().into(), &p.title(lang, Activation::Sigmoid, Cost::Mse).into());
    }
    o.into()
}

/// The whole settings schema, the one definition the page reads: the parameter table, the
/// choices and lists a link takes, the keys only a link sets, embed mode's defaults, the tour's
/// length, the charts' titles.
#[wasm_bindgen]
pub fn settings() -> JsValue {
    let table = |rows: &[(&str, &[&str])]| {
        let o = js_sys::Object::new();
        for (key, items) in rows {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(key), &strings(items));
        }
        JsValue::from(o)
    };
    object(&[
        ("params", params().into()),
        ("choices", table(query::CHOICES)),
        ("lists", table(query::LISTS)),
        ("linkOnly", strings(query::LINK_ONLY).into()),
        ("embedPanels", strings(query::EMBED_PANELS).into()),
        ("embedControls", strings(query::EMBED_CONTROLS).into()),
        ("tourSteps", query::TOUR_STEPS.into()),
        ("panelTitles", object(&[("zh", panel_titles(Lang::Zh)), ("en", panel_titles(Lang::En))])),
    ])
}

fn checked(c: Checked) -> JsValue {
    match c {
        Checked::Ok(v) => object(&[("status", "ok".into()), ("value", v.into())]),
        Checked::Clamped(v) => object(&[("status", "clamped".into()), ("value", v.into())]),
        Checked::Rejected => object(&[("status", "rejected".into())]),
    }
}

/// Reads typed text for parameter `key` (unicode minus and decimal comma accepted).
#[wasm_bindgen]
pub fn parse_value(key: &str, text: &str) -> JsValue {
    Param::find(key).map(|p| checked(p.parse(text))).unwrap_or_else(|| checked(Checked::Rejected))
}

/// Slider position (0..1) → value, and back; log scales for α and speed.
#[wasm_bindgen]
pub fn from_slider(key: &str, s: f64) -> f64 {
    Param::find(key).map(|p| p.from_slider(s)).unwrap_or(f64::NAN)
}

#[wasm_bindgen]
pub fn to_slider(key: &str, v: f64) -> f64 {
    Param::find(key).map(|p| p.to_slider(v)).unwrap_or(0.0)
}

/// The query string in canonical form, and a sentence for each key that was wrong:
/// `{query, problems: [{key, text}]}`.
#[wasm_bindgen]
pub fn normalize_query(query: &str) -> JsValue {
    let (canonical, problems) = settings::query::normalize(query);
    let list: js_sys::Array =
        problems.iter().map(|p| object(&[("key", p.key.as_str().into()), ("text", p.to_string().into())])).collect();
    object(&[("query", canonical.into()), ("problems", list.into())])
}

/// The w and b the lesson starts from for a seed (N(0, 1) drawn from it).
#[wasm_bindgen]
pub fn seed_params(seed: f64) -> Vec<f64> {
    let (w, b) = initial_params(seed.max(0.0) as u64);
    vec![w, b]
}

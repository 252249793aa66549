//! Sigmoid Lab: one neuron, z = w·x + b and a = sigmoid(z), trained on the course's beans.
//!
//! The modules here are a pure core (no web dependency, tested natively); `web` is the thin
//! wasm edge the page talks to, `web_gif` the GIF encoder's (a second, lazily loaded module).

pub mod beans;
#[cfg(all(not(target_arch = "wasm32"), feature = "gif"))]
pub mod cli;
pub mod costbound;
pub mod decimal;
pub mod draw;
pub mod epoch;
pub mod export;
pub mod fastexp;
#[cfg(feature = "gif")]
pub mod gif_encoder;
pub mod history;
pub mod neuron;
pub mod params;
pub mod rng;
pub mod settings;
pub mod trainer;

#[cfg(all(target_arch = "wasm32", feature = "page"))]
mod web;
#[cfg(all(target_arch = "wasm32", feature = "gif"))]
mod web_gif;

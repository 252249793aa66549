//! Sigmoid Lab: one neuron, z = w·x + b and a = sigmoid(z), trained on the course's beans.
//!
//! The layers, each knowing only those above it in this list:
//! - `model`: the maths (neuron, trainer, beans, history), pure and the same on every platform;
//! - `settings`: every user setting defined once, and the query string that carries them;
//! - `draw`: the charts, generic over plotters' `DrawingBackend` (canvas, SVG, bitmaps);
//! - `export`: frames and files (GIF) composed from `draw`;
//! - `cli`: the command line over all of the above (native only);
//! - `web`: the thin wasm edge the page talks to (wasm only).

pub mod draw;
pub mod export;
pub mod model;
pub mod settings;

#[cfg(all(not(target_arch = "wasm32"), feature = "gif"))]
pub mod cli;

#[cfg(all(target_arch = "wasm32", any(feature = "page", feature = "gif", feature = "network")))]
mod web;

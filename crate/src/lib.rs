//! Sigmoid Lab: one neuron, z = w·x + b and a = sigmoid(z), trained on the course's beans.
//!
//! The modules here are a pure core (no web dependency, tested natively); `web` is the thin
//! wasm edge the page talks to.

pub mod beans;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod costbound;
pub mod draw;
pub mod epoch;
pub mod export;
pub mod fastexp;
pub mod history;
pub mod neuron;
pub mod params;
pub mod rng;
pub mod settings;
pub mod trainer;

#[cfg(target_arch = "wasm32")]
mod web;

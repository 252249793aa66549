//! The wasm edge: thin handles the page's JavaScript holds. Each module is one wasm build, with
//! only its feature: `lab` the page (feature `page`), `network` the network stage loaded on
//! `?stage=network` (feature `network`), `gif` the export module (its plan, the GIF encoder, SVG drawing) loaded on first export
//! (feature `gif`).

#[cfg(feature = "page")]
mod canvas;
#[cfg(feature = "page")]
mod debug;
#[cfg(feature = "page")]
mod export;
#[cfg(feature = "gif")]
mod gif;
#[cfg(any(feature = "page", feature = "network", feature = "gif"))]
mod js;
#[cfg(feature = "page")]
mod lab;
#[cfg(feature = "network")]
mod network;
#[cfg(feature = "page")]
mod settings;
#[cfg(any(feature = "page", feature = "network"))]
mod vector;

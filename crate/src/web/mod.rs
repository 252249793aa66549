//! The wasm edge: thin handles the page's JavaScript holds. Each module is one wasm build:
//! `lab` the page and `network` its network stage (feature `page`), `gif` the GIF encoder loaded on first export (feature `gif`).

#[cfg(feature = "gif")]
mod gif;
#[cfg(feature = "page")]
mod lab;
#[cfg(feature = "page")]
mod network;

//! What the page needs when things go wrong, and what tests measure: a Rust panic's message, a
//! forced panic for the error panel's test, the module's memory.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the message of a Rust panic so the page can show it: with panic = "abort" the wasm call
/// then traps, JavaScript catches that, and asks for the message here.
#[wasm_bindgen]
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let text = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&text));
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
    }));
}

/// The message of the last panic, if there was one.
#[wasm_bindgen]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// For tests of the error panel: panics on purpose.
#[wasm_bindgen]
pub fn force_panic_for_tests() {
    panic!("forced panic (test hook)");
}

/// Bytes of linear memory the wasm module holds (for the long-run memory test).
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

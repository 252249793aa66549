// When something breaks (a Rust panic traps the wasm call, or any uncaught error), the page stops
// and says so with a way back, instead of freezing with no word. The settings live in the address,
// so starting again keeps them.

import { last_panic, install_panic_hook } from './pkg/sigmoid_lab.js';

document.getElementById('failure-reset').addEventListener('click', () => location.reload());

/** Shows the failure panel with `text`, in the words of `t` when there are any. */
export function showFailure(text, t = null) {
  if (t) document.getElementById('failure-title').textContent = t.failed;
  document.getElementById('failure-text').textContent = text;
  const reset = document.getElementById('failure-reset');
  if (t) reset.textContent = t.restart;
  document.getElementById('failure').hidden = false;
  reset.focus();
}

export function watchFailures(words, stop) {
  install_panic_hook();
  let shown = false;
  function fail(error) {
    if (shown) return;
    shown = true;
    try { stop(); } catch { /* failed before the page was set up */ }
    let detail = '';
    try { detail = last_panic() ?? ''; } catch { /* the module itself may be gone */ }
    let t = null;
    try { t = words(); } catch { /* keep the panel's built-in words */ }
    showFailure(detail || String(error?.message ?? error ?? ''), t);
  }
  window.addEventListener('error', (e) => fail(e.error ?? e.message));
  window.addEventListener('unhandledrejection', (e) => fail(e.reason));
  return fail;
}

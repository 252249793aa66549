// Code loaded on first use (most visits never export or step in slow motion): a pointer over its
// buttons or focus on one fetches it ahead, and the first click waits for it and is handed on.

/**
 * `load()` → a promise of the code's handle (it wires the buttons itself); `warm(handle)` runs
 * once it is fetched ahead, `failed(error)` says why it could not load (a later use tries again).
 * Returns get() → that promise.
 */
export function loadOnUse(buttons, load, { warm, failed } = {}) {
  let handle = null;
  let ready = false;
  function get() {
    if (!handle) {
      handle = load().then((h) => { ready = true; return h; });
      handle.catch((e) => { handle = null; failed?.(e); });
    }
    return handle;
  }
  const ahead = () => get().then((h) => warm?.(h), () => {});
  for (const button of buttons) {
    button.addEventListener('pointerenter', ahead, { once: true });
    button.addEventListener('focus', ahead, { once: true });
    button.addEventListener('click', async (e) => {
      if (ready) return;
      e.stopImmediatePropagation();
      try {
        await get();
      } catch {
        return; // `failed` has said why
      }
      button.click();
    });
  }
  return get;
}

// Numbers as the page shows them: fixed decimals, never "-0", never NaN or Infinity. Readouts
// keep the ASCII minus so that their text is the number itself.

export function num(v, decimals) {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** Three significant digits, for α. */
export function sig(v) {
  if (!Number.isFinite(v)) return '—';
  return String(Number(v.toPrecision(3)));
}

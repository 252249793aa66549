// 复制链接 and 复制嵌入代码: a link to exactly this state, or the embed builder (loaded on first use).

/** host: { query(), sync() (write the address now), words(), note(text) }. Returns { share(text) }. */
export function setupSharing(doc, host) {
  const $ = (id) => doc.getElementById(id);
  // On the clipboard; when that is refused, shown selected to copy by hand.
  async function share(text) {
    const box = $('share-text');
    box.value = text;
    box.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      host.note(host.words().copied);
    } catch {
      box.focus();
      box.select();
      host.note(host.words().copyFailed);
    }
  }
  $('copy-link').addEventListener('click', () => { host.sync(); share(location.href); });
  let builder = null;
  $('copy-embed').addEventListener('click', () => {
    host.sync();
    builder ??= import('./embedbuilder.js');
    builder.then((m) => m.openEmbedBuilder({ query: host.query(), words: host.words(), copy: share }));
  });
  return { share };
}

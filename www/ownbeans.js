// Your own beans: added and removed on x → a, pasted or dropped as CSV, downloaded as CSV, back to
// the course's. While they are your own, the link carries them (`data=`), so a reload, a language
// switch, a copied link or embed all keep them. Nothing typed is lost: a refused paste stays in the
// box with its bad line selected, and a change to the beans can be undone.

const UNDO_STEPS = 20;

/**
 * `host`: { lab, words() → the page's strings, note(text, action?), stopped() (training paused),
 * changed() (repaint and write the link), course() (the course's beans again) }.
 */
export function setupOwnBeans(doc, host) {
  const { lab } = host;
  const $ = (id) => doc.getElementById(id);
  const box = $('beans-text');
  const details = box.closest('details');
  let own = false;
  // Earlier beans, newest last, as link pairs (or null for the course's), for undo.
  const undo = [];

  // The list is written out when its box is open (and when it opens): most visits never look.
  let stale = true;
  function refreshText() {
    stale = !details.open;
    if (!stale) {
      box.value = lab.beans_csv();
      box.removeAttribute('aria-invalid');
    }
  }
  details.addEventListener('toggle', () => { if (details.open && stale) refreshText(); });

  function remember() {
    undo.push(own ? lab.beans_pairs() : null);
    if (undo.length > UNDO_STEPS) undo.shift();
  }

  function changed(message) {
    host.stopped();
    refreshText();
    host.changed();
    if (message) host.note(message, undo.length ? { label: host.words().undo, run: back } : null);
  }

  function back() {
    const pairs = undo.pop();
    if (pairs === undefined) return;
    if (pairs === null) {
      own = false;
      host.course();
    } else {
      lab.load_pairs(pairs);
      own = true;
    }
    changed(host.words().beansBack(lab.beans_x().length));
  }

  /** The bad line of a refused paste, selected so it can be fixed where it is. */
  function markLine(line) {
    box.setAttribute('aria-invalid', 'true');
    if (line < 1) return;
    const lines = box.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    box.focus();
    box.setSelectionRange(start, start + (lines[line - 1] ?? '').length);
  }

  function load(text) {
    const before = own ? lab.beans_pairs() : null;
    const error = lab.load_csv(text);
    if (error) {
      host.note(host.words().beansRefused(error.text));
      markLine(error.line);
      return false;
    }
    undo.push(before);
    own = true;
    box.removeAttribute('aria-invalid');
    changed(host.words().beansLoaded(lab.beans_x().length));
    return true;
  }

  $('beans-load').addEventListener('click', () => load(box.value));
  $('beans-course').addEventListener('click', () => {
    if (!own) return;
    remember();
    own = false;
    host.course();
    changed(host.words().beansCourseBack);
  });
  $('beans-csv').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([lab.beans_csv()], { type: 'text/csv' }));
    const a = Object.assign(doc.createElement('a'), { href: url, download: 'beans.csv' });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  doc.addEventListener('dragover', (e) => { if (e.dataTransfer?.types.includes('Files')) e.preventDefault(); });
  doc.addEventListener('drop', async (e) => {
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    e.preventDefault();
    // The dropped text goes into the box either way, so nothing dropped is lost.
    box.value = (await file.text()).slice(0, 200000);
    stale = false;
    details.open = true;
    load(box.value);
  });
  refreshText();

  return {
    /** Whether the beans are the learner's (the link then carries them). */
    get own() { return own; },
    /** The beans came from the link (`data=`): they are the learner's. */
    fromLink() {
      own = true;
      refreshText();
    },
    /** A click on x → a in edit mode: on a bean removes it, elsewhere adds one. */
    click(bean, [x, y]) {
      remember();
      const ok = bean !== undefined ? lab.remove_bean(bean) : lab.add_bean(x, y);
      if (!ok) {
        undo.pop();
        host.note(host.words().beansLimit);
        return;
      }
      own = true;
      changed(bean !== undefined ? host.words().beanRemoved : null);
    },
    /** New course beans (a new seed or n): the link no longer needs to carry any. */
    courseChosen() {
      own = false;
      refreshText();
    },
  };
}

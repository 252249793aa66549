// Training's buttons and keys, and what the page says when training diverges or reaches its epoch.

/**
 * host: { lab, state, specs, words(), note, request(), announce(), snapshot(), newBeans(seed),
 * alphaShown(v) }. Returns { setPlaying(on), checkDiverged(), showTrainedEnd(), translate() }.
 */
export function setupPlayback(doc, host) {
  const { lab, state } = host;
  const $ = (id) => doc.getElementById(id);

  function setPlaying(on) {
    state.playing = on;
    // A run towards the epoch target: the cost chart's axis reaches it from now on.
    if (on && lab.epoch() < state.target) lab.set_epoch_goal(state.target);
    // While training runs, a phone keeps x → a in view (see style.css).
    doc.documentElement.classList.toggle('live', on);
    if (on) $('trained-end').hidden = true;
    const btn = $('play');
    btn.textContent = on ? host.words().pause : host.words().play;
    btn.setAttribute('aria-pressed', String(on));
    if (on) host.request();
    else host.announce();
  }

  function checkDiverged() {
    const at = lab.diverged_at();
    if (at === undefined) return;
    setPlaying(false);
    const t = host.words();
    // The core has already gone back to the last good state; one click goes on with a smaller α.
    host.note(t.diverged(at), {
      label: t.smallerAlpha,
      run() {
        lab.set_alpha(Math.max(host.specs.get('alpha').min, lab.alpha() / 10));
        lab.recover();
        host.alphaShown(lab.alpha());
        host.request();
      },
    });
  }

  /** Training reached its epoch: where the boundary settled and how many beans are right. */
  function showTrainedEnd() {
    const el = $('trained-end');
    el.textContent = host.words().trainedEnd(host.snapshot());
    el.hidden = false;
  }

  $('play').addEventListener('click', () => setPlaying(!state.playing));
  $('bean').addEventListener('click', () => { lab.step_bean(); checkDiverged(); host.request(); });
  $('epoch').addEventListener('click', () => { lab.step_epoch(); checkDiverged(); host.request(); host.announce(); });
  $('reset').addEventListener('click', () => { setPlaying(false); $('trained-end').hidden = true; lab.reset(); host.request(); });
  $('beans').addEventListener('click', () => { setPlaying(false); host.newBeans((state.seed + 1) % (host.specs.get('seed').max + 1)); host.request(); });

  // Shortcuts, unless typing in a field.
  doc.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const tag = e.target.tagName;
    if (tag === 'INPUT' && e.target.type === 'text') return;
    if (e.key === ' ' && !(tag === 'BUTTON' || tag === 'INPUT')) { e.preventDefault(); setPlaying(!state.playing); }
    else if (e.key === '.') $('bean').click();
    else if (e.key === 'e' || e.key === 'E') $('epoch').click();
    else if (e.key === 'r' || e.key === 'R') $('reset').click();
  });

  return {
    setPlaying,
    checkDiverged,
    showTrainedEnd,
    translate() {
      $('play').textContent = state.playing ? host.words().pause : host.words().play;
    },
  };
}

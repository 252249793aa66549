// Training's buttons and keys, and what the page says when training diverges or reaches its epoch.

/**
 * host: { lab, state, specs, words(), note, request(), announce(), snapshot(), newBeans(seed),
 * alphaShown(v) }. Returns { setPlaying(on), checkDiverged(), showTrainedEnd(), showRunStart(), translate() }.
 */
export function setupPlayback(doc, host) {
  const { lab, state } = host;
  const $ = (id) => doc.getElementById(id);

  // The run's line under the training buttons: while a run heads for its epoch, where it stops;
  // paused on the way, where it stands; at the end, where the boundary settled. It holds the
  // room the end's words will take from the run's start (`data-room`, an invisible copy in
  // style.css), so the charts above it do not shrink when the run ends. `showing`: the line is up
  // (a pause then says where the run stands); `ended`: the run reached its epoch.
  let showing = false;
  let ended = false;
  function showRun(playing = state.playing) {
    const el = $('trained-end');
    const t = host.words();
    const epoch = lab.epoch();
    const ahead = epoch < state.target;
    let text = null;
    if (ended) text = t.trainedEnd(host.snapshot());
    else if (playing && ahead) text = t.runTo(state.target);
    else if (!playing && ahead && epoch > 0 && showing) text = t.runPaused(epoch, state.target);
    showing = text !== null;
    el.hidden = !showing;
    if (!showing) return;
    // Written only when it changes: a status line is read out again on every write.
    if (el.firstElementChild.textContent !== text) el.firstElementChild.textContent = text;
    el.dataset.room = ended ? text : t.trainedEnd({ ...host.snapshot(), epoch: state.target });
  }
  const clearRun = () => {
    showing = false;
    ended = false;
    showRun();
  };

  function setPlaying(on) {
    state.playing = on;
    // A run towards the epoch target: the cost chart's axis reaches it from now on.
    if (on && lab.epoch() < state.target) lab.set_epoch_goal(state.target);
    // While training runs, a phone keeps x → a in view (see style.css).
    doc.documentElement.classList.toggle('live', on);
    if (on) ended = false;
    showRun();
    const btn = $('play');
    btn.textContent = on ? host.words().pause : host.words().play;
    btn.setAttribute('aria-pressed', String(on));
    // A frame either way: a pause shows the numbers of the state it stopped in.
    host.request();
    if (!on) host.announce();
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
    ended = true;
    showRun();
  }

  $('play').addEventListener('click', () => setPlaying(!state.playing));
  $('bean').addEventListener('click', () => { lab.step_bean(); checkDiverged(); host.request(); });
  $('epoch').addEventListener('click', () => { lab.step_epoch(); checkDiverged(); host.request(); host.announce(); });
  $('reset').addEventListener('click', () => { setPlaying(false); lab.reset(); clearRun(); host.request(); });
  $('beans').addEventListener('click', () => { setPlaying(false); host.newBeans((state.seed + 1) % (host.specs.get('seed').max + 1)); clearRun(); host.request(); });

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
    /** The run's line as it will be once playing (for a link that plays at once: before its
     * first frame, so that frame is laid out with it). */
    showRunStart: () => showRun(true),
    translate() {
      $('play').textContent = state.playing ? host.words().pause : host.words().play;
      showRun();
    },
  };
}

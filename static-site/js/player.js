// Song previews: one audio element for the whole page, so starting a preview always stops the one
// before it. Knows tracks only by id and address; the result view draws the buttons from its state.

const IDLE = Object.freeze({ id: null, state: 'idle', currentTime: 0, duration: 0, queue: false });

/**
 * audio: the page's <audio> element. State snapshots are { id, state, currentTime, duration } with
 * state = idle | loading | playing | paused | error, and queue = true while "play all" runs; subscribers get
 * one after every change.
 */
export function createPlayer(audio) {
  let current = IDLE;
  // "Play all": the previews still to come, each { id, src }; the next starts when one ends.
  let queue = [];
  const listeners = new Set();

  function set(changes) {
    current = Object.freeze({ ...current, ...changes });
    for (const fn of listeners) fn(current);
  }

  const time = () => ({
    currentTime: audio.currentTime || 0,
    duration: Number.isFinite(audio.duration) ? audio.duration : 0,
  });

  function start() {
    set({ state: 'loading' });
    audio.play().catch((err) => {
      // AbortError: another src or stop() came first, and that one's state stands.
      if (err && err.name === 'AbortError') return;
      if (current.id) set({ state: 'error' });
    });
  }

  function stop() {
    queue = [];
    if (!current.id) return;
    audio.pause();
    // Dropping the src stops the download too; load() resets the element to empty without an error event.
    audio.removeAttribute('src');
    audio.load();
    current = IDLE;
    for (const fn of listeners) fn(current);
  }

  /** Play id's preview from src; pause it when it is the one playing; resume it when it is paused. */
  function toggle(id, src, inQueue = false) {
    if (!inQueue) queue = [];
    if (current.id === id && current.state !== 'error') {
      if (current.state === 'playing' || current.state === 'loading') {
        audio.pause();
        set({ state: 'paused' });
      } else start();
      return;
    }
    audio.pause();
    audio.src = src;
    current = Object.freeze({ ...IDLE, id, queue: inQueue });
    start();
  }

  function next() {
    const [first, ...rest] = queue;
    queue = rest;
    toggle(first.id, first.src, true);
  }

  /** Play the previews in turn from the first; tapping one row's button afterwards plays just that one. */
  function playAll(items) {
    if (!items.length) return;
    queue = [...items];
    next();
  }

  audio.addEventListener('playing', () => current.id && set({ state: 'playing', ...time() }));
  audio.addEventListener('waiting', () => current.state === 'playing' && set({ state: 'loading' }));
  audio.addEventListener('timeupdate', () => current.id && set(time()));
  audio.addEventListener('durationchange', () => current.id && set(time()));
  // Only a pause nobody asked for here (the OS, headphones unplugged); toggle and stop set their own state.
  audio.addEventListener('pause', () => current.state === 'playing' && set({ state: 'paused', ...time() }));
  audio.addEventListener('ended', () => {
    if (!current.id) return;
    if (queue.length) next();
    else set({ state: 'idle', currentTime: 0, queue: false });
  });
  audio.addEventListener('error', () => {
    if (!current.id || !audio.getAttribute('src')) return;
    set({ state: 'error' });
    // One broken preview does not end "play all": its row keeps the error, the next one plays.
    if (queue.length) next();
  });

  return {
    get state() {
      return current;
    },
    toggle: (id, src) => toggle(id, src),
    playAll,
    stop,
    /** fn(state) after every change. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

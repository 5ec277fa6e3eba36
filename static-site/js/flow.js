// The photo's way to a result as one state machine, plain logic without the DOM:
//   idle → preparing → uploading → analyzing → done | failed   (a new photo)
//   loading → (analyzing →) done | failed                       (a result opened by its address)
// Each state is a frozen snapshot carrying its own data (photo, analysis id, failure); the steps hand
// the photo on as an argument. One task at a time: starting another aborts the one in flight.

import { codes } from './facts.js';

/**
 * steps: prepare(file) → { blob, dark }; upload(blob, { signal, onProgress }) → { analysisId, maxBytes };
 * poll(id, { signal }) → finished analysis; load(id, signal) → analysis as stored.
 */
export function createFlow({ prepare, upload, poll, load }) {
  let state = Object.freeze({ name: 'idle' });
  let task = null;
  let retryStep = null;
  // The page's one photo and the analysis it was last sent as: opening that result again shows it,
  // and a failed analysis of it can be retried. Its object URL lives until the next photo replaces it.
  let kept = null;
  const listeners = new Set();

  function set(next) {
    const previous = state;
    state = Object.freeze(next);
    for (const fn of listeners) fn(state, previous);
  }

  function begin() {
    task?.abort();
    task = new AbortController();
    return task.signal;
  }

  /** dark: the photo looked too dark to read a face on (measured before upload), so the page says so. */
  function keep(blob, dark = false) {
    drop();
    kept = { photo: Object.freeze({ blob, url: URL.createObjectURL(blob), dark: !!dark }), analysisId: null };
    return kept.photo;
  }

  function drop() {
    if (kept) URL.revokeObjectURL(kept.photo.url);
    kept = null;
  }

  function fail(err, { photo = null, file = null, retry = null } = {}) {
    retryStep = retry;
    const failure = Object.freeze({
      // Only the code: the page says what it means in its own language (status.js).
      code: (err && err.code) || 'generic',
      maxBytes: (err && err.maxBytes) || null,
    });
    set({ name: 'failed', failure, photo, file, canRetry: !!retry });
  }

  function finish(analysis, { photo, maxBytes = null, retry, fresh }) {
    if (analysis.status !== 'failed') {
      set({ name: 'done', analysis, photo, fresh });
      return;
    }
    const f = analysis.failure || {};
    fail({ code: f.code || codes.internalError, maxBytes }, { photo, retry });
  }

  const aborted = (err, signal) => signal.aborted || (err && err.code === 'aborted');

  /** Prepare the file (unless a photo is given), upload, poll. Retrying sends the same photo again. */
  async function send({ file = null, photo = null }) {
    const signal = begin();
    try {
      if (!photo) {
        set({ name: 'preparing', file });
        const prepared = await prepare(file);
        if (signal.aborted) return;
        photo = keep(prepared.blob, prepared.dark);
      }
      set({ name: 'uploading', photo, progress: 0 });
      const { analysisId, maxBytes } = await upload(photo.blob, {
        signal,
        onProgress: (progress) => {
          if (!signal.aborted) set({ ...state, progress });
        },
      });
      if (kept?.photo === photo) kept.analysisId = analysisId;
      set({ name: 'analyzing', photo, analysisId });
      const analysis = await poll(analysisId, { signal });
      if (signal.aborted) return;
      finish(analysis, { photo, maxBytes, retry: () => send({ photo }), fresh: true });
    } catch (err) {
      if (aborted(err, signal)) return;
      // Without a prepared photo (the decode failed), retrying prepares the same file again.
      fail(err, { photo, file: photo ? null : file, retry: () => send(photo ? { photo } : { file }) });
    }
  }

  /** Show a stored result: load it, and poll while it is still pending. */
  async function open(id) {
    const signal = begin();
    const photo = kept && kept.analysisId === id ? kept.photo : null;
    set({ name: 'loading', analysisId: id });
    try {
      let analysis = await load(id, signal);
      if (analysis.status === 'pending') {
        set({ name: 'analyzing', photo, analysisId: id });
        analysis = await poll(id, { signal });
      }
      if (signal.aborted) return;
      // Retrying a failed analysis re-uploads only when this page still holds its photo.
      finish(analysis, { photo, retry: photo ? () => send({ photo }) : null, fresh: false });
    } catch (err) {
      if (aborted(err, signal)) return;
      fail(err, { retry: () => open(id) });
    }
  }

  function reset() {
    task?.abort();
    task = null;
    retryStep = null;
    set({ name: 'idle' });
  }

  return {
    get state() {
      return state;
    },
    /** fn(state, previous) after every change: each transition, and each upload progress step. */
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    /** A new photo: { file } picked or dropped (prepared first), or { blob, dark } already prepared (camera). */
    start({ file = null, blob = null, dark = false }) {
      if (blob) send({ photo: keep(blob, dark) });
      else {
        drop();
        send({ file });
      }
    },
    open,
    retry: () => retryStep?.(),
    reset,
    /** Back to idle and let the photo go. */
    startOver() {
      reset();
      drop();
    },
  };
}

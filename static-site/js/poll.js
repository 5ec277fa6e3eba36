// Poll GET /api/analyses/{id} until it is done or failed, with a short backoff: the first look comes soon
// (a selfie is read in tens of milliseconds), later ones spread out, so a slow analysis costs few requests.

import { api, ApiError } from './api.js';
import { codes } from './facts.js';

export const POLL_START_MS = 50;
export const POLL_CAP_MS = 1500;
export const POLL_FACTOR = 1.5;
export const POLL_GIVE_UP_MS = 60_000;

function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ApiError('aborted', 'aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(new ApiError('aborted', 'aborted'));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Resolves with the finished analysis (status "done" or "failed"). Rejects with
 * ApiError('timeout') after ~60 s, ApiError(codes.notFound) when the id stays unknown,
 * or the server's problem code for other client errors. Network hiccups are retried.
 */
export async function pollAnalysis(id, { signal, giveUpMs = POLL_GIVE_UP_MS, onTick } = {}) {
  const deadline = Date.now() + giveUpMs;
  let delay = POLL_START_MS;
  let notFound = 0;
  for (;;) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())), signal);
    try {
      const analysis = await api.getAnalysis(id, signal);
      onTick?.(analysis);
      if (analysis && (analysis.status === 'done' || analysis.status === 'failed')) return analysis;
    } catch (err) {
      if (err.code === 'aborted') throw err;
      if (err.code === codes.notFound) {
        // The record is written before the upload target is issued; allow a little lag, then stop.
        if (++notFound >= 3) throw err;
      } else if (err.status && err.status < 500 && err.status !== 429) {
        throw err;
      }
      // network errors, 5xx and 429: keep trying until the deadline
    }
    if (Date.now() >= deadline) throw new ApiError('timeout', 'Analysis took too long');
    delay = Math.min(POLL_CAP_MS, Math.round(delay * POLL_FACTOR));
  }
}

// The device token and thin fetch wrappers for the /api routes (docs/api.md); paths, token bounds and codes
// come from the server (facts.js).

import { codes, historyPageSize, routes, token as tokenFacts } from './facts.js';

const TOKEN_KEY = 'moodtunes.deviceToken';
const TOKEN_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${tokenFacts.minLength},${tokenFacts.maxLength}}$`);
let memoryToken = null;

/** An error with a machine-readable code (from a problem+json `code`, or a local one). */
export class ApiError extends Error {
  constructor(code, message, status = 0, problem = null) {
    super(message || code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.problem = problem;
  }
}

/** file-too-large, with the limit that was passed when it is known (the message formats it). */
export function tooLarge(maxBytes, message, status = 0) {
  return Object.assign(new ApiError(codes.fileTooLarge, message, status), { maxBytes: maxBytes || null });
}

function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as base64url (43 characters), created once and kept in localStorage. */
export function deviceToken() {
  if (memoryToken) return memoryToken;
  let token = null;
  try {
    token = localStorage.getItem(TOKEN_KEY);
  } catch {
    /* storage blocked: fall through to a per-page token */
  }
  if (!token || !TOKEN_PATTERN.test(token)) {
    token = base64url(crypto.getRandomValues(new Uint8Array(32)));
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      /* history then lasts only as long as this page */
    }
  }
  memoryToken = token;
  return token;
}

async function readProblem(res) {
  const type = res.headers.get('content-type') || '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function fallbackCode(status) {
  if (status === 401) return codes.invalidToken;
  if (status === 404) return codes.notFound;
  if (status === 413) return codes.fileTooLarge;
  if (status >= 500) return codes.internalError;
  return `http-${status}`;
}

/**
 * fetch() an /api path with the device token. Resolves to the parsed JSON body (or null for 204).
 * With text: true, resolves to { body, type, fileName } (a file the server names in Content-Disposition).
 * Rejects with ApiError: problem.code when the server sent one, else a code from the status,
 * 'network' when the server could not be reached, 'aborted' when the signal fired.
 */
export async function apiFetch(path, { method = 'GET', body, signal, text = false } = {}) {
  const headers = { [tokenFacts.header]: deviceToken(), Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (err) {
    if (err && err.name === 'AbortError') throw new ApiError('aborted', 'aborted');
    throw new ApiError('network', err && err.message);
  }
  if (!res.ok) {
    const problem = await readProblem(res);
    const code = (problem && typeof problem.code === 'string' && problem.code) || fallbackCode(res.status);
    throw new ApiError(code, (problem && (problem.detail || problem.title)) || res.statusText, res.status, problem);
  }
  if (res.status === 204) return null;
  if (text) {
    const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') || '');
    return { body: await res.text(), type: res.headers.get('content-type') || 'text/plain', fileName: name ? name[1] : 'download' };
  }
  const type = res.headers.get('content-type') || '';
  if (!type.includes('json')) return null;
  try {
    return await res.json();
  } catch {
    throw new ApiError(codes.internalError, 'Unreadable response', res.status);
  }
}

/** A route of the server's with its {name} holes filled in, each escaped. */
const path = (template, params) => template.replace(/\{(\w+)\}/g, (hole, name) => encodeURIComponent(params[name]));
const enc = encodeURIComponent;

export const api = {
  createUpload: (contentType, size, signal) => apiFetch(routes.uploads, { method: 'POST', body: { contentType, size }, signal }),
  getAnalysis: (id, signal) => apiFetch(path(routes.analysisById, { id }), { signal }),
  deleteAnalysis: (id) => apiFetch(path(routes.analysisById, { id }), { method: 'DELETE' }),
  // answer: how the person said they feel when the reading was unsure (null keeps the one given before).
  requestTracks: (id, { moods = [], sadnessChoice = null, answer = null, more = false } = {}, signal) =>
    apiFetch(path(routes.analysisTracks, { id }), { method: 'POST', body: { moods, sadnessChoice, answer, more }, signal }),
  history: (cursor, limit = historyPageSize, signal) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (cursor) q.set('cursor', cursor);
    return apiFetch(`${routes.history}?${q}`, { signal });
  },
  deleteHistory: () => apiFetch(routes.history, { method: 'DELETE' }),
  historySummary: (offsetMinutes, signal) => apiFetch(`${routes.historySummary}?offsetMinutes=${enc(offsetMinutes)}`, { signal }),
  savedSongs: () => apiFetch(routes.savedSongs),
  saveSong: (catalogId) => apiFetch(path(routes.savedSong, { catalogId }), { method: 'PUT' }),
  deleteSavedSong: (catalogId) => apiFetch(path(routes.savedSong, { catalogId }), { method: 'DELETE' }),
  deleteSavedSongs: () => apiFetch(routes.savedSongs, { method: 'DELETE' }),
  exportSavedSongs: (format) => apiFetch(`${routes.savedSongsExport}?format=${enc(format)}`, { text: true }),
};

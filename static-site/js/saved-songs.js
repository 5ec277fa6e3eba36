// Saved songs: the ♥ on a track keeps it on the server with this device (docs/api.md, /api/saved-songs).
// SavedSongs holds the list and tells subscribers; SavedSongsView draws it in the history view.

import { api } from './api.js';
import { download, h, focusPanel } from './dom.js';
import { formatTime, t } from './i18n.js';
import { EMOJI, emotionName } from './emotions.js';
import { codes } from './facts.js';
import { coverTile, links } from './track-row.js';

// Which mood each song was saved from: the page's own note on this device (the server keeps only the song and
// when), so the list can say where a song came from. Losing it loses only that line.
const FROM_KEY = 'moodtunes.savedFrom';

function readFrom() {
  try {
    return JSON.parse(localStorage.getItem(FROM_KEY) || '{}') || {};
  } catch {
    return {};
  }
}

function writeFrom(map) {
  try {
    localStorage.setItem(FROM_KEY, JSON.stringify(map));
  } catch {
    /* private mode: the line is left out */
  }
}

/** "From 😄 Happy" or "From Relaxing, Exercise": what the result the song was saved from was about. */
function fromLine(from) {
  if (!from) return null;
  const moods = Array.isArray(from.moods) ? from.moods : [];
  const what = moods.length ? moods.map((m) => t(`mood.${m}`)).join(', ') : from.emotion ? `${EMOJI[from.emotion] || ''} ${emotionName(from.emotion)}`.trim() : '';
  return what ? t('saved.from', { what }) : null;
}

/** The saved songs' news for the page: why the last change failed, or ''. */
export const savedError = (songs) => (songs.error ? t(songs.error === codes.savedSongsFull ? 'saved.full' : 'saved.error', { max: songs.max }) : '');

export class SavedSongs {
  constructor() {
    this.items = [];
    // The server's limit (response.max); unknown until the list has been loaded once.
    this.max = null;
    this.error = null;
    this.listeners = new Set();
  }

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  notify() {
    for (const fn of this.listeners) fn(this);
  }

  has(id) {
    return this.items.some((item) => item.track.id === id);
  }

  async run(step) {
    this.error = null;
    try {
      await step();
    } catch (err) {
      this.error = err.code || 'generic';
    }
    this.notify();
  }

  load() {
    return this.run(async () => {
      const list = await api.savedSongs();
      this.items = (list && Array.isArray(list.items) && list.items) || [];
      this.max = (list && list.max) || null;
    });
  }

  /** Save the track, or forget it when it is saved already. from: { emotion, moods } of the result it is saved from. */
  toggle(track, from = null) {
    return this.has(track.id) ? this.remove(track.id) : this.run(async () => {
      const item = await api.saveSong(track.id);
      if (item && !this.has(track.id)) this.items.unshift(item);
      if (from) writeFrom({ ...readFrom(), [track.id]: from });
    });
  }

  /** What the song was saved from, as the page noted it (see fromLine). */
  savedFrom(id) {
    return readFrom()[id] || null;
  }

  remove(id) {
    return this.run(async () => {
      try {
        await api.deleteSavedSong(id);
      } catch (err) {
        // Already gone counts as deleted.
        if (err.code !== codes.notSaved) throw err;
      }
      this.items = this.items.filter((item) => item.track.id !== id);
      const { [id]: _gone, ...rest } = readFrom();
      writeFrom(rest);
    });
  }

  removeAll() {
    return this.run(async () => {
      await api.deleteSavedSongs();
      this.items = [];
    });
  }

  /** format: 'csv' | 'text'; the server writes the file and names it. */
  export(format) {
    return this.run(async () => {
      const file = await api.exportSavedSongs(format);
      download(new Blob([file.body], { type: file.type }), file.fileName);
    });
  }
}

/** The "saved songs" section of the history view. */
export class SavedSongsView {
  constructor(root, songs) {
    this.root = root;
    this.songs = songs;
    this.confirming = false;
    songs.subscribe(() => this.render());
  }

  render() {
    const { items, max } = this.songs;
    const heading = h('h3', { id: 'saved-heading', tabindex: '-1' }, h('span', { 'aria-hidden': 'true' }, '♥ '), t('saved.heading'));
    const count = h('p', { class: 'hint', dataset: { testid: 'saved-count' } }, max ? t('saved.count', { count: items.length, max }) : '');
    const status = h('p', { class: 'history-status', role: 'status', dataset: { testid: 'saved-status' } }, savedError(this.songs));
    if (!items.length) {
      this.root.replaceChildren(heading, status, h('p', { class: 'hint', dataset: { testid: 'saved-empty' } }, t('saved.empty')));
      return;
    }
    const list = h(
      'ul',
      { class: 'saved-list', dataset: { testid: 'saved-list' }, 'aria-labelledby': 'saved-heading' },
      items.map(({ track, savedAt }) =>
        h(
          'li',
          { class: 'saved-item', dataset: { testid: 'saved-item', trackId: track.id } },
          coverTile(track, 'saved-cover'),
          h(
            'div',
            { class: 'saved-body' },
            h('p', { class: 'track-head' }, h('span', { class: 'track-title', lang: track.language }, track.title), ' ', h('span', { class: 'track-artist' }, t('tracks.by', { artist: track.artist }))),
            h(
              'p',
              { class: 'meta' },
              [fromLine(this.songs.savedFrom(track.id)), t('saved.savedAt', { time: formatTime(savedAt) })].filter(Boolean).join(' · '),
            ),
            links(track),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'track-save',
              dataset: { testid: 'saved-remove' },
              'aria-pressed': 'true',
              'aria-label': t('saved.removeLabel', { title: track.title, artist: track.artist }),
              onclick: () => this.removeOne(track.id),
            },
            h('span', { 'aria-hidden': 'true' }, '♥'),
          ),
        ),
      ),
    );
    const exportButton = (format) =>
      h('button', { type: 'button', class: 'secondary', dataset: { testid: `saved-export-${format}` }, onclick: () => this.songs.export(format) }, t(`saved.export.${format}`));
    const confirm = this.confirming
      ? h(
          'div',
          { class: 'confirm', role: 'group', 'aria-labelledby': 'saved-confirm-text', dataset: { testid: 'saved-confirm' } },
          h('p', { id: 'saved-confirm-text' }, t('saved.confirmAll')),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', class: 'danger', dataset: { testid: 'saved-confirm-yes' }, onclick: () => this.removeAll() }, t('saved.confirmYes')),
            h('button', { type: 'button', class: 'secondary', dataset: { testid: 'saved-confirm-no' }, onclick: () => this.askRemoveAll(false) }, t('history.confirmNo')),
          ),
        )
      : null;
    this.root.replaceChildren(
      heading,
      count,
      status,
      list,
      h(
        'div',
        { class: 'actions' },
        exportButton('csv'),
        exportButton('text'),
        h('button', { type: 'button', class: 'danger-quiet', dataset: { testid: 'saved-delete-all' }, 'aria-expanded': String(this.confirming), onclick: () => this.askRemoveAll(true) }, t('saved.deleteAll')),
      ),
      // Absent when not confirming: replaceChildren would print a null as the text "null".
      ...(confirm ? [confirm] : []),
    );
    if (this.confirming) this.root.querySelector('[data-testid=saved-confirm-no]').focus();
  }

  askRemoveAll(on) {
    this.confirming = on;
    this.render();
    if (!on) this.root.querySelector('[data-testid=saved-delete-all]')?.focus();
  }

  async removeOne(id) {
    const li = this.root.querySelector(`[data-testid=saved-item][data-track-id="${CSS.escape(id)}"]`);
    const next = li && (li.nextElementSibling || li.previousElementSibling);
    const nextId = next && next.dataset.trackId;
    await this.songs.remove(id);
    // Keep the keyboard user in the list: on the neighbour's remove button, or the heading when none is left.
    const target = nextId && this.root.querySelector(`[data-testid=saved-item][data-track-id="${CSS.escape(nextId)}"] [data-testid=saved-remove]`);
    if (target) target.focus();
    else focusPanel(this.root.querySelector('#saved-heading'));
  }

  async removeAll() {
    this.confirming = false;
    await this.songs.removeAll();
    focusPanel(this.root.querySelector('#saved-heading'));
  }
}

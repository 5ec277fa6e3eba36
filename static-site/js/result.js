// The result view: photo with the face box, the emotion and its message, seven bars, the tracks,
// mood chips / the sadness choice, and "other songs".

import { h } from './dom.js';
import { lang, percent, t, formatTime } from './i18n.js';
import { attribution, showPlayback, showSaved, trackRow, unavailableNote } from './track-row.js';

export const EMOTIONS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
export const MOODS = ['morning-coffee', 'relaxing', 'exercise', 'heart-touching'];
export const EMOJI = { angry: '😠', disgust: '🤢', fear: '😨', happy: '😄', sad: '😢', surprise: '😮', neutral: '😐' };
/** One colour per emotion, for the timeline and the share card (each readable with white text on it). */
export const EMOTION_COLORS = { angry: '#c62828', disgust: '#2e7d32', fear: '#6a1b9a', happy: '#d35400', sad: '#1565c0', surprise: '#00838f', neutral: '#5d5470' };

export function emotionName(emotion) {
  return EMOTIONS.includes(emotion) ? t(`emotion.${emotion}`) : String(emotion || '');
}

const clamp01 = (v) => Math.min(1, Math.max(0, Number(v) || 0));

/** The seven emotions of a face, highest first (missing ones read 0). */
export function sortedEmotions(face) {
  const scores = (face && face.emotions) || {};
  return EMOTIONS.map((e) => [e, clamp01(scores[e])]).sort((a, b) => b[1] - a[1]);
}

/** Whether the result offers a choice (moods, or the sadness choice) before tracks are asked for. */
export function asksForMoods(analysis) {
  const r = (analysis && analysis.result) || {};
  return !!r.asksForMoods || r.emotion === 'neutral';
}

export const waitsForChoice = (analysis) => asksForMoods(analysis) || (analysis.result || {}).emotion === 'sad';

/**
 * One analysis shown in the result section, with the tracks it is given (setTracks). Keeps the picked
 * moods and sadness choice, raises onMoodsChosen({ moods, sadnessChoice }), onOtherSongs(),
 * onPreview(trackId, src) (play or pause that preview), onStopPreview() (its track is gone), onSave(track)
 * (the ♥) and onShare() (the share card), draws the player's state it is given (setPlayback) and the saved
 * songs (setSaved), and re-renders itself when the page language changes.
 */
export class ResultView {
  constructor(root, { onMoodsChosen, onOtherSongs, onPreview, onStopPreview, onSave, onShare }) {
    this.root = root;
    this.onMoodsChosen = onMoodsChosen;
    this.onOtherSongs = onOtherSongs;
    this.onPreview = onPreview;
    this.onStopPreview = onStopPreview;
    this.onSave = onSave;
    this.onShare = onShare;
    this.isSaved = () => false;
    this.savedNote = '';
    this.playback = { id: null, state: 'idle', currentTime: 0, duration: 0 };
    this.analysis = null;
    this.photoUrl = null;
    this.moods = new Set();
    this.sadnessChoice = null;
    this.tracks = null;
    this.restarted = false;
    this.busy = false;
    this.trackError = null;
  }

  get id() {
    return this.analysis && this.analysis.id;
  }

  /** Show a finished ("done") analysis. photoUrl is the local object URL of the uploaded photo, if we have it. */
  show(analysis, photoUrl = null) {
    this.analysis = analysis;
    this.photoUrl = photoUrl;
    this.tracks = analysis.tracks || null;
    this.moods = new Set((this.tracks && this.tracks.moods) || []);
    this.sadnessChoice = (this.tracks && this.tracks.sadnessChoice) || null;
    this.restarted = false;
    this.trackError = null;
    this.busy = false;
    this.render();
  }

  /** Track request news: { busy: true } when one is sent, then { tracks, restarted } or { error: code }. */
  setTracks({ busy = false, tracks = this.tracks, restarted = this.restarted, error = null }) {
    Object.assign(this, { busy, tracks, restarted, trackError: error });
    this.updateTracks(!busy);
  }

  /** The player's state ({ id, state, currentTime, duration }), drawn on the rows in place. */
  setPlayback(playback) {
    this.playback = playback;
    if (this.trackListEl && this.analysis) showPlayback(this.trackListEl, playback);
  }

  /** isSaved(id) tells which tracks carry a filled ♥; note is the saved songs' news (an error), or ''. */
  setSaved(isSaved, note = '') {
    this.isSaved = isSaved;
    this.savedNote = note;
    if (this.trackListEl && this.analysis) {
      showSaved(this.trackListEl, isSaved);
      this.savedNoteEl.textContent = note;
    }
  }

  clear() {
    if (this.playback.id) this.onStopPreview();
    this.analysis = null;
    this.photoUrl = null;
    this.root.replaceChildren();
    delete this.root.dataset.analysisId;
    delete this.root.dataset.emotion;
  }

  get asksForMoods() {
    return asksForMoods(this.analysis);
  }

  /** What is picked now, as a track request. */
  choice() {
    const sad = this.analysis.result && this.analysis.result.emotion === 'sad';
    return { moods: MOODS.filter((m) => this.moods.has(m)), sadnessChoice: sad ? this.sadnessChoice : null };
  }

  heading() {
    return this.root.querySelector('#result-heading');
  }

  sharePanel() {
    return this.root.querySelector('#share-panel');
  }

  render() {
    const a = this.analysis;
    if (!a) return;
    const r = a.result || {};
    const faces = Array.isArray(r.faces) ? r.faces : [];
    const primary = faces[0];
    this.root.dataset.analysisId = a.id;
    this.root.dataset.emotion = r.emotion || '';
    const message = a.message ? a.message[lang()] || a.message.en || a.message.ko : null;

    const parts = [
      h('h2', { id: 'result-heading', tabindex: '-1' }, t('result.heading')),
      this.photoUrl ? this.renderPhoto(faces) : null,
      h(
        'p',
        { id: 'emotion-label', class: 'emotion-label', dataset: { testid: 'emotion-label', emotion: r.emotion || '' } },
        h('span', { class: 'emoji', 'aria-hidden': 'true' }, EMOJI[r.emotion] || '🎵'),
        ' ',
        h('strong', null, emotionName(r.emotion)),
        ' ',
        h('span', { class: 'confidence' }, t('result.confidence', { percent: percent(r.confidence) })),
      ),
      message && h('p', { id: 'emotion-message', class: 'emotion-message', dataset: { testid: 'emotion-message' } }, message),
      a.createdAt && h('p', { class: 'meta' }, t('result.analyzedAt', { time: formatTime(a.createdAt) })),
      primary ? this.renderBars(primary, r.emotion) : null,
      r.emotion === 'sad' ? this.renderSadChoice() : null,
      this.asksForMoods ? this.renderMoods() : null,
      this.renderTracksSection(),
      h(
        'button',
        { type: 'button', class: 'secondary big', id: 'share-open', dataset: { testid: 'share-open' }, 'aria-controls': 'share-panel', onclick: () => this.onShare() },
        h('span', { 'aria-hidden': 'true' }, '📤 '),
        t('shareCard.open'),
      ),
      h('section', { id: 'share-panel', class: 'share-panel', dataset: { testid: 'share-panel' }, 'aria-label': t('shareCard.heading'), hidden: true }),
      h(
        'a',
        { class: 'button secondary big', id: 'new-photo', href: '#', dataset: { testid: 'new-photo' } },
        h('span', { 'aria-hidden': 'true' }, '📷 '),
        t('nav.home'),
      ),
    ];
    this.root.replaceChildren(...parts.filter(Boolean));
    this.updateTracks(false);
  }

  renderPhoto(faces) {
    const frame = h(
      'div',
      { class: 'photo-frame' },
      h('img', { id: 'result-photo', src: this.photoUrl, alt: t('result.photoAlt'), dataset: { testid: 'result-photo' } }),
    );
    faces.forEach((f, i) => {
      const box = h('div', {
        class: i === 0 ? 'face-box face-primary' : 'face-box',
        'aria-hidden': 'true',
        dataset: { testid: i === 0 ? 'face-box' : 'face-box-other' },
      });
      const x = clamp01(f.x);
      const y = clamp01(f.y);
      box.style.left = `${x * 100}%`;
      box.style.top = `${y * 100}%`;
      box.style.width = `${Math.min(clamp01(f.width), 1 - x) * 100}%`;
      box.style.height = `${Math.min(clamp01(f.height), 1 - y) * 100}%`;
      frame.append(box);
    });
    return h('figure', { class: 'photo' }, frame, faces.length ? h('figcaption', null, t('result.photoCaption')) : null);
  }

  renderBars(face, top) {
    return h(
      'section',
      { class: 'bars', 'aria-labelledby': 'bars-heading' },
      h('h3', { id: 'bars-heading' }, t('result.barsHeading')),
      h(
        'ul',
        { id: 'emotion-bars', class: 'emotion-bars', dataset: { testid: 'emotion-bars' } },
        sortedEmotions(face).map(([emotion, value]) => {
          const fill = h('span', { class: 'bar-fill' });
          fill.style.width = `${value * 100}%`;
          return h(
            'li',
            {
              class: emotion === top ? 'bar top' : 'bar',
              dataset: { testid: 'emotion-bar', emotion, value: value.toFixed(4) },
            },
            h('span', { class: 'bar-label' }, h('span', { 'aria-hidden': 'true' }, EMOJI[emotion], ' '), emotionName(emotion)),
            h('span', { class: 'bar-track', 'aria-hidden': 'true' }, fill),
            h('span', { class: 'bar-value' }, percent(value)),
          );
        }),
      ),
    );
  }

  renderSadChoice() {
    const choice = (value, testid, key) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          id: testid,
          dataset: { testid, choice: value },
          'aria-pressed': String(this.sadnessChoice === value),
          onclick: () => {
            if (this.busy) return;
            this.sadnessChoice = value;
            for (const b of this.root.querySelectorAll('[data-choice]')) {
              b.setAttribute('aria-pressed', String(b.dataset.choice === value));
            }
            this.onMoodsChosen(this.choice());
          },
        },
        key === 'sad.match' ? '🌧️ ' : '☀️ ',
        t(key),
      );
    return h(
      'section',
      { class: 'choice', id: 'sad-choice', dataset: { testid: 'sad-choice' }, 'aria-labelledby': 'sad-heading' },
      h('h3', { id: 'sad-heading' }, t('sad.heading')),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'sad-heading' }, choice('match', 'sad-match', 'sad.match'), choice('cheer-up', 'sad-cheer-up', 'sad.cheer-up')),
    );
  }

  renderMoods() {
    const getTracks = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'get-tracks',
        dataset: { testid: 'get-tracks' },
        disabled: this.moods.size === 0,
        onclick: () => {
          if (!this.busy && this.moods.size) this.onMoodsChosen(this.choice());
        },
      },
      t('moods.get'),
    );
    const chips = MOODS.map((mood) =>
      h(
        'button',
        {
          type: 'button',
          class: 'chip',
          id: `mood-chip-${mood}`,
          dataset: { testid: `mood-chip-${mood}`, mood },
          'aria-pressed': String(this.moods.has(mood)),
          onclick: (e) => {
            if (this.moods.has(mood)) this.moods.delete(mood);
            else this.moods.add(mood);
            e.currentTarget.setAttribute('aria-pressed', String(this.moods.has(mood)));
            getTracks.disabled = this.moods.size === 0;
          },
        },
        t(`mood.${mood}`),
      ),
    );
    return h(
      'section',
      { class: 'choice', id: 'mood-picker', dataset: { testid: 'mood-picker' }, 'aria-labelledby': 'moods-heading' },
      h('h3', { id: 'moods-heading' }, t('moods.heading')),
      h('p', { class: 'hint', id: 'moods-hint' }, t('moods.hint')),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'moods-heading', 'aria-describedby': 'moods-hint' }, chips),
      getTracks,
    );
  }

  renderTracksSection() {
    this.trackStatusEl = h('p', { id: 'tracks-status', class: 'tracks-status', role: 'status' });
    this.savedNoteEl = h('p', { class: 'tracks-status error', role: 'status', dataset: { testid: 'track-save-status' } }, this.savedNote);
    this.previewNoteEl = h('p', { class: 'tracks-status', dataset: { testid: 'previews-unavailable' } });
    this.attributionEl = h('p', { class: 'attribution', dataset: { testid: 'preview-attribution' } });
    this.trackListEl = h('ul', {
      id: 'track-list',
      class: 'track-list',
      dataset: { testid: 'track-list' },
      'aria-labelledby': 'tracks-heading',
    });
    this.otherBtn = h(
      'button',
      {
        type: 'button',
        id: 'other-songs',
        class: 'secondary',
        dataset: { testid: 'other-songs' },
        onclick: () => {
          if (!this.busy) this.onOtherSongs();
        },
      },
      h('span', { 'aria-hidden': 'true' }, '🔀 '),
      t('tracks.other'),
    );
    const section = h(
      'section',
      { class: 'tracks', 'aria-labelledby': 'tracks-heading' },
      h('h3', { id: 'tracks-heading', tabindex: '-1' }, t('result.tracksHeading')),
      this.trackStatusEl,
      this.previewNoteEl,
      this.trackListEl,
      this.savedNoteEl,
      this.attributionEl,
      this.otherBtn,
    );
    this.updateTracks(true);
    return section;
  }

  /** Bring the tracks part up to date in place (focus stays where it is). */
  updateTracks(rebuildList) {
    const current = (this.tracks && Array.isArray(this.tracks.current) && this.tracks.current) || [];
    let note = '';
    if (this.busy) note = t('tracks.loading');
    else if (this.trackError) note = t('tracks.error');
    else if (this.restarted) note = t('tracks.restarted');
    else if (!current.length) note = t('result.noTracksYet');
    const status = this.trackStatusEl;
    status.textContent = note;
    status.classList.toggle('error', !!this.trackError && !this.busy);
    status.dataset.testid = this.trackError && !this.busy ? 'tracks-error' : 'tracks-status';
    if (this.trackError && !this.busy) status.dataset.failureCode = this.trackError;
    else delete status.dataset.failureCode;
    if (this.restarted && !this.busy) status.dataset.restarted = 'true';
    else delete status.dataset.restarted;

    if (rebuildList) {
      this.trackListEl.replaceChildren(...current.map((track) => trackRow(track, { onPreview: (id, src) => this.onPreview(id, src), onSave: (tr) => this.onSave(tr) })));
      showSaved(this.trackListEl, this.isSaved);
      this.previewNoteEl.textContent = unavailableNote(current);
      this.previewNoteEl.hidden = !this.previewNoteEl.textContent;
      this.attributionEl.replaceChildren(...attribution(current));
      this.attributionEl.hidden = !this.attributionEl.childNodes.length;
      // A new list without the song that is playing: that preview ends with it.
      if (this.playback.id && !current.some((track) => track.id === this.playback.id)) this.onStopPreview();
    }
    showPlayback(this.trackListEl, this.playback);
    this.trackListEl.setAttribute('aria-busy', String(this.busy));
    this.otherBtn.hidden = current.length === 0;
    // aria-disabled rather than disabled while loading, so keyboard focus is not thrown away.
    for (const b of [this.otherBtn, ...this.root.querySelectorAll('[data-choice]')]) b.setAttribute('aria-disabled', String(this.busy));
    const get = this.root.querySelector('#get-tracks');
    if (get) {
      get.disabled = this.moods.size === 0;
      get.setAttribute('aria-disabled', String(this.busy));
    }
  }
}

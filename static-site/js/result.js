// The result view: the answer first (a small photo with the face box beside the emotion and its message,
// then the songs), or one question before any song; the seven bars folded away; "other songs", "play all".

import { focusPanel, h } from './dom.js';
import { EMOJI, EMOTIONS, emotionName, feelingOf, isUnsure } from './emotions.js';
import { moods as MOODS, sadnessChoices } from './facts.js';
import { percent, t, formatTime } from './i18n.js';
import { attribution, previewNote, previewSrc, showPlayback, showSaved, trackRow } from './track-row.js';

const clamp01 = (v) => Math.min(1, Math.max(0, Number(v) || 0));

/** The seven emotions of a face, highest first (missing ones read 0). */
export function sortedEmotions(face) {
  const scores = (face && face.emotions) || {};
  return EMOTIONS.map((e) => [e, clamp01(scores[e])]).sort((a, b) => b[1] - a[1]);
}

/**
 * The one question the result asks before songs, or null: 'feel' (an unsure reading: how do you feel?),
 * 'sad' (match my mood or cheer me up), 'moods' (a neutral face: what are you in the mood for?). Moods
 * picked answer any of them.
 */
export function openQuestion(analysis, tracks = analysis && analysis.tracks) {
  if (tracks && Array.isArray(tracks.moods) && tracks.moods.length) return null;
  const answer = tracks && tracks.answer;
  const r = (analysis && analysis.result) || {};
  if (!answer && isUnsure(analysis)) return 'feel';
  // Whether a reading asks for moods is the server's call (asksForMoods); an answer asks as a sure reading of it would.
  if (answer ? answer === 'neutral' : r.asksForMoods) return 'moods';
  if (feelingOf(analysis, tracks) === 'sad') return tracks && tracks.sadnessChoice ? null : 'sad';
  return null;
}

/** The two likeliest emotions of the primary face: the one-tap answers to "how do you feel?". */
function topGuesses(analysis) {
  const faces = (analysis.result && analysis.result.faces) || [];
  return sortedEmotions(faces[0]).slice(0, 2).map(([emotion]) => emotion);
}

const moodLabel = (moods) => moods.map((m) => t(`mood.${m}`)).join(', ');

/**
 * One analysis shown in the result section, with the tracks it is given (setTracks). One thing at a time:
 * the answer first (emotion, songs), or, when the result needs one, a single question and no songs until it
 * is answered. Raises onMoodsChosen({ moods, sadnessChoice, answer }), onOtherSongs(), onPreview(trackId, src)
 * (play or pause that preview), onPlayAll(tracks), onStopPreview() (its track is gone), onSave(track) (the ♥)
 * and onShare() (the share card), draws the player's state it is given (setPlayback) and the saved songs
 * (setSaved), and re-renders itself when the page language changes.
 */
export class ResultView {
  constructor(root, { onMoodsChosen, onOtherSongs, onPreview, onPlayAll, onStopPreview, onSave, onShare }) {
    this.root = root;
    this.onMoodsChosen = onMoodsChosen;
    this.onOtherSongs = onOtherSongs;
    this.onPreview = onPreview;
    this.onPlayAll = onPlayAll;
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
    // "Pick moods instead" after the songs: the mood question opened again by the person.
    this.asking = null;
  }

  get id() {
    return this.analysis && this.analysis.id;
  }

  /** The question on screen now, or null when the songs are. */
  get question() {
    return this.asking || (this.analysis ? openQuestion(this.analysis, this.tracks) : null);
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
    this.asking = null;
    this.render();
  }

  /** Track request news: { busy: true } when one is sent, then { tracks, restarted } or { error: code }. */
  setTracks({ busy = false, tracks = this.tracks, restarted = this.restarted, error = null }) {
    const before = this.question;
    if (tracks !== this.tracks && !busy) this.asking = null;
    Object.assign(this, { busy, tracks, restarted, trackError: error });
    const after = this.question;
    if (before !== after) {
      // A question answered (or the next one asked): draw the result again and lead the eye to what is new.
      this.render();
      focusPanel(after ? this.root.querySelector('.choice h3') : this.root.querySelector('#tracks-heading'));
    } else this.updateTracks(!busy);
  }

  /** The player's state ({ id, state, currentTime, duration, queue }), drawn on the rows in place. */
  setPlayback(playback) {
    this.playback = playback;
    if (this.trackListEl && this.analysis) {
      showPlayback(this.trackListEl, playback);
      this.updatePlayAll();
    }
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
    delete this.root.dataset.question;
  }

  /** What is picked now, as a track request: the answer given stays with every later request. */
  choice(answer = (this.tracks && this.tracks.answer) || null) {
    const sad = (answer || feelingOf(this.analysis, this.tracks)) === 'sad';
    return { moods: MOODS.filter((m) => this.moods.has(m)), sadnessChoice: sad ? this.sadnessChoice : null, answer };
  }

  heading() {
    return this.root.querySelector('#result-heading');
  }

  sharePanel() {
    return this.root.querySelector('#share-panel');
  }

  /** The moods the current list was picked for (the share card names them). */
  get pickedMoods() {
    return (this.tracks && Array.isArray(this.tracks.moods) && this.tracks.moods) || [];
  }

  /** How the person feels as far as we know (see feelingOf). */
  get feeling() {
    return this.analysis ? feelingOf(this.analysis, this.tracks) : null;
  }

  render() {
    const a = this.analysis;
    if (!a) return;
    const r = a.result || {};
    const faces = Array.isArray(r.faces) ? r.faces : [];
    const question = this.question;
    const feeling = this.feeling;
    this.root.dataset.analysisId = a.id;
    this.root.dataset.emotion = r.emotion || '';
    this.root.dataset.question = question || '';

    const reading = h(
      'div',
      { class: 'result-reading' },
      h(
        'div',
        { class: 'reading-head' },
        this.photoUrl ? this.renderPhoto(faces) : null,
        h('div', { class: 'reading-text' }, this.renderHeadline(r, feeling), this.renderMessage(feeling, question)),
      ),
      question === 'feel' ? this.renderFeelChoice() : null,
      question === 'sad' ? this.renderSadChoice() : null,
      question === 'moods' ? this.renderMoods({ testid: 'mood-picker' }) : null,
      faces[0] ? this.renderBars(faces[0], r.emotion, a.createdAt) : null,
    );
    const music = h(
      'div',
      { class: 'result-music' },
      this.renderTracksSection(question),
      h(
        'div',
        { class: 'result-actions' },
        h(
          'button',
          { type: 'button', class: 'secondary', id: 'share-open', dataset: { testid: 'share-open' }, 'aria-controls': 'share-panel', onclick: () => this.onShare() },
          h('span', { 'aria-hidden': 'true' }, '📤 '),
          t('shareCard.open'),
        ),
        h(
          'a',
          { class: 'button secondary', id: 'new-photo', href: '#', dataset: { testid: 'new-photo' } },
          h('span', { 'aria-hidden': 'true' }, '📷 '),
          t('nav.home'),
        ),
      ),
      h('section', { id: 'share-panel', class: 'share-panel', dataset: { testid: 'share-panel' }, 'aria-label': t('shareCard.heading'), hidden: true }),
    );
    this.root.replaceChildren(h('div', { class: 'result-grid' }, reading, music));
    this.updateTracks(false);
  }

  /** The answer as the headline: the feeling and how sure the reading was, or, while unsure, the question itself. */
  renderHeadline(r, feeling) {
    const answered = !!(this.tracks && this.tracks.answer);
    return h(
      'h2',
      {
        id: 'result-heading',
        class: 'emotion-label',
        tabindex: '-1',
        dataset: { testid: 'emotion-label', emotion: r.emotion || '', feeling: feeling || '', unsure: String(isUnsure(this.analysis)) },
      },
      feeling
        ? [
            h('span', { class: 'emoji', 'aria-hidden': 'true' }, EMOJI[feeling] || '🎵'),
            ' ',
            h('span', { class: 'emotion-name' }, emotionName(feeling)),
            ' ',
            h('span', { class: 'confidence', dataset: { testid: 'emotion-confidence' } }, answered ? t('result.yourAnswer') : t('result.confidence', { percent: percent(r.confidence) })),
          ]
        : [h('span', { class: 'emoji', 'aria-hidden': 'true' }, '🤔'), ' ', h('span', { class: 'emotion-name' }, t('result.unsureHeading'))],
    );
  }

  renderMessage(feeling, question) {
    // The open question speaks for itself; a line under it would be a second thing to read.
    if (!feeling || question === 'feel') return null;
    return h('p', { id: 'emotion-message', class: 'emotion-message', dataset: { testid: 'emotion-message' } }, t(`message.${feeling}`));
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
    return h('figure', { class: 'photo' }, frame, faces.length ? h('figcaption', { class: 'sr-only' }, t('result.photoCaption')) : null);
  }

  /** The seven scores, folded: the answer is the headline, the detail is one tap away. */
  renderBars(face, top, createdAt) {
    return h(
      'details',
      { class: 'bars', dataset: { testid: 'emotion-details' } },
      h('summary', { id: 'bars-heading' }, t('result.barsHeading')),
      h(
        'ul',
        { id: 'emotion-bars', class: 'emotion-bars', dataset: { testid: 'emotion-bars' }, 'aria-labelledby': 'bars-heading' },
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
      createdAt && h('p', { class: 'meta' }, t('result.analyzedAt', { time: formatTime(createdAt) })),
    );
  }

  /** A choice button that is one tap: it sends the request itself (aria-disabled while one is in flight). */
  choiceButton({ testid, label, emoji, pressed = false, dataset = {}, onpick }) {
    return h(
      'button',
      {
        type: 'button',
        class: 'chip',
        dataset: { testid, choice: testid, ...dataset },
        'aria-pressed': String(pressed),
        onclick: () => {
          if (!this.busy) onpick();
        },
      },
      h('span', { 'aria-hidden': 'true' }, `${emoji} `),
      label,
    );
  }

  /** An unsure reading: its two likeliest emotions as one-tap answers, or moods instead. */
  renderFeelChoice() {
    const answers = topGuesses(this.analysis).map((emotion) =>
      this.choiceButton({
        testid: 'feel-answer',
        label: emotionName(emotion),
        emoji: EMOJI[emotion],
        dataset: { emotion },
        onpick: () => this.onMoodsChosen({ moods: [], sadnessChoice: null, answer: emotion }),
      }),
    );
    return h(
      'section',
      { class: 'choice', id: 'feel-choice', dataset: { testid: 'feel-choice' }, 'aria-labelledby': 'feel-heading' },
      h('h3', { id: 'feel-heading', tabindex: '-1' }, t('feel.heading')),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'feel-heading' }, answers),
      this.renderMoods({ testid: 'feel-moods', nested: true }),
    );
  }

  renderSadChoice() {
    const choice = (value, testid, key, emoji) =>
      this.choiceButton({
        testid,
        label: t(key),
        emoji,
        pressed: this.sadnessChoice === value,
        dataset: { sadness: value },
        onpick: () => {
          this.sadnessChoice = value;
          this.onMoodsChosen(this.choice());
        },
      });
    return h(
      'section',
      { class: 'choice', id: 'sad-choice', dataset: { testid: 'sad-choice' }, 'aria-labelledby': 'sad-heading' },
      h('h3', { id: 'sad-heading', tabindex: '-1' }, t('sad.heading')),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'sad-heading' }, choice(sadnessChoices.match, 'sad-match', 'sad.match', '🌧️'), choice(sadnessChoices.cheerUp, 'sad-cheer-up', 'sad.cheer-up', '☀️')),
    );
  }

  /** The mood chips and "Get tracks" (shown once a mood is picked): the neutral question, or part of "how do you feel?". */
  renderMoods({ testid, nested = false }) {
    const getTracks = h(
      'button',
      {
        type: 'button',
        class: 'primary',
        id: 'get-tracks',
        dataset: { testid: 'get-tracks' },
        hidden: this.moods.size === 0,
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
            getTracks.hidden = this.moods.size === 0;
          },
        },
        t(`mood.${mood}`),
      ),
    );
    const heading = h(nested ? 'p' : 'h3', { id: 'moods-heading', class: nested ? 'choice-or' : null, tabindex: nested ? null : '-1' }, t(nested ? 'feel.orMoods' : 'moods.heading'));
    return h(
      nested ? 'div' : 'section',
      { class: nested ? 'moods' : 'choice', id: 'mood-picker', dataset: { testid }, 'aria-labelledby': nested ? null : 'moods-heading' },
      heading,
      h('p', { class: 'hint', id: 'moods-hint' }, t('moods.hint')),
      h('div', { class: 'chips', role: 'group', 'aria-labelledby': 'moods-heading', 'aria-describedby': 'moods-hint' }, chips),
      getTracks,
      // Reopened over songs ("Pick moods instead"): a way back to them without asking for new ones.
      this.asking &&
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            id: 'keep-songs',
            dataset: { testid: 'keep-songs' },
            onclick: () => {
              this.asking = null;
              this.render();
              focusPanel(this.root.querySelector('#tracks-heading'));
            },
          },
          t('moods.keep'),
        ),
    );
  }

  renderTracksSection(question) {
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
    this.playAllBtn = h(
      'button',
      {
        type: 'button',
        id: 'play-all',
        class: 'secondary small',
        dataset: { testid: 'play-all' },
        onclick: () => this.onPlayAll(this.playable()),
      },
      h('span', { 'aria-hidden': 'true' }, '▶ '),
      t('player.playAll'),
    );
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
    const changeMoods = h(
      'button',
      {
        type: 'button',
        id: 'change-moods',
        class: 'link-button',
        dataset: { testid: 'change-moods' },
        onclick: () => {
          this.asking = 'moods';
          this.render();
          focusPanel(this.root.querySelector('#moods-heading'));
        },
      },
      t('moods.change'),
    );
    const section = h(
      'section',
      { class: 'tracks', id: 'tracks', dataset: { testid: 'tracks' }, 'aria-labelledby': 'tracks-heading', hidden: !!question },
      h('div', { class: 'tracks-head' }, h('h3', { id: 'tracks-heading', tabindex: '-1' }, this.tracksHeading()), this.playAllBtn),
      this.trackStatusEl,
      this.previewNoteEl,
      this.trackListEl,
      this.savedNoteEl,
      this.attributionEl,
      h('div', { class: 'actions' }, this.otherBtn, changeMoods),
    );
    this.updateTracks(true);
    return section;
  }

  tracksHeading() {
    const moods = this.pickedMoods;
    return moods.length ? t('result.tracksForMoods', { moods: moodLabel(moods) }) : t('result.tracksHeading');
  }

  /** The listed tracks that have a preview, in list order: what "Play all" plays. */
  playable() {
    const current = (this.tracks && Array.isArray(this.tracks.current) && this.tracks.current) || [];
    return current.map((track) => ({ id: track.id, src: previewSrc(track) })).filter((x) => x.src);
  }

  updatePlayAll() {
    const playing = !!this.playback.queue && this.playback.state !== 'idle';
    this.playAllBtn.hidden = this.playable().length < 2;
    this.playAllBtn.setAttribute('aria-pressed', String(playing));
  }

  /** Bring the tracks part up to date in place (focus stays where it is). No rows while a question is open. */
  updateTracks(rebuildList) {
    const asked = !!this.question;
    const current = (!asked && this.tracks && Array.isArray(this.tracks.current) && this.tracks.current) || [];
    let note = '';
    if (this.busy) note = t('tracks.loading');
    else if (this.trackError) note = t('tracks.error');
    else if (this.restarted) note = t('tracks.restarted');
    else if (!current.length && !asked) note = t('result.noTracksYet');
    const status = this.trackStatusEl;
    status.textContent = note;
    status.classList.toggle('error', !!this.trackError && !this.busy);
    status.dataset.testid = this.trackError && !this.busy ? 'tracks-error' : 'tracks-status';
    if (this.trackError && !this.busy) status.dataset.failureCode = this.trackError;
    else delete status.dataset.failureCode;
    if (this.restarted && !this.busy) status.dataset.restarted = 'true';
    else delete status.dataset.restarted;
    // A question's answer in flight (or its failure) is said where the person looks: under the question.
    const questionStatus = this.root.querySelector('.choice [data-role=question-status]');
    if (questionStatus) questionStatus.textContent = note;
    else if (asked && note) {
      const choice = this.root.querySelector('.choice');
      if (choice) choice.append(h('p', { class: 'tracks-status', role: 'status', dataset: { role: 'question-status' } }, note));
    }

    if (rebuildList) {
      this.trackListEl.replaceChildren(...current.map((track) => trackRow(track, { onPreview: (id, src) => this.onPreview(id, src), onSave: (tr) => this.onSave(tr) })));
      showSaved(this.trackListEl, this.isSaved);
      this.previewNoteEl.textContent = previewNote(current);
      this.previewNoteEl.hidden = !this.previewNoteEl.textContent;
      this.attributionEl.replaceChildren(...attribution(current));
      this.attributionEl.hidden = !this.attributionEl.childNodes.length;
      // A new list without the song that is playing: that preview ends with it.
      if (this.playback.id && !current.some((track) => track.id === this.playback.id)) this.onStopPreview();
    }
    showPlayback(this.trackListEl, this.playback);
    this.updatePlayAll();
    this.trackListEl.setAttribute('aria-busy', String(this.busy));
    this.otherBtn.hidden = current.length === 0;
    // aria-disabled rather than disabled while loading, so keyboard focus is not thrown away.
    for (const b of [this.otherBtn, ...this.root.querySelectorAll('[data-choice]')]) b.setAttribute('aria-disabled', String(this.busy));
    const get = this.root.querySelector('#get-tracks');
    if (get) get.setAttribute('aria-disabled', String(this.busy));
  }
}

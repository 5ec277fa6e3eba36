// One track in the result's list: cover, title, artist, why it was picked, the preview button and its
// progress, the ♥ (save) button, and "open in" links. Rows raise onPreview(id, src) and onSave(track);
// showPlayback and showSaved draw the player's state and the saved songs on them.

import { h, srOnly } from './dom.js';
import { has, lang, t } from './i18n.js';

const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;
/** Providers whose previews and covers we show, and where their attribution links to (their terms ask for it). */
const PROVIDERS = { deezer: { name: 'Deezer', home: 'https://www.deezer.com' } };
const ACTIVE = new Set(['loading', 'playing', 'paused']);
// The track each row shows, for the labels showPlayback rewrites.
const rowTracks = new WeakMap();

/** Only web and Spotify-app links are followed. */
export function safeUrl(url) {
  if (typeof url !== 'string' || !url) return null;
  try {
    const u = new URL(url, location.href);
    return ['https:', 'http:', 'spotify:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

/** The preview's address when the track has one we may play (a same-origin path or https). */
export function previewSrc(track) {
  const media = track && track.media;
  const src = media && typeof media.previewUrl === 'string' ? safeUrl(media.previewUrl) : null;
  return src && !src.startsWith('spotify:') ? src : null;
}

export const hasMedia = (track) => !!(track && track.media && typeof track.media === 'object');

const languageOf = (track) => (track.language === 'ko' || track.language === 'en' ? track.language : null);

/**
 * The why line, worded by the page from the song's facets (energy, valence, what it is for) in the page language;
 * a track stored before facets existed falls back to the server's line.
 */
function whyOf(track) {
  const r = track.reason;
  if (r && has(`why.energy.${r.energy}`) && has(`why.valence.${r.valence}`)) {
    const words = { energy: t(`why.energy.${r.energy}`), valence: t(`why.valence.${r.valence}`) };
    const purpose = r.label && has(`why.for.${r.label}`) ? t(`why.for.${r.label}`) : null;
    const line = purpose ? t('why.line', { ...words, purpose }) : t('why.lineSound', words);
    return { text: line.charAt(0).toUpperCase() + line.slice(1), lang: lang() };
  }
  const why = track.why || {};
  for (const l of [lang(), 'en', 'ko']) if (typeof why[l] === 'string' && why[l]) return { text: why[l], lang: l };
  return null;
}

/** Up to two letters for a song's tile: the artist's initials (a Korean name's first syllable). */
export function initials(artist) {
  const words = String(artist || '').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '♪';
  const first = [...words[0]];
  return words.length > 1 ? (first[0] + [...words[1]][0]).toUpperCase() : first.slice(0, /[\u3131-\uD79D]/.test(first[0]) ? 1 : 2).join('').toUpperCase();
}

/** A colour of its own for each song, from its id (the same song always looks the same); white text reads on it. */
export function tileColor(id) {
  let hash = 0;
  for (const ch of String(id || '')) hash = (Math.imul(hash, 31) + ch.codePointAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360} 55% 38%)`;
}

/** A generated cover: the artist's initials on the song's colour (when the provider has no cover). */
export function coverTile(track, testid = 'track-cover') {
  const tile = h('span', { class: 'track-cover tile', dataset: { testid, tile: 'generated' }, 'aria-hidden': 'true' }, initials(track.artist));
  tile.style.background = tileColor(track.id);
  return tile;
}

function cover(track) {
  const media = hasMedia(track) ? track.media : {};
  const src = [media.coverMedium, media.coverSmall].map((u) => (typeof u === 'string' ? safeUrl(u) : null)).find((u) => u && u.startsWith('https:'));
  if (!src) return coverTile(track);
  return h('img', {
    class: 'track-cover',
    dataset: { testid: 'track-cover' },
    src,
    alt: t('tracks.coverAlt', { title: track.title || '', artist: track.artist || '' }),
    loading: 'lazy',
    decoding: 'async',
    width: '64',
    height: '64',
  });
}

function openLink(provider, name, href, title) {
  const url = safeUrl(href);
  return (
    url &&
    h(
      'a',
      { class: 'track-link', dataset: { testid: 'track-link', provider }, href: url, target: '_blank', rel: 'noopener noreferrer' },
      name,
      h('span', { 'aria-hidden': 'true' }, '↗'),
      srOnly(` ${title} ${t('tracks.newTab')}`),
    )
  );
}

export function links(track) {
  const l = track.links || {};
  const media = hasMedia(track) ? track.media : {};
  const title = track.title || '';
  const found = [
    openLink(media.provider, (PROVIDERS[media.provider] || {}).name || media.provider, media.pageUrl, title),
    // Results stored before links existed have only url (a Spotify search).
    openLink('spotify', 'Spotify', l.spotify || track.url, title),
    openLink('youtube-music', 'YouTube Music', l.youTubeMusic, title),
  ].filter(Boolean);
  return found.length ? h('p', { class: 'track-links', dataset: { testid: 'track-links' } }, h('span', { class: 'track-links-label' }, t('tracks.openIn')), ' ', found) : null;
}

/** Render one track as a list item. */
export function trackRow(track, { onPreview, onSave }) {
  const language = languageOf(track);
  const why = whyOf(track);
  const src = previewSrc(track);
  const spotifyId = !src && SPOTIFY_ID.test(track.spotifyTrackId || '') ? track.spotifyTrackId : null;
  const play =
    src &&
    h(
      'button',
      { type: 'button', class: 'track-play', dataset: { testid: 'track-play', state: 'idle' }, onclick: () => onPreview(track.id, src) },
      h('span', { class: 'play-icon', 'aria-hidden': 'true' }),
    );
  const row = h(
    'li',
    { class: 'track', dataset: { testid: 'track', trackId: track.id ?? '', preview: src ? 'yes' : 'no' } },
    h(
      'div',
      { class: 'track-main' },
      cover(track),
      h(
        'div',
        { class: 'track-body' },
        h(
          'p',
          { class: 'track-head' },
          h('span', { class: 'track-text' }, h('span', { class: 'track-title', lang: language }, track.title || ''), ' ', h('span', { class: 'track-artist', lang: language }, t('tracks.by', { artist: track.artist || '' }))),
          language &&
            h(
              'span',
              { class: `badge badge-${language}`, dataset: { testid: 'track-language', language } },
              h('span', { 'aria-hidden': 'true' }, language.toUpperCase()),
              srOnly(t(`lang.${language}`)),
            ),
        ),
        why && h('p', { class: 'track-why', dataset: { testid: 'track-why' }, lang: why.lang === lang() ? null : why.lang }, why.text),
        // Said once above the list; each row only tells a screen reader.
        !src && h('span', { class: 'sr-only', dataset: { testid: 'track-no-preview' } }, t('player.noPreview')),
        src && h('p', { class: 'track-note error', dataset: { testid: 'track-play-error' }, role: 'status', hidden: true }),
      ),
      play,
      h(
        'button',
        {
          type: 'button',
          class: 'track-save',
          dataset: { testid: 'track-save' },
          'aria-pressed': 'false',
          'aria-label': t('saved.save', { title: track.title || '', artist: track.artist || '' }),
          onclick: () => onSave(track),
        },
        h('span', { 'aria-hidden': 'true' }, '♡'),
      ),
    ),
    src && h('progress', { class: 'track-progress', dataset: { testid: 'track-progress' }, max: '1', value: '0', hidden: true, 'aria-label': t('player.progress', { title: track.title || '' }) }),
    spotifyId &&
      h('iframe', {
        class: 'track-embed',
        dataset: { testid: 'track-embed' },
        src: `https://open.spotify.com/embed/track/${spotifyId}`,
        title: t('tracks.embedTitle', { title: track.title || '', artist: track.artist || '' }),
        loading: 'lazy',
        width: '100%',
        height: '80',
        allow: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
      }),
    links(track),
  );
  rowTracks.set(row, track);
  if (play) setButton(row, play, 'idle');
  return row;
}

function setButton(row, button, state) {
  const track = rowTracks.get(row) || {};
  const on = state === 'playing' || state === 'loading';
  button.dataset.state = state;
  button.setAttribute('aria-pressed', String(on));
  button.setAttribute('aria-label', t(on ? 'player.pause' : 'player.play', { title: track.title || '', artist: track.artist || '' }));
}

/** Draw a player state ({ id, state, currentTime, duration }) on the rows of list: only its track is not idle. */
export function showPlayback(list, playback) {
  for (const row of list.children) {
    const button = row.querySelector('[data-testid=track-play]');
    if (!button) continue;
    const state = row.dataset.trackId === playback.id ? playback.state : 'idle';
    row.classList.toggle('now-playing', ACTIVE.has(state));
    if (button.dataset.state !== state || !button.hasAttribute('aria-label')) setButton(row, button, state);
    const progress = row.querySelector('[data-testid=track-progress]');
    progress.hidden = !ACTIVE.has(state);
    progress.value = ACTIVE.has(state) && playback.duration > 0 ? Math.min(1, playback.currentTime / playback.duration) : 0;
    const error = row.querySelector('[data-testid=track-play-error]');
    error.hidden = state !== 'error';
    error.textContent = state === 'error' ? t('player.error') : '';
  }
}

/** Draw which rows of list are saved (isSaved(id)): a filled ♥ and aria-pressed. */
export function showSaved(list, isSaved) {
  for (const button of list.querySelectorAll('[data-testid=track-save]')) {
    const saved = isSaved(button.closest('[data-testid=track]').dataset.trackId);
    button.setAttribute('aria-pressed', String(saved));
    button.firstChild.textContent = saved ? '♥' : '♡';
  }
}

/**
 * The one note above the list about previews: none could be resolved (previews are off, the links work), or
 * some songs have none. Said once here, never on each row.
 */
export function previewNote(tracks) {
  if (!tracks.length) return '';
  if (!tracks.some(hasMedia)) return t('player.unavailable');
  return tracks.some((track) => !previewSrc(track)) ? t('player.someMissing') : '';
}

/** "Previews and covers from Deezer", linked, for each provider whose media is on the list. */
export function attribution(tracks) {
  const providers = [...new Set(tracks.filter(hasMedia).map((tr) => tr.media.provider))].filter((p) => PROVIDERS[p]);
  if (!providers.length) return [];
  const [before, after = ''] = t('player.attribution').split('{provider}');
  const names = providers.flatMap((p, i) => [i ? ', ' : '', h('a', { href: PROVIDERS[p].home, target: '_blank', rel: 'noopener noreferrer' }, PROVIDERS[p].name)]);
  return [before, ...names, after];
}

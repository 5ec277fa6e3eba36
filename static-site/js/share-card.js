// The share card: an image of the result made in the page (the feeling, the moods picked, three songs, the
// app's address as text and QR code; never the photo or the face, never an instruction meant for the page),
// offered to the Web Share API where the browser can share files, and as a download always.

import { download, h, focusPanel } from './dom.js';
import { t } from './i18n.js';
import { EMOJI, EMOTION_COLORS, emotionName } from './emotions.js';

// A portrait card, the shape messengers and stories show whole.
export const CARD = { width: 1080, height: 1350, songs: 3 };
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Apple SD Gothic Neo", sans-serif';

/** Lines of text no wider than maxWidth (words kept whole, or characters for Korean runs without spaces). */
function wrap(ctx, text, maxWidth) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/(\s+)/)) {
    const next = line + word;
    if (ctx.measureText(next).width <= maxWidth || !line.trim()) line = next;
    else {
      lines.push(line.trim());
      line = word.trimStart();
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** The app's address for the card (where the page was opened from, without the result's fragment). */
export const appAddress = () => `${location.origin}${location.pathname}`;

/** The QR code of the app's address, where the server draws one (the local server's /qr.svg), else null. */
async function loadQr() {
  try {
    const response = await fetch('qr.svg');
    if (!response.ok) return null;
    const url = URL.createObjectURL(await response.blob());
    try {
      const img = new Image();
      img.src = url;
      await img.decode();
      return img;
    } finally {
      URL.revokeObjectURL(url);
    }
  } catch {
    return null;
  }
}

/**
 * Draws the card and resolves to a PNG blob. feeling: the emotion the person felt (null when an unsure
 * reading is unanswered); moods: the moods picked; tracks: the songs on screen.
 */
export async function drawCard({ feeling, moods = [], tracks = [] }) {
  const qr = await loadQr();
  const { width, height } = CARD;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  const emotion = feeling;
  const colour = EMOTION_COLORS[emotion] || EMOTION_COLORS.neutral;
  const gradient = ctx.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, colour);
  gradient.addColorStop(1, '#1d1630');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, width, height);

  const pad = 90;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'top';
  ctx.font = `600 44px ${FONT}`;
  ctx.fillText(t('shareCard.title'), pad, pad);
  ctx.font = `200px ${FONT}`;
  ctx.fillText(EMOJI[emotion] || '🎵', pad, pad + 80);
  ctx.font = `700 96px ${FONT}`;
  ctx.fillText(emotion ? emotionName(emotion) : t('shareCard.noFeeling'), pad, pad + 310);

  let y = pad + 450;
  const moodText = moods.map((m) => t(`mood.${m}`)).join(' · ');
  ctx.font = `44px ${FONT}`;
  for (const line of wrap(ctx, moodText ? t('shareCard.moods', { moods: moodText }) : emotion ? t(`message.${emotion}`) : '', width - 2 * pad).slice(0, 2)) {
    ctx.fillText(line, pad, y);
    y += 58;
  }

  // No songs yet (a question is open): the card has no song list rather than an empty heading.
  if (tracks.length) {
    y += 50;
    ctx.font = `600 40px ${FONT}`;
    ctx.globalAlpha = 0.85;
    ctx.fillText(t('shareCard.songs'), pad, y);
    ctx.globalAlpha = 1;
    y += 70;
    for (const track of tracks.slice(0, CARD.songs)) {
      ctx.font = `700 46px ${FONT}`;
      ctx.fillText(`♪ ${wrap(ctx, track.title || '', width - 2 * pad - 60)[0] || ''}`, pad, y);
      ctx.font = `40px ${FONT}`;
      ctx.globalAlpha = 0.85;
      ctx.fillText(track.artist || '', pad + 60, y + 58);
      ctx.globalAlpha = 1;
      y += 130;
    }
  }

  // Where the app is, as text and (where the server draws one) a QR code: a way back from the picture.
  const qrSize = 200;
  const textWidth = width - 2 * pad - (qr ? qrSize + 40 : 0);
  if (qr) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(width - pad - qrSize - 12, height - pad - qrSize - 12, qrSize + 24, qrSize + 24);
    ctx.drawImage(qr, width - pad - qrSize, height - pad - qrSize, qrSize, qrSize);
  }
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 40px ${FONT}`;
  ctx.fillText('🎧 Moodtunes', pad, height - pad - 100);
  ctx.font = `34px ${FONT}`;
  ctx.globalAlpha = 0.9;
  ctx.fillText(wrap(ctx, appAddress(), textWidth)[0] || '', pad, height - pad - 40);
  ctx.globalAlpha = 1;
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'));
}

/** The card panel inside the result: a preview of the image, "Share…" (Web Share with files) and "Download". */
export class ShareCard {
  constructor() {
    this.url = null;
  }

  /** panel: the result view's share panel; card: { feeling, moods, tracks } of what the result shows now. */
  async open(panel, card) {
    this.close(panel);
    let blob;
    try {
      blob = await drawCard(card);
    } catch {
      panel.hidden = false;
      panel.replaceChildren(h('p', { class: 'tracks-status error', role: 'status' }, t('shareCard.error')));
      return;
    }
    const emotion = card.feeling;
    const file = new File([blob], `moodtunes-${emotion || 'mood'}.png`, { type: 'image/png' });
    this.url = URL.createObjectURL(blob);
    const status = h('p', { class: 'history-status', role: 'status', dataset: { testid: 'share-status' } });
    const canShare = typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] });
    panel.hidden = false;
    panel.replaceChildren(
      h('h3', { id: 'share-heading', tabindex: '-1' }, t('shareCard.heading')),
      h('img', { class: 'share-preview', src: this.url, alt: t('shareCard.alt', { emotion: emotion ? emotionName(emotion) : t('shareCard.noFeeling') }), dataset: { testid: 'share-preview' }, width: CARD.width, height: CARD.height }),
      h('p', { class: 'hint' }, t('shareCard.note')),
      h(
        'div',
        { class: 'actions' },
        canShare &&
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              dataset: { testid: 'share-send' },
              onclick: async () => {
                try {
                  await navigator.share({ files: [file], title: t('shareCard.title') });
                  status.textContent = t('shareCard.shared');
                } catch {
                  // Closing the share sheet is a choice, not a failure: nothing to say.
                }
              },
            },
            t('shareCard.share'),
          ),
        h(
          'button',
          {
            type: 'button',
            class: canShare ? 'secondary' : 'primary',
            dataset: { testid: 'share-download' },
            onclick: () => {
              download(blob, file.name);
              status.textContent = t('shareCard.downloaded');
            },
          },
          t('shareCard.download'),
        ),
        h('button', { type: 'button', class: 'secondary', dataset: { testid: 'share-close' }, onclick: () => this.close(panel, true) }, t('shareCard.close')),
      ),
      status,
    );
    focusPanel(panel.querySelector('#share-heading'));
  }

  close(panel, restoreFocus = false) {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
    panel.hidden = true;
    panel.replaceChildren();
    if (restoreFocus) document.querySelector('#share-open')?.focus();
  }
}

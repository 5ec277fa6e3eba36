// The status area: renders the flow's state (text, progress, spinner, the photo being read, the failure).

import { codeKey, formatBytes, has, t } from './i18n.js';
import { codes } from './facts.js';

const WORKING = ['preparing', 'analyzing', 'loading'];
const SHOWS_PHOTO = ['uploading', 'analyzing', 'failed'];

/** Failures that sending the same photo again cannot fix: the one way on is another photo. */
export const PHOTO_FAULTS = new Set([
  codes.noFace,
  codes.notAnImage,
  codes.unsupportedImage,
  codes.unsupportedType,
  codes.imageTooLarge,
  codes.imageTooComplex,
  codes.fileTooLarge,
  codes.corruptImage,
  'prepare-failed',
  codes.emptyFile,
]);

// The page's own words for every code, in the page language; the server sends only the code.
function failureText({ code, maxBytes }) {
  if (code === codes.fileTooLarge && maxBytes) return t('failure.file-too-large-limit', { limit: formatBytes(maxBytes) });
  return has(codeKey('failure', code)) ? t(codeKey('failure', code)) : t('failure.generic');
}

/** A calm title that says what happened (the status line while failed). */
const failureTitle = (code) => t(has(codeKey('failureTitle', code)) ? codeKey('failureTitle', code) : PHOTO_FAULTS.has(code) ? 'failureTitle.photo' : 'state.failed');

/** el: { area, status, photo, darkHint, progress, spinner, failure, failureMessage, retry, startOver }. */
export class StatusView {
  constructor(el) {
    this.el = el;
    this.state = { name: 'idle' };
  }

  /** Render a flow state (by default the last one again, e.g. in the other language). */
  render(state = this.state) {
    this.state = state;
    const { el } = this;
    const { name } = state;
    el.status.dataset.state = name;
    // Same text, no change: a live region re-announces replaced text (upload progress re-renders often).
    this.say(name === 'failed' ? failureTitle(state.failure.code) : t(`state.${name}`));
    el.area.classList.toggle('quiet', name === 'idle' || name === 'done');
    el.area.dataset.state = name;

    el.progress.hidden = name !== 'uploading';
    el.progress.value = Math.round((state.progress || 0) * 100);
    el.spinner.hidden = !WORKING.includes(name);

    const url = SHOWS_PHOTO.includes(name) && state.photo ? state.photo.url : null;
    el.photo.hidden = !url;
    if (url && el.photo.getAttribute('src') !== url) el.photo.src = url;
    el.photo.classList.toggle('scanning', name === 'analyzing' || name === 'uploading');
    // Measured on the page before upload: the hint stays with the photo up to its result or failure.
    el.darkHint.hidden = !(state.photo && state.photo.dark);

    if (name === 'failed') {
      el.failure.hidden = false;
      el.failure.dataset.failureCode = state.failure.code;
      el.status.dataset.failureCode = state.failure.code;
      el.failureMessage.textContent = failureText(state.failure);
      // One main action: another photo when this one cannot be read, else the same photo again.
      const photoFault = PHOTO_FAULTS.has(state.failure.code);
      el.retry.hidden = photoFault || !state.canRetry;
      el.startOver.className = el.retry.hidden ? 'primary' : 'secondary';
      el.startOver.textContent = t(photoFault ? 'action.anotherPhoto' : 'action.startOver');
    } else {
      el.failure.hidden = true;
      delete el.failure.dataset.failureCode;
      delete el.status.dataset.failureCode;
    }
  }

  /** Say something in the status line until the next render (e.g. "Starting the camera…"). */
  say(text) {
    if (this.el.status.textContent !== text) this.el.status.textContent = text;
  }
}

// The status area: renders the flow's state (text, progress, spinner, the photo being read, the failure).

import { formatBytes, has, lang, t } from './i18n.js';

const WORKING = ['preparing', 'analyzing', 'loading'];
const SHOWS_PHOTO = ['uploading', 'analyzing', 'failed'];

function failureText({ code, message, maxBytes }) {
  // English: the server's own words when it sent some; Korean (or no server message): ours.
  if (message && (lang() === 'en' || !has(`failure.${code}`))) return message;
  if (code === 'file-too-large' && maxBytes) return t('failure.file-too-large-limit', { limit: formatBytes(maxBytes) });
  return has(`failure.${code}`) ? t(`failure.${code}`) : t('failure.generic');
}

/** el: { area, status, photo, darkHint, progress, spinner, failure, failureMessage, retry }. */
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
    this.say(t(`state.${name}`));
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
      el.retry.hidden = !state.canRetry;
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

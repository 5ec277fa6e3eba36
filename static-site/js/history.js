// The history view: this device's past analyses, newest first. It shows what the history controller
// gives it and raises onLoadMore, onRetry, onDelete(id) and onDeleteAll.

import { h, srOnly, focusPanel } from './dom.js';
import { codeKey, t, formatTime, has } from './i18n.js';
import { EMOJI, emotionName, feelingOf } from './emotions.js';
import { resultUrl } from './router.js';

export class HistoryView {
  /** root: the element holding the list and buttons (static markup in index.html). */
  constructor(root, { onLoadMore, onRetry, onDelete, onDeleteAll }) {
    this.root = root;
    this.onDelete = onDelete;
    this.list = root.querySelector('#history-list');
    this.more = root.querySelector('#history-more');
    this.empty = root.querySelector('#history-empty');
    this.error = root.querySelector('#history-error');
    this.status = root.querySelector('#history-status');
    this.deleteAll = root.querySelector('#delete-all');
    this.confirm = root.querySelector('#delete-all-confirm-panel');
    this.confirmYes = root.querySelector('#delete-all-confirm');
    this.confirmNo = root.querySelector('#delete-all-cancel');
    this.items = [];

    this.more.addEventListener('click', () => onLoadMore());
    root.querySelector('#history-retry').addEventListener('click', () => onRetry());
    this.deleteAll.addEventListener('click', () => this.askDeleteAll());
    this.confirmNo.addEventListener('click', () => this.hideConfirm(true));
    this.confirmYes.addEventListener('click', () => onDeleteAll());
    this.confirm.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hideConfirm(true);
    });
  }

  /** Empty the list before the first page is loaded afresh. */
  reset() {
    this.items = [];
    this.hideConfirm(false);
    this.list.replaceChildren();
    this.status.textContent = '';
  }

  /** A page is being loaded (busy) or has been (not busy); the first page says so in the status line. */
  setLoading(busy, first) {
    if (busy) {
      this.root.setAttribute('aria-busy', 'true');
      this.more.setAttribute('aria-disabled', 'true');
    } else {
      this.root.removeAttribute('aria-busy');
      this.more.removeAttribute('aria-disabled');
    }
    if (first) this.status.textContent = busy ? t('state.loading') : '';
  }

  /** Add a page of analyses; after "load more", keep the keyboard user in the list on the first new item. */
  append(items, { first }) {
    const firstNew = this.list.children.length;
    this.items.push(...items);
    this.list.append(...items.map((a) => this.renderItem(a)));
    if (!first && items.length) this.list.children[firstNew]?.querySelector('a')?.focus();
  }

  setError(code) {
    this.error.hidden = !code;
    if (code) {
      this.error.dataset.failureCode = code;
      this.error.querySelector('[data-role=text]').textContent = t('history.error');
    } else delete this.error.dataset.failureCode;
  }

  /** Show or hide "load more", "delete all" and the empty note for the list as it is now. */
  sync({ hasMore, loading }) {
    this.more.hidden = !hasMore;
    const none = this.list.children.length === 0 && !loading && this.error.hidden;
    this.empty.hidden = !none;
    this.deleteAll.hidden = this.list.children.length === 0;
    if (this.deleteAll.hidden) this.hideConfirm(false);
  }

  /** Re-render every item (language change). */
  rerender() {
    this.list.replaceChildren(...this.items.map((a) => this.renderItem(a)));
    if (!this.error.hidden) this.error.querySelector('[data-role=text]').textContent = t('history.error');
  }

  renderItem(a) {
    const r = a.result || {};
    const time = formatTime(a.createdAt);
    let summary;
    if (a.status === 'done') {
      // What the person felt (their answer, or a sure reading); an unsure one nobody answered says so.
      const feeling = feelingOf(a);
      summary = h(
        'span',
        { class: 'history-emotion', dataset: { emotion: feeling || 'unsure' } },
        h('span', { class: 'emoji', 'aria-hidden': 'true' }, feeling ? EMOJI[feeling] || '🎵' : '🤔'),
        ' ',
        feeling ? emotionName(feeling) : t('history.unsure'),
      );
    } else if (a.status === 'failed') {
      const code = a.failure && a.failure.code;
      summary = h(
        'span',
        { class: 'history-emotion failed', dataset: { failureCode: code || '' } },
        h('span', { class: 'emoji', 'aria-hidden': 'true' }, '⚠️'),
        ' ',
        `${t('history.failed')}: `,
        t(code && has(codeKey('failure', code)) ? codeKey('failure', code) : 'failure.generic'),
      );
    } else {
      summary = h('span', { class: 'history-emotion pending' }, h('span', { class: 'emoji', 'aria-hidden': 'true' }, '⏳'), ' ', t('history.pending'));
    }
    const tracks = (a.tracks && Array.isArray(a.tracks.current) && a.tracks.current) || [];
    const headingId = `history-${a.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
    return h(
      'li',
      { class: 'history-item', dataset: { testid: 'history-item', analysisId: a.id, status: a.status || '' }, 'aria-labelledby': headingId },
      h(
        'div',
        { class: 'history-head' },
        h('h3', { id: headingId, class: 'history-title' }, summary),
        h('time', { datetime: a.createdAt || '' }, time),
      ),
      tracks.length
        ? h(
            'ul',
            { class: 'history-tracks', 'aria-label': t('history.tracks') },
            tracks.slice(0, 5).map((tr) =>
              h('li', { dataset: { trackId: tr.id ?? '' } }, h('span', { lang: tr.language === 'ko' || tr.language === 'en' ? tr.language : null }, tr.title || ''), h('span', { class: 'artist' }, ` · ${tr.artist || ''}`)),
            ),
          )
        : null,
      h(
        'div',
        { class: 'history-actions' },
        h(
          'a',
          {
            class: 'button secondary',
            href: resultUrl(a.id),
            dataset: { testid: 'open-one' },
            'aria-label': t('history.openLabel', { time }),
          },
          t('history.open'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'danger-quiet',
            dataset: { testid: 'delete-one' },
            'aria-label': t('history.deleteLabel', { time }),
            onclick: () => this.onDelete(a.id),
          },
          t('history.delete'),
        ),
      ),
    );
  }

  itemOf(id) {
    return Array.from(this.list.children).find((li) => li.dataset.analysisId === id) || null;
  }

  /** Mark one item's delete button busy while its deletion is on the way. */
  setDeleting(id, busy) {
    const button = this.itemOf(id)?.querySelector('[data-testid=delete-one]');
    if (busy) button?.setAttribute('aria-disabled', 'true');
    else button?.removeAttribute('aria-disabled');
  }

  /** One analysis is gone: drop its item and move focus to a neighbour (or the heading). */
  removed(id) {
    const li = this.itemOf(id);
    const next = li && (li.nextElementSibling || li.previousElementSibling);
    li?.remove();
    this.items = this.items.filter((a) => a.id !== id);
    this.status.textContent = t('history.deleted');
    if (next) next.querySelector('a')?.focus();
    else focusPanel(this.root.querySelector('h2'));
  }

  askDeleteAll() {
    this.confirm.hidden = false;
    this.deleteAll.setAttribute('aria-expanded', 'true');
    this.confirmNo.focus();
  }

  hideConfirm(restoreFocus) {
    this.confirm.hidden = true;
    this.deleteAll.setAttribute('aria-expanded', 'false');
    if (restoreFocus && !this.deleteAll.hidden) this.deleteAll.focus();
  }

  setDeletingAll(busy) {
    if (busy) this.confirmYes.setAttribute('aria-disabled', 'true');
    else this.confirmYes.removeAttribute('aria-disabled');
  }

  /** Every analysis is gone. */
  allRemoved() {
    this.items = [];
    this.list.replaceChildren();
    this.hideConfirm(false);
    this.status.textContent = t('history.allDeleted');
    focusPanel(this.root.querySelector('h2'));
  }
}

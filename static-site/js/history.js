// The history view: this device's past analyses, newest first, with paging and deleting.

import { api } from './api.js';
import { h, srOnly, focusPanel } from './dom.js';
import { t, formatTime, has } from './i18n.js';
import { EMOJI, emotionName } from './result.js';

const PAGE_SIZE = 20;

export class HistoryView {
  /**
   * root: the element holding the list and buttons (static markup in index.html).
   * onDeleted(id | null): told when one (id) or all (null) analyses are deleted.
   */
  constructor(root, { onDeleted } = {}) {
    this.root = root;
    this.onDeleted = onDeleted;
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
    this.cursor = null;
    this.loading = false;
    this.generation = 0;
    this.lastAction = null;

    this.more.addEventListener('click', () => this.loadMore());
    this.deleteAll.addEventListener('click', () => this.askDeleteAll());
    this.confirmNo.addEventListener('click', () => this.hideConfirm(true));
    this.confirmYes.addEventListener('click', () => this.doDeleteAll());
    this.confirm.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.hideConfirm(true);
    });
  }

  /** Load the first page afresh. */
  async reload() {
    this.generation++;
    this.items = [];
    this.cursor = null;
    this.hideConfirm(false);
    this.list.replaceChildren();
    this.status.textContent = '';
    await this.fetchPage(true);
  }

  async loadMore() {
    if (this.loading || !this.cursor) return;
    await this.fetchPage(false);
  }

  async fetchPage(first) {
    const gen = this.generation;
    this.loading = true;
    this.lastAction = first ? () => this.reload() : () => this.loadMore();
    this.setError(null);
    this.root.setAttribute('aria-busy', 'true');
    this.more.setAttribute('aria-disabled', 'true');
    if (first) this.status.textContent = t('state.loading');
    try {
      const page = await api.history(first ? null : this.cursor, PAGE_SIZE);
      if (gen !== this.generation) return;
      const items = (page && Array.isArray(page.items) && page.items) || [];
      const firstNew = this.list.children.length;
      this.items.push(...items);
      this.list.append(...items.map((a) => this.renderItem(a)));
      this.cursor = (page && page.nextCursor) || null;
      if (first) this.status.textContent = '';
      // After "load more", keep the keyboard user in the list: focus the first new item.
      if (!first && items.length) this.list.children[firstNew]?.querySelector('a')?.focus();
    } catch (err) {
      if (gen !== this.generation) return;
      if (first) this.status.textContent = '';
      this.setError(err.code || 'generic');
    } finally {
      if (gen === this.generation) {
        this.loading = false;
        this.root.removeAttribute('aria-busy');
        this.more.removeAttribute('aria-disabled');
        this.sync();
      }
    }
  }

  setError(code) {
    this.error.hidden = !code;
    if (code) {
      this.error.dataset.failureCode = code;
      this.error.querySelector('[data-role=text]').textContent = t('history.error');
    } else delete this.error.dataset.failureCode;
  }

  retry() {
    this.lastAction?.();
  }

  sync() {
    this.more.hidden = !this.cursor;
    const none = this.list.children.length === 0 && !this.loading && this.error.hidden;
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
      summary = h(
        'span',
        { class: 'history-emotion', dataset: { emotion: r.emotion || '' } },
        h('span', { class: 'emoji', 'aria-hidden': 'true' }, EMOJI[r.emotion] || '🎵'),
        ' ',
        emotionName(r.emotion),
      );
    } else if (a.status === 'failed') {
      const code = a.failure && a.failure.code;
      summary = h(
        'span',
        { class: 'history-emotion failed', dataset: { failureCode: code || '' } },
        h('span', { class: 'emoji', 'aria-hidden': 'true' }, '⚠️'),
        ' ',
        `${t('history.failed')}: `,
        code && has(`failure.${code}`) ? t(`failure.${code}`) : (a.failure && a.failure.message) || '',
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
            href: `#result/${encodeURIComponent(a.id)}`,
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
            onclick: (e) => this.deleteOne(a.id, e.currentTarget),
          },
          t('history.delete'),
        ),
      ),
    );
  }

  async deleteOne(id, button) {
    const li = button.closest('li.history-item');
    button.setAttribute('aria-disabled', 'true');
    this.setError(null);
    try {
      await api.deleteAnalysis(id);
    } catch (err) {
      if (err.code !== 'not-found') {
        button.removeAttribute('aria-disabled');
        this.lastAction = () => this.deleteOne(id, button);
        this.setError(err.code || 'generic');
        return;
      }
    }
    const next = li.nextElementSibling || li.previousElementSibling;
    li.remove();
    this.items = this.items.filter((a) => a.id !== id);
    this.status.textContent = t('history.deleted');
    this.onDeleted?.(id);
    this.sync();
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

  async doDeleteAll() {
    this.confirmYes.setAttribute('aria-disabled', 'true');
    this.setError(null);
    try {
      await api.deleteHistory();
    } catch (err) {
      this.lastAction = () => this.doDeleteAll();
      this.setError(err.code || 'generic');
      return;
    } finally {
      this.confirmYes.removeAttribute('aria-disabled');
    }
    this.generation++;
    this.items = [];
    this.cursor = null;
    this.list.replaceChildren();
    this.hideConfirm(false);
    this.status.textContent = t('history.allDeleted');
    this.onDeleted?.(null);
    this.sync();
    focusPanel(this.root.querySelector('h2'));
  }
}

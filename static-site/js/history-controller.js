// History data for the history view: pages of GET /api/history, deleting one or all. "Try again"
// repeats whatever failed last; a page answered after the list was started afresh is dropped.

import { api } from './api.js';
import { codes } from './facts.js';

export class HistoryController {
  /** view: a HistoryView whose events call these methods; onDeleted(id | null) when one (id) or all (null) are deleted. */
  constructor(view, { onDeleted }) {
    this.view = view;
    this.onDeleted = onDeleted;
    this.cursor = null;
    this.loading = false;
    this.generation = 0;
    this.lastAction = null;
  }

  /** Load the first page afresh. */
  reload() {
    this.generation++;
    this.cursor = null;
    this.view.reset();
    this.fetchPage(true);
  }

  loadMore() {
    if (!this.loading && this.cursor) this.fetchPage(false);
  }

  retry() {
    this.lastAction?.();
  }

  sync() {
    this.view.sync({ hasMore: !!this.cursor, loading: this.loading });
  }

  async fetchPage(first) {
    const gen = this.generation;
    this.loading = true;
    this.lastAction = first ? () => this.reload() : () => this.loadMore();
    this.view.setError(null);
    this.view.setLoading(true, first);
    try {
      const page = await api.history(first ? null : this.cursor);
      if (gen !== this.generation) return;
      this.cursor = (page && page.nextCursor) || null;
      this.view.append((page && Array.isArray(page.items) && page.items) || [], { first });
    } catch (err) {
      if (gen === this.generation) this.view.setError(err.code || 'generic');
    } finally {
      if (gen === this.generation) {
        this.loading = false;
        this.view.setLoading(false, first);
        this.sync();
      }
    }
  }

  async deleteOne(id) {
    this.view.setDeleting(id, true);
    this.view.setError(null);
    try {
      await api.deleteAnalysis(id);
    } catch (err) {
      // Already gone counts as deleted.
      if (err.code !== codes.notFound) {
        this.view.setDeleting(id, false);
        this.lastAction = () => this.deleteOne(id);
        this.view.setError(err.code || 'generic');
        return;
      }
    }
    this.view.removed(id);
    this.onDeleted(id);
    this.sync();
  }

  async deleteAll() {
    this.view.setDeletingAll(true);
    this.view.setError(null);
    try {
      await api.deleteHistory();
    } catch (err) {
      this.lastAction = () => this.deleteAll();
      this.view.setError(err.code || 'generic');
      return;
    } finally {
      this.view.setDeletingAll(false);
    }
    this.generation++;
    this.cursor = null;
    this.view.allRemoved();
    this.onDeleted(null);
    this.sync();
  }
}

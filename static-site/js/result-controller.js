// The result on screen and its tracks: shows an analysis in the result view and sends the track
// requests the view raises; an answer to an older request, or for a result no longer shown, is dropped.

import { api } from './api.js';

export class ResultController {
  /** view: a ResultView whose onMoodsChosen / onOtherSongs call chooseMoods / otherSongs. */
  constructor(view) {
    this.view = view;
    this.requestId = 0;
  }

  get id() {
    return this.view.id;
  }

  /** A finished analysis always carries the tracks picked for its reading, so showing it asks the server nothing. */
  show(analysis, photoUrl) {
    this.requestId++;
    this.view.show(analysis, photoUrl);
  }

  clear() {
    this.requestId++;
    this.view.clear();
  }

  /** answer: the emotion the person picked when the reading was unsure (the server records it). */
  chooseMoods({ moods, sadnessChoice, answer = null }) {
    this.request({ moods, sadnessChoice, answer, more: false });
  }

  /** "Other songs" repeats the current list's request: the server skips what it showed only for the same moods and choice. */
  otherSongs() {
    const applied = this.view.tracks || {};
    this.request({ moods: Array.isArray(applied.moods) ? applied.moods : [], sadnessChoice: applied.sadnessChoice ?? null, answer: applied.answer ?? null, more: true });
  }

  async request(body) {
    const id = ++this.requestId;
    this.view.setTracks({ busy: true });
    try {
      const tracks = await api.requestTracks(this.view.id, body);
      if (id === this.requestId) this.view.setTracks({ tracks, restarted: !!(tracks && tracks.restarted) });
    } catch (err) {
      if (id === this.requestId) this.view.setTracks({ error: err.code || 'generic' });
    }
  }
}

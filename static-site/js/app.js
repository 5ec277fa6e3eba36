// Moodtunes page: connects the flow, the views, routing, camera, photo picking, language, saved songs, the
// timeline, the share card and the service worker.

import { api, deviceToken } from './api.js';
import { initCameraPanel } from './camera-panel.js';
import { $, focusPanel } from './dom.js';
import { createFlow } from './flow.js';
import { HistoryController } from './history-controller.js';
import { HistoryView } from './history.js';
import { applyStatic, onLanguageChange, t } from './i18n.js';
import { preparePhoto } from './image.js';
import { initLanguageSwitch } from './language.js';
import { initPhotoPicker } from './picker.js';
import { createPlayer } from './player.js';
import { pollAnalysis } from './poll.js';
import { ResultController } from './result-controller.js';
import { ResultView } from './result.js';
import { createRouter, currentRoute, HISTORY, HOME, RESULT, resultUrl, startsAfresh, viewsFor } from './router.js';
import { SavedSongs, SavedSongsView, savedError } from './saved-songs.js';
import { ShareCard } from './share-card.js';
import { StatusView } from './status.js';
import { TimelineView } from './timeline.js';
import { uploadPhoto } from './upload.js';

const el = {
  statusArea: $('#status-area'),
  failure: $('#failure'),
  captureView: $('#capture-view'),
  captureHeading: $('#capture-heading'),
  resultView: $('#result-view'),
  historyView: $('#history-view'),
  navHome: $('#nav-home'),
  navHistory: $('#nav-history'),
};

const flow = createFlow({ prepare: preparePhoto, upload: uploadPhoto, poll: pollAnalysis, load: api.getAnalysis });
const router = createRouter({
  [HOME]: (route, moveFocus) => {
    if (startsAfresh(flow.state)) resetToIdle();
    renderViews();
    if (moveFocus) focusPanel(flow.state.name === 'failed' ? el.failure : el.captureHeading);
  },
  [HISTORY]: (route, moveFocus) => {
    camera.close();
    renderViews();
    if (moveFocus) focusPanel($('#history-heading'));
    historyController.reload();
    timeline.reload();
    savedSongs.load();
  },
  [RESULT]: (route, moveFocus) => {
    camera.close();
    renderViews();
    if (results.id !== route.id) flow.open(route.id);
    else if (moveFocus) focusPanel(resultView.heading());
  },
});
const status = new StatusView({
  area: el.statusArea,
  status: $('#status'),
  photo: $('#status-photo'),
  darkHint: $('#dark-hint'),
  progress: $('#upload-progress'),
  spinner: $('#spinner'),
  failure: el.failure,
  failureMessage: $('#failure-message'),
  retry: $('#retry'),
  startOver: $('#start-over'),
});
const player = createPlayer($('#preview-audio'));
const resultView = new ResultView(el.resultView, {
  onMoodsChosen: (choice) => results.chooseMoods(choice),
  onOtherSongs: () => results.otherSongs(),
  onPreview: (id, src) => player.toggle(id, src),
  onPlayAll: (items) => player.playAll(items),
  onStopPreview: () => player.stop(),
  onSave: (track) => savedSongs.toggle(track, { emotion: resultView.feeling, moods: resultView.pickedMoods }),
  onShare: () =>
    shareCard.open(resultView.sharePanel(), {
      feeling: resultView.feeling,
      moods: resultView.pickedMoods,
      tracks: (!resultView.question && resultView.tracks && resultView.tracks.current) || [],
    }),
});
const shareCard = new ShareCard();
const savedSongs = new SavedSongs();
const savedView = new SavedSongsView($('#saved-songs'), savedSongs);
savedSongs.subscribe((songs) => resultView.setSaved((id) => songs.has(id), savedError(songs)));
const timeline = new TimelineView($('#mood-timeline'));
player.subscribe((playback) => resultView.setPlayback(playback));
const results = new ResultController(resultView);
const historyView = new HistoryView(el.historyView, {
  onLoadMore: () => historyController.loadMore(),
  onRetry: () => historyController.retry(),
  onDelete: (id) => historyController.deleteOne(id),
  onDeleteAll: () => historyController.deleteAll(),
});
const historyController = new HistoryController(historyView, {
  onDeleted: (id) => {
    if (id === null || results.id === id) results.clear();
    timeline.reload();
  },
});
const camera = initCameraPanel(
  {
    panel: $('#camera-panel'),
    video: $('#camera-video'),
    start: $('#camera-start'),
    switch: $('#camera-switch'),
    capture: $('#camera-capture'),
    stop: $('#camera-stop'),
    error: $('#camera-error'),
    fallback: $('#file-input'),
  },
  {
    onCapture: ({ blob, dark }) => startPhoto({ blob, dark }),
    onBusy: (busy) => (busy ? status.say(t('camera.starting')) : status.render()),
  },
);
initPhotoPicker({
  input: $('#file-input'),
  dropZone: $('#drop-zone'),
  accepting: () => !el.captureView.hidden,
  onFile: (file) => {
    // The wait a person feels starts here and ends when the result is drawn (benchmarks measure the two marks).
    performance.mark('moodtunes:file-chosen');
    camera.close();
    startPhoto({ file });
  },
});
initLanguageSwitch($('#lang-switch'));

// ---- the flow on screen ----

function startPhoto(source) {
  results.clear();
  goHome();
  flow.start(source);
}

flow.subscribe((state) => {
  status.render(state);
  if (state.name === 'done') showDone(state);
  else renderViews();
  if (state.name === 'failed') focusPanel(el.failure);
});

function showDone({ analysis, photo, fresh }) {
  results.show(analysis, photo && photo.url);
  if (fresh) {
    // Only move the user to the result when they are still waiting for it on the main view.
    if (currentRoute().name !== HOME) {
      renderViews();
      return;
    }
    // A new history entry, so Back returns to the start screen (and the address keeps the result on reload).
    router.setUrl(resultUrl(analysis.id), false);
  }
  renderViews();
  focusPanel(resultView.heading());
  if (fresh) requestAnimationFrame(() => performance.mark('moodtunes:result-drawn'));
}

function resetToIdle() {
  camera.close();
  flow.reset();
}

// ---- which view shows ----

function goHome() {
  router.goHome();
  renderViews();
}

function renderViews() {
  const views = viewsFor(currentRoute(), flow.state.name, results.id);
  el.captureView.hidden = !views.capture;
  el.resultView.hidden = !views.result;
  el.historyView.hidden = !views.history;
  // A preview plays only while its result is on screen.
  if (el.resultView.hidden) player.stop();
  el.statusArea.hidden = !views.status;
  el.navHome.toggleAttribute('aria-current', false);
  el.navHistory.toggleAttribute('aria-current', false);
  if (views.current === HOME) el.navHome.setAttribute('aria-current', 'page');
  if (views.current === HISTORY) el.navHistory.setAttribute('aria-current', 'page');
}

el.navHome.addEventListener('click', (e) => {
  if (currentRoute().name === HOME) {
    e.preventDefault();
    if (flow.state.name === 'failed' || flow.state.name === 'done') resetToIdle();
    focusPanel(el.captureHeading);
  }
});
$('[data-testid=home-link]').addEventListener('click', (e) => {
  if (currentRoute().name === HOME) e.preventDefault();
});

$('#retry').addEventListener('click', () => flow.retry());
$('#start-over').addEventListener('click', () => {
  results.clear();
  router.goHome();
  camera.close();
  flow.startOver();
  focusPanel(el.captureHeading);
});

onLanguageChange(() => {
  status.render();
  if (resultView.analysis) resultView.render();
  historyView.rerender();
  timeline.render();
  savedView.render();
});

// ---- start ----

deviceToken();
applyStatic();
status.render(flow.state);
router.apply(false);
// The hearts on a result need the saved list; the history view loads it again when it opens.
if (currentRoute().name !== HISTORY) savedSongs.load();
document.documentElement.classList.add('js-ready');

// Installable: the service worker keeps the page shell for opening from the home screen (sw.js).
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});

// The local server draws a QR code of its address for phones; the AWS deployment prints one at deploy time instead.
// It says which address it encodes: a loopback one opens only on this computer, and the page says so.
fetch('qr.svg')
  .then((response) => {
    if (!response.ok) return;
    $('#share-qr').hidden = false;
    const encoded = response.headers.get('X-Qr-Address') || '';
    let host = '';
    try {
      host = new URL(encoded).hostname;
    } catch {
      /* no address said: no warning */
    }
    const warning = $('#share-loopback');
    warning.hidden = !isLoopback(host);
    const render = () => (warning.textContent = t('share.loopback', { url: encoded }));
    render();
    onLanguageChange(render);
  })
  .catch(() => {});

function isLoopback(host) {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '::1';
}

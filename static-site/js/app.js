// Moodtunes page: wires the capture → prepare → upload → analyze → result flow, history and language.

import { api, deviceToken } from './api.js';
import { Camera, cameraSupport } from './camera.js';
import { $, focusPanel } from './dom.js';
import { HistoryView } from './history.js';
import { applyStatic, has, lang, onLanguageChange, setLanguage, t } from './i18n.js';
import { preparePhoto } from './image.js';
import { pollAnalysis } from './poll.js';
import { ResultView } from './result.js';
import { uploadPhoto } from './upload.js';

const el = {
  statusArea: $('#status-area'),
  status: $('#status'),
  statusPhoto: $('#status-photo'),
  progress: $('#upload-progress'),
  spinner: $('#spinner'),
  failure: $('#failure'),
  failureMessage: $('#failure-message'),
  retry: $('#retry'),
  startOver: $('#start-over'),
  captureView: $('#capture-view'),
  captureHeading: $('#capture-heading'),
  cameraPanel: $('#camera-panel'),
  cameraVideo: $('#camera-video'),
  cameraStart: $('#camera-start'),
  cameraCapture: $('#camera-capture'),
  cameraStop: $('#camera-stop'),
  cameraError: $('#camera-error'),
  fileInput: $('#file-input'),
  dropZone: $('#drop-zone'),
  resultView: $('#result-view'),
  historyView: $('#history-view'),
  langSwitch: $('#lang-switch'),
  navHome: $('#nav-home'),
  navHistory: $('#nav-history'),
};

const camera = new Camera(el.cameraVideo);
const result = new ResultView(el.resultView);
const historyView = new HistoryView(el.historyView, {
  onDeleted: (id) => {
    if (id === null || result.id === id) result.clear();
  },
});

// ---- the current task (one at a time: a new photo or re-opened result aborts the previous) ----

const flow = {
  phase: 'idle', // idle | preparing | uploading | analyzing | loading | done | failed
  file: null, // the picked file (null for camera captures)
  blob: null, // the prepared JPEG: retry re-uploads exactly this
  photoUrl: null, // object URL of blob
  analysisId: null,
  progress: 0,
  failure: null, // { code, message }
  retry: null, // () => void, or null when retrying makes no sense
  controller: null,
};

function abortTask() {
  flow.controller?.abort();
  flow.controller = null;
}

function setPhotoBlob(blob) {
  if (flow.photoUrl) URL.revokeObjectURL(flow.photoUrl);
  flow.blob = blob;
  flow.photoUrl = blob ? URL.createObjectURL(blob) : null;
}

function setPhase(phase, extra = {}) {
  Object.assign(flow, { failure: null }, extra, { phase });
  renderStatus();
  renderViews();
}

function failureText(failure) {
  const code = failure.code;
  // English: the server's own words when it sent some; Korean (or no server message): ours.
  if (failure.message && (lang() === 'en' || !has(`failure.${code}`))) return failure.message;
  return has(`failure.${code}`) ? t(`failure.${code}`) : t('failure.generic');
}

function renderStatus() {
  const { phase } = flow;
  el.status.dataset.state = phase;
  el.status.textContent = t(`state.${phase}`);
  el.statusArea.classList.toggle('quiet', phase === 'idle' || phase === 'done');
  el.statusArea.dataset.state = phase;

  el.progress.hidden = phase !== 'uploading';
  el.progress.value = Math.round(flow.progress * 100);
  el.spinner.hidden = !['preparing', 'analyzing', 'loading'].includes(phase);

  const showPhoto = flow.photoUrl && ['uploading', 'analyzing', 'failed'].includes(phase) && flow.blob;
  el.statusPhoto.hidden = !showPhoto;
  if (showPhoto && el.statusPhoto.getAttribute('src') !== flow.photoUrl) el.statusPhoto.src = flow.photoUrl;
  el.statusPhoto.classList.toggle('scanning', phase === 'analyzing' || phase === 'uploading');

  if (phase === 'failed' && flow.failure) {
    el.failure.hidden = false;
    el.failure.dataset.failureCode = flow.failure.code;
    el.status.dataset.failureCode = flow.failure.code;
    el.failureMessage.textContent = failureText(flow.failure);
    el.retry.hidden = !flow.retry;
  } else {
    el.failure.hidden = true;
    delete el.failure.dataset.failureCode;
    delete el.status.dataset.failureCode;
  }
}

function fail(err, retry) {
  const code = (err && err.code) || 'generic';
  // A local ApiError's message is for developers; only analysis failures carry user-facing text.
  const message = err && err.userMessage ? err.userMessage : null;
  setPhase('failed', { failure: { code, message }, retry });
  focusPanel(el.failure);
}

/** Prepare (unless already prepared), upload, poll. Retry calls this again with the same blob. */
async function runUpload() {
  abortTask();
  const controller = new AbortController();
  flow.controller = controller;
  const { signal } = controller;
  const retry = () => runUpload();
  flow.analysisId = null;
  try {
    if (!flow.blob) {
      setPhase('preparing', { progress: 0, retry: null });
      const prepared = await preparePhoto(flow.file);
      if (signal.aborted) return;
      setPhotoBlob(prepared.blob);
    }
    setPhase('uploading', { progress: 0, retry: null });
    const id = await uploadPhoto(flow.blob, {
      signal,
      onProgress: (p) => {
        flow.progress = p;
        el.progress.value = Math.round(p * 100);
      },
    });
    flow.analysisId = id;
    setPhase('analyzing');
    const analysis = await pollAnalysis(id, { signal });
    if (signal.aborted) return;
    if (analysis.status === 'failed') {
      const f = analysis.failure || {};
      fail({ code: f.code || 'internal-error', userMessage: f.message || null }, retry);
      return;
    }
    showDone(analysis, flow.photoUrl, true);
  } catch (err) {
    if (err && err.code === 'aborted') return;
    if (signal.aborted) return;
    // A decode failure with no prepared blob: retrying prepares the same file again.
    fail(err, retry);
  } finally {
    if (flow.controller === controller) flow.controller = null;
  }
}

function startWithFile(file) {
  if (!file) return;
  camera.stop();
  hideCamera();
  result.clear();
  setPhotoBlob(null);
  flow.file = file;
  goHome();
  runUpload();
}

function startWithBlob(blob) {
  result.clear();
  flow.file = null;
  setPhotoBlob(blob);
  goHome();
  runUpload();
}

function showDone(analysis, photoUrl, fresh) {
  setPhase('done', { retry: null });
  result.show(analysis, photoUrl);
  const target = `#result/${encodeURIComponent(analysis.id)}`;
  if (fresh) {
    // Only move the user to the result when they are still waiting for it on the main view.
    if (currentRoute().name !== 'home') return;
    setUrl(target, true);
  }
  renderViews();
  focusPanel(result.heading());
}

/** Show a result again (from history or a reload): GET it; poll if it is still pending. */
async function openAnalysis(id) {
  if (result.id === id) {
    renderViews();
    return;
  }
  abortTask();
  const controller = new AbortController();
  flow.controller = controller;
  const { signal } = controller;
  const retry = () => openAnalysis(id);
  const photoUrl = flow.analysisId === id ? flow.photoUrl : null;
  setPhase('loading', { retry: null });
  try {
    let analysis = await api.getAnalysis(id, signal);
    if (analysis.status === 'pending') {
      setPhase('analyzing');
      analysis = await pollAnalysis(id, { signal });
    }
    if (signal.aborted) return;
    if (analysis.status === 'failed') {
      const f = analysis.failure || {};
      // Retrying re-uploads only when this page still holds that photo.
      fail({ code: f.code || 'internal-error', userMessage: f.message || null }, photoUrl ? () => runUpload() : null);
      return;
    }
    showDone(analysis, photoUrl, false);
  } catch (err) {
    if ((err && err.code === 'aborted') || signal.aborted) return;
    fail(err, retry);
  } finally {
    if (flow.controller === controller) flow.controller = null;
  }
}

function resetToIdle() {
  abortTask();
  camera.stop();
  hideCamera();
  flow.analysisId = null;
  setPhase('idle', { retry: null, progress: 0 });
}

// ---- routing: #  |  #history  |  #result/{id} ----

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  if (hash === 'history') return { name: 'history' };
  const m = /^result\/(.+)$/.exec(hash);
  if (m) {
    try {
      return { name: 'result', id: decodeURIComponent(m[1]) };
    } catch {
      return { name: 'home' };
    }
  }
  return { name: 'home' };
}

function goHome() {
  if (currentRoute().name !== 'home') setUrl(location.pathname + location.search, false);
  renderViews();
}

function renderViews() {
  const route = currentRoute();
  const { phase } = flow;
  const home = route.name === 'home';
  el.captureView.hidden = !(home && (phase === 'idle' || phase === 'failed'));
  el.resultView.hidden = !(route.name === 'result' && result.id === route.id && phase !== 'loading');
  el.historyView.hidden = route.name !== 'history';
  el.statusArea.hidden = route.name === 'history';
  el.navHome.toggleAttribute('aria-current', false);
  el.navHistory.toggleAttribute('aria-current', false);
  if (home) el.navHome.setAttribute('aria-current', 'page');
  if (route.name === 'history') el.navHistory.setAttribute('aria-current', 'page');
}

function applyRoute(moveFocus) {
  const route = currentRoute();
  if (route.name !== 'home') {
    camera.stop();
    hideCamera();
  }
  if (route.name === 'home') {
    // Coming back to the main view after a result (or a re-open in progress) means a new photo.
    if (flow.phase === 'done' || flow.phase === 'loading' || (flow.phase === 'failed' && !flow.blob && !flow.file)) resetToIdle();
    renderViews();
    if (moveFocus) focusPanel(flow.phase === 'failed' ? el.failure : el.captureHeading);
  } else if (route.name === 'history') {
    renderViews();
    if (moveFocus) focusPanel($('#history-heading'));
    historyView.reload();
  } else {
    renderViews();
    if (result.id === route.id) {
      if (moveFocus) focusPanel(result.heading());
    } else {
      openAnalysis(route.id);
    }
  }
}

// Fragment navigation fires both popstate and hashchange; handle each URL change once.
let appliedUrl = location.href;
function onNavigate() {
  if (location.href === appliedUrl) return;
  appliedUrl = location.href;
  applyRoute(true);
}
window.addEventListener('hashchange', onNavigate);
window.addEventListener('popstate', onNavigate);

/** Change the URL without running the route (the caller already shows the right view). */
function setUrl(url, replace) {
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  appliedUrl = location.href;
}

el.navHome.addEventListener('click', (e) => {
  if (currentRoute().name === 'home') {
    e.preventDefault();
    if (flow.phase === 'failed' || flow.phase === 'done') resetToIdle();
    focusPanel(el.captureHeading);
  }
});
$('[data-testid=home-link]').addEventListener('click', (e) => {
  if (currentRoute().name === 'home') e.preventDefault();
});

// ---- status area buttons ----

el.retry.addEventListener('click', () => flow.retry?.());
el.startOver.addEventListener('click', () => {
  setPhotoBlob(null);
  flow.file = null;
  result.clear();
  if (currentRoute().name !== 'home') setUrl(location.pathname + location.search, false);
  resetToIdle();
  renderViews();
  focusPanel(el.captureHeading);
});

// ---- camera ----

function showCameraError(code) {
  el.cameraError.hidden = !code;
  el.cameraError.textContent = code ? t(`${code.replace('camera-', 'camera.')}`) : '';
  if (code) el.cameraError.dataset.errorCode = code;
  else delete el.cameraError.dataset.errorCode;
}

function hideCamera() {
  el.cameraPanel.hidden = true;
  el.cameraStart.hidden = !!el.cameraError.dataset.errorCode && el.cameraError.dataset.static === 'true';
}

el.cameraStart.addEventListener('click', async () => {
  showCameraError(null);
  el.cameraStart.setAttribute('aria-busy', 'true');
  el.status.textContent = t('camera.starting');
  try {
    el.cameraPanel.hidden = false;
    await camera.start();
    el.cameraStart.hidden = true;
    el.cameraCapture.focus();
  } catch (err) {
    el.cameraPanel.hidden = true;
    showCameraError(err.code || 'camera-unavailable');
    el.fileInput.focus();
  } finally {
    el.cameraStart.removeAttribute('aria-busy');
    renderStatus();
  }
});

el.cameraCapture.addEventListener('click', async () => {
  try {
    const shot = await camera.capture();
    hideCamera();
    startWithBlob(shot.blob);
  } catch (err) {
    hideCamera();
    showCameraError(err.code === 'prepare-failed' ? 'camera-unavailable' : err.code || 'camera-unavailable');
    el.cameraStart.focus();
  }
});

el.cameraStop.addEventListener('click', () => {
  camera.stop();
  hideCamera();
  el.cameraStart.focus();
});

document.addEventListener('visibilitychange', () => {
  if (document.hidden && camera.active) {
    camera.stop();
    hideCamera();
  }
});

// ---- file input and drag-and-drop ----

el.fileInput.addEventListener('change', () => {
  const file = el.fileInput.files && el.fileInput.files[0];
  if (file) startWithFile(file);
  // Clear so picking the same file again still fires "change".
  el.fileInput.value = '';
});

let dragDepth = 0;
const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  el.dropZone.classList.add('dragging');
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) el.dropZone.classList.remove('dragging');
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault(); // otherwise the browser opens the dropped photo itself
  if (e.dataTransfer) e.dataTransfer.dropEffect = el.captureView.hidden ? 'none' : 'copy';
});
window.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  el.dropZone.classList.remove('dragging');
  if (el.captureView.hidden) return;
  const file = e.dataTransfer.files && e.dataTransfer.files[0];
  if (file) startWithFile(file);
});

// ---- history ----

$('#history-retry').addEventListener('click', () => historyView.retry());

// ---- language ----

function renderLangSwitch() {
  const other = lang() === 'ko' ? 'en' : 'ko';
  el.langSwitch.setAttribute('lang', other);
  el.langSwitch.dataset.lang = lang();
}

el.langSwitch.addEventListener('click', () => setLanguage(lang() === 'ko' ? 'en' : 'ko'));

onLanguageChange(() => {
  renderLangSwitch();
  renderStatus();
  if (el.cameraError.dataset.errorCode) showCameraError(el.cameraError.dataset.errorCode);
  if (result.analysis) result.render();
  historyView.rerender();
});

// ---- start ----

deviceToken();
applyStatic();
renderLangSwitch();
const unsupported = cameraSupport();
if (unsupported) {
  // No camera can be had here (plain http on a LAN address, old browser): say so up front.
  showCameraError(unsupported);
  el.cameraError.dataset.static = 'true';
  el.cameraStart.hidden = true;
}
renderStatus();
applyRoute(false);
document.documentElement.classList.add('js-ready');

// The local server draws a QR code of its address for phones; the AWS deployment prints one at deploy time instead.
fetch('qr.svg')
  .then((response) => { if (response.ok) $('#share-qr').hidden = false; })
  .catch(() => {});

// The selfie panel: start / switch / capture / cancel buttons around the camera, and the camera's problems.

import { Camera, cameraSupport } from './camera.js';
import { onLanguageChange, t } from './i18n.js';

/**
 * el: { panel, video, start, switch, capture, stop, error, fallback (focused when the camera fails) }.
 * onCapture({ blob, dark }) with the shot; onBusy(true | false) while the camera is starting.
 */
export function initCameraPanel(el, { onCapture, onBusy }) {
  const camera = new Camera(el.video);

  function showError(code) {
    el.error.hidden = !code;
    el.error.textContent = code ? t(code.replace('camera-', 'camera.')) : '';
    if (code) el.error.dataset.errorCode = code;
    else delete el.error.dataset.errorCode;
  }

  function hide() {
    el.panel.hidden = true;
    // A camera this page can never have (see cameraSupport) keeps its start button away.
    el.start.hidden = !!el.error.dataset.errorCode && el.error.dataset.static === 'true';
  }

  function close() {
    camera.stop();
    hide();
  }

  el.start.addEventListener('click', async () => {
    showError(null);
    el.start.setAttribute('aria-busy', 'true');
    onBusy(true);
    try {
      el.panel.hidden = false;
      await camera.start();
      el.start.hidden = true;
      // The switch shows only where there is another camera to switch to.
      el.switch.hidden = (await camera.cameras()).length < 2;
      el.capture.focus();
    } catch (err) {
      el.panel.hidden = true;
      showError(err.code || 'camera-unavailable');
      el.fallback.focus();
    } finally {
      el.start.removeAttribute('aria-busy');
      onBusy(false);
    }
  });

  el.capture.addEventListener('click', async () => {
    try {
      const shot = await camera.capture();
      hide();
      onCapture(shot);
    } catch {
      // No frame yet, or the frame could not be encoded.
      hide();
      showError('camera-unavailable');
      el.start.focus();
    }
  });

  el.switch.addEventListener('click', async () => {
    showError(null);
    el.switch.setAttribute('aria-busy', 'true');
    try {
      await camera.switchCamera();
    } catch (err) {
      close();
      showError(err.code || 'camera-unavailable');
      el.fallback.focus();
    } finally {
      el.switch.removeAttribute('aria-busy');
    }
  });

  el.stop.addEventListener('click', () => {
    close();
    el.start.focus();
  });

  document.addEventListener('visibilitychange', () => {
    if (document.hidden && camera.active) close();
  });

  onLanguageChange(() => {
    if (el.error.dataset.errorCode) showError(el.error.dataset.errorCode);
  });

  const unsupported = cameraSupport();
  if (unsupported) {
    // No camera can be had here (plain http on a LAN address, old browser): say so up front.
    showError(unsupported);
    el.error.dataset.static = 'true';
    el.start.hidden = true;
  }

  return { close };
}

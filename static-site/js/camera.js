// Live camera: the front one first, a switch to the others; a mirrored preview of a front camera in a
// <video>, an unmirrored capture (with how dark it is), the stream stopped after.

import { ApiError } from './api.js';
import { drawToJpeg } from './image.js';

/** Whether a camera can even be asked for here (secure context with mediaDevices). */
export function cameraSupport() {
  if (!window.isSecureContext) return 'camera-insecure';
  if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') return 'camera-unavailable';
  return null;
}

function codeFor(err) {
  const name = err && err.name;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'camera-denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'camera-missing';
  if (name === 'NotReadableError' || name === 'TrackStartError') return 'camera-busy';
  return 'camera-unavailable';
}

const SIZE = { width: { ideal: 1280 }, height: { ideal: 960 } };

export class Camera {
  constructor(video) {
    this.video = video;
    this.stream = null;
    this.deviceId = null;
  }

  get active() {
    return !!this.stream;
  }

  /** The cameras the browser lists (their ids are only known once one has been allowed). */
  async cameras() {
    try {
      return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    } catch {
      return [];
    }
  }

  /** The next camera in the browser's list after the one filming now. */
  async switchCamera() {
    const cameras = await this.cameras();
    const at = cameras.findIndex((c) => c.deviceId === this.deviceId);
    const next = cameras[(at + 1) % cameras.length];
    if (next) await this.start(next.deviceId);
  }

  /**
   * Start a camera: the given one, else the front one. Rejects with ApiError('camera-denied' |
   * 'camera-missing' | 'camera-busy' | 'camera-unavailable' | 'camera-insecure').
   */
  async start(deviceId = null) {
    const unsupported = cameraSupport();
    if (unsupported) throw new ApiError(unsupported, unsupported);
    this.stop();
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: deviceId ? { deviceId: { exact: deviceId }, ...SIZE } : { facingMode: 'user', ...SIZE },
        audio: false,
      });
    } catch (err) {
      throw new ApiError(codeFor(err), (err && err.message) || 'getUserMedia failed');
    }
    this.stream = stream;
    const settings = stream.getVideoTracks()[0]?.getSettings?.() || {};
    this.deviceId = settings.deviceId || deviceId;
    // Only a front camera is shown as a mirror; a back camera shows the world the right way round.
    this.video.classList.toggle('unmirrored', settings.facingMode === 'environment');
    this.video.muted = true;
    this.video.setAttribute('playsinline', '');
    this.video.srcObject = stream;
    try {
      await this.video.play();
    } catch {
      /* autoplay of a muted inline video is allowed; ignore odd refusals, the frame still arrives */
    }
    if (!this.video.videoWidth) {
      await new Promise((resolve) => {
        const done = () => resolve();
        this.video.addEventListener('loadedmetadata', done, { once: true });
        setTimeout(done, 3000);
      });
    }
  }

  /** Grab the current frame unmirrored (the photo is what the camera saw), then stop the stream. */
  async capture() {
    const { videoWidth: w, videoHeight: h } = this.video;
    if (!this.stream || !w || !h) throw new ApiError('camera-unavailable', 'No camera frame');
    try {
      return await drawToJpeg(this.video, w, h);
    } finally {
      this.stop();
    }
  }

  stop() {
    if (this.stream) {
      for (const track of this.stream.getTracks()) track.stop();
    }
    this.stream = null;
    if (this.video) this.video.srcObject = null;
  }
}

// Live selfie camera: a mirrored preview in a <video>, an unmirrored capture, the stream stopped after.

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
  return 'camera-unavailable';
}

export class Camera {
  constructor(video) {
    this.video = video;
    this.stream = null;
  }

  get active() {
    return !!this.stream;
  }

  /** Start the front camera. Rejects with ApiError('camera-denied' | 'camera-unavailable' | 'camera-insecure'). */
  async start() {
    const unsupported = cameraSupport();
    if (unsupported) throw new ApiError(unsupported, unsupported);
    this.stop();
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } },
        audio: false,
      });
    } catch (err) {
      throw new ApiError(codeFor(err), (err && err.message) || 'getUserMedia failed');
    }
    this.stream = stream;
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

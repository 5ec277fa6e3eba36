// Shrink a photo in the browser before upload: EXIF orientation applied, longer side ≤ 1280 px,
// re-encoded as JPEG (which also drops EXIF metadata such as location).

import { ApiError, tooLarge } from './api.js';
import { codes } from './facts.js';

export const MAX_SIDE = 1280;
export const JPEG_QUALITY = 0.9;
// Decoding a huge file can exhaust a phone's memory; real phone photos are far below this.
const MAX_INPUT_BYTES = 50 * 1024 * 1024;
// Mean luma (0..255) below which a photo is too dark for the face to be read well: the hint's threshold.
const DARK_LUMA = 50;
// The photo is shrunk to this many pixels a side to measure its brightness: enough for a mean, cheap to read.
const LUMA_SAMPLE = 32;
// Phone cameras reach 108 MP (12000 × 9000); anything past this is a decompression bomb.
const MAX_INPUT_PIXELS = 200_000_000;

async function decodeWithBitmap(file) {
  if (typeof createImageBitmap !== 'function') throw new Error('no createImageBitmap');
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close?.() };
}

function decodeWithImg(file) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.decoding = 'async';
    img.onload = () => {
      // Browsers apply EXIF orientation to <img> (image-orientation: from-image is the default).
      const width = img.naturalWidth;
      const height = img.naturalHeight;
      if (!width || !height) {
        URL.revokeObjectURL(url);
        reject(new Error('zero size'));
        return;
      }
      resolve({ source: img, width, height, release: () => URL.revokeObjectURL(url) });
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('img decode failed'));
    };
    img.src = url;
  });
}

export function fitWithin(width, height, maxSide = MAX_SIDE) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether a canvas is too dark to read a face on: its mean luma (Rec. 601) on a small copy. */
export function isDark(canvas) {
  const small = document.createElement('canvas');
  small.width = LUMA_SAMPLE;
  small.height = LUMA_SAMPLE;
  const ctx = small.getContext('2d', { willReadFrequently: true });
  if (!ctx) return false;
  ctx.drawImage(canvas, 0, 0, LUMA_SAMPLE, LUMA_SAMPLE);
  const px = ctx.getImageData(0, 0, LUMA_SAMPLE, LUMA_SAMPLE).data;
  let sum = 0;
  for (let i = 0; i < px.length; i += 4) sum += 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
  return sum / (px.length / 4) < DARK_LUMA;
}

/** Draw any drawable to a canvas (≤ maxSide, white behind transparency) and encode JPEG; dark: see isDark. */
export function drawToJpeg(source, srcWidth, srcHeight, { mirror = false } = {}) {
  const { width, height } = fitWithin(srcWidth, srcHeight);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new ApiError('prepare-failed', 'No 2D canvas'));
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  if (mirror) {
    ctx.translate(width, 0);
    ctx.scale(-1, 1);
  }
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  const dark = isDark(canvas);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => {
        // Release the canvas memory early on small phones.
        canvas.width = 0;
        canvas.height = 0;
        if (blob && blob.size > 0) resolve({ blob, width, height, dark });
        else reject(new ApiError('prepare-failed', 'Could not encode JPEG'));
      },
      'image/jpeg',
      JPEG_QUALITY,
    );
  });
}

/**
 * Pixel size from the file header (JPEG, PNG, GIF, WebP VP8X), without decoding; null when unknown.
 * Lets us refuse decompression bombs before they take the phone's memory.
 */
export function headerSize(bytes) {
  const b = bytes;
  const u16 = (i) => (b[i] << 8) | b[i + 1];
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const u32 = (i) => ((b[i] << 24) >>> 0) + (b[i + 1] << 16) + (b[i + 2] << 8) + b[i + 3];
    return { width: u32(16), height: u32(20) };
  }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) {
    return { width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  }
  if (b.length > 30 && b[0] === 0x52 && b[8] === 0x57 && b[12] === 0x56 && b[15] === 0x58) {
    // RIFF....WEBPVP8X: 24-bit canvas width-1 at 24, height-1 at 27
    return { width: 1 + (b[24] | (b[25] << 8) | (b[26] << 16)), height: 1 + (b[27] | (b[28] << 8) | (b[29] << 16)) };
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length && b[i] === 0xff) {
      const marker = b[i + 1];
      if (marker === 0xff) {
        i++;
        continue;
      }
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) return { width: u16(i + 7), height: u16(i + 5) };
      i += 2 + u16(i + 2);
    }
  }
  return null;
}

/** Turn a picked/dropped file into an upload-ready JPEG. Rejects with an ApiError (codes.notAnImage, …). */
export async function preparePhoto(file) {
  if (!file || file.size === 0) throw new ApiError(codes.notAnImage, 'Empty file');
  // A drawing, not a photo (and the server refuses SVG too); everything else is left to the decoder.
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name || '')) throw new ApiError(codes.notAnImage, 'SVG');
  if (file.size > MAX_INPUT_BYTES) throw tooLarge(MAX_INPUT_BYTES, 'File too large to decode');
  try {
    const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
    const size = headerSize(head);
    if (size && size.width * size.height > MAX_INPUT_PIXELS) throw new ApiError(codes.imageTooLarge, 'Too many pixels');
  } catch (err) {
    if (err instanceof ApiError) throw err;
    /* unreadable header: let the decoder decide */
  }
  let decoded;
  try {
    decoded = await decodeWithBitmap(file);
  } catch {
    try {
      decoded = await decodeWithImg(file);
    } catch {
      throw new ApiError(codes.notAnImage, 'The browser could not decode this file');
    }
  }
  try {
    return await drawToJpeg(decoded.source, decoded.width, decoded.height);
  } finally {
    decoded.release();
  }
}

// Upload a prepared photo: ask /api/uploads for a target, then POST the multipart form to it.

import { api, ApiError, tooLarge } from './api.js';
import { codes } from './facts.js';

/**
 * POST multipart/form-data to the upload target: every upload.fields entry in order, the photo
 * last as "file". XMLHttpRequest rather than fetch so we get upload progress.
 */
export function postForm(target, blob, { onProgress, signal } = {}) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(target.fields || {})) form.append(name, value);
    form.append('file', blob, blob.type === 'image/png' ? 'photo.png' : blob.type === 'image/webp' ? 'photo.webp' : 'photo.jpg');

    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    xhr.open('POST', target.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      signal?.removeEventListener('abort', abort);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve();
        return;
      }
      let code = xhr.status === 413 ? codes.fileTooLarge : 'upload-failed';
      // The local stand-in answers problem+json; S3 answers XML (EntityTooLarge, AccessDenied, ...).
      const type = xhr.getResponseHeader('content-type') || '';
      if (type.includes('json')) {
        try {
          const problem = JSON.parse(xhr.responseText);
          if (problem && typeof problem.code === 'string') code = problem.code;
        } catch {
          /* keep the status-derived code */
        }
      } else if (/EntityTooLarge/.test(xhr.responseText || '')) {
        code = codes.fileTooLarge;
      }
      const message = `Upload answered ${xhr.status}`;
      reject(code === codes.fileTooLarge ? tooLarge(target.maxBytes, message, xhr.status) : new ApiError(code, message, xhr.status));
    };
    xhr.onerror = () => {
      signal?.removeEventListener('abort', abort);
      reject(new ApiError('upload-failed', 'Upload network error'));
    };
    xhr.onabort = () => reject(new ApiError('aborted', 'aborted'));
    if (signal) {
      if (signal.aborted) {
        reject(new ApiError('aborted', 'aborted'));
        return;
      }
      signal.addEventListener('abort', abort, { once: true });
    }
    xhr.send(form);
  });
}

/**
 * Ask for an upload target and send the photo. Resolves to { analysisId, maxBytes }. The size limit is
 * the server's: it answers 413 file-too-large to a size over it, and otherwise says it as upload.maxBytes.
 */
export async function uploadPhoto(blob, { onProgress, signal } = {}) {
  if (!blob || blob.size === 0) throw new ApiError(codes.notAnImage, 'Empty photo');
  const issued = await api.createUpload(blob.type || 'image/jpeg', blob.size, signal);
  if (!issued || !issued.analysisId || !issued.upload || !issued.upload.url) {
    throw new ApiError(codes.internalError, 'Malformed upload target');
  }
  const maxBytes = issued.upload.maxBytes || null;
  if (maxBytes && blob.size > maxBytes) throw tooLarge(maxBytes, 'Photo larger than the target allows');
  await postForm(issued.upload, blob, { onProgress, signal });
  return { analysisId: issued.analysisId, maxBytes };
}

// The service worker: keeps the page shell (index.html and what it links: styles, modules, icons) so the
// page opens from the home screen, also offline. Never API answers, uploads or photos: those are the
// device's data, and a stale one would be wrong. Online it always asks the network first, so a new
// version of the page is seen at once; the cache is only the fallback.

const CACHE = 'moodtunes-shell';
// What the shell is made of, by what asked for it: the page, its modules, styles, icons and manifest. The API's
// answers are fetch() calls and previews are <audio>, so neither is ever handled here, whatever their paths.
const SHELL_DESTINATIONS = ['document', 'script', 'style', 'image', 'manifest', 'font'];

function isShell(request) {
  const url = new URL(request.url);
  return request.method === 'GET' && url.origin === self.location.origin && SHELL_DESTINATIONS.includes(request.destination);
}

/** The shell is whatever index.html links (href / src), read from the page itself: no second list to keep. */
async function shellUrls() {
  const page = await (await fetch('./', { cache: 'no-store' })).text();
  const linked = [...page.matchAll(/\b(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
  return ['./', ...new Set(linked)];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one, not addAll: a linked file that is missing here (qr.svg exists only on the local server)
      // must not keep the worker from installing.
      await Promise.all(
        (await shellUrls()).map(async (url) => {
          const response = await fetch(url, { cache: 'no-store' });
          if (response.ok) await cache.put(url, response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (!isShell(request)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        // Only the shell's own files are refreshed in the cache; other same-origin GETs (qr.svg) pass through.
        if (response.ok && (await cache.match(request))) await cache.put(request, response.clone());
        return response;
      } catch (err) {
        const cached = await cache.match(request, { ignoreSearch: true });
        if (cached) return cached;
        throw err;
      }
    })(),
  );
});

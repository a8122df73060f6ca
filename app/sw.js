// The service worker: makes the playground usable offline after the first visit.
//
// scripts/postbuild.py rewrites the two constants below in dist/sw.js after `trunk build`: the
// site's own files (Trunk's hashed names, relative to this file) and a version derived from
// their contents. Any new build therefore changes this file's bytes, which is how the browser
// notices a new version: it installs the new worker in the background, the page (app/loader.js)
// shows a notice, and the next visit runs the new files.
//
// Strategy: cache first for the precached files (they are immutable: hashed names), network
// first for anything else from this origin, falling back to the cache offline. Nothing is sent
// anywhere but this site.
const VERSION = 'dev';
const PRECACHE = [];

const CACHE = `scim-map-${VERSION}`;
const scopeUrl = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map(scopeUrl)))
      // Take over at once: an open page keeps the code it already runs, the next load uses
      // this version's files.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('scim-map-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  // Navigations (the page itself, with any ?query or #lesson link) are served from the cached
  // index.html; other files by their exact URL.
  const navigate = request.mode === 'navigate';
  const cached = navigate
    ? (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(scopeUrl('./')))
    : await cache.match(request);
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (error) {
    const fallback = await cache.match(request, { ignoreSearch: true });
    if (fallback) return fallback;
    throw error;
  }
}

// Starts the WASM app. Trunk writes the hashed file names into <meta name="trunk-app">
// (see `pattern_script` in Trunk.toml); this module is same-origin, so the page's
// Content-Security-Policy needs no inline script.
//
// Then: removes the static page shell (index.html) once the app has mounted, and registers the
// service worker (sw.js, beside the hashed files, so the site works under any sub-path) that
// keeps the site usable offline; when a new version has been fetched in the background it
// shows a small notice: the new version runs from the next visit.
const meta = document.querySelector('meta[name="trunk-app"]');
const base = new URL(meta.dataset.js, document.baseURI);
const status = document.getElementById('shell-status');
// A page that was loaded without a worker gets one silently; only a replacement is news. The
// new worker takes over at once (sw.js: skipWaiting + clients.claim), which fires
// `controllerchange` here; this page keeps the code it runs, the next visit gets the new files.
const hadController = Boolean(navigator.serviceWorker?.controller);
navigator.serviceWorker?.addEventListener('controllerchange', () => {
  if (hadController) showUpdateNotice();
});

try {
  const { default: init } = await import(meta.dataset.js);
  await init({ module_or_path: meta.dataset.wasm });
  document.getElementById('shell')?.remove();
  // The app has mounted: e2e/hosting.test.mjs and e2e/load-bench.mjs read this mark.
  performance.mark('scim-map:interactive');
} catch (error) {
  if (status) {
    status.textContent = `The playground could not start: ${error}. Reload the page to try again.`;
    status.classList.add('shell-failed');
  }
  throw error;
}

registerServiceWorker();

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker
    .register(new URL('sw.js', base))
    .catch((error) => console.warn('offline use is not available:', error));
}

function showUpdateNotice() {
  if (document.getElementById('update-notice')) return;
  const notice = document.createElement('div');
  notice.id = 'update-notice';
  notice.className = 'update-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = 'A new version of the playground has been downloaded; it is used from your next visit.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload now';
  reload.addEventListener('click', () => location.reload());
  notice.append(reload);
  document.body.append(notice);
}

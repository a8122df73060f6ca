// Starts the WASM app. Trunk writes the hashed file names into <meta name="trunk-app">
// (see `pattern_script` in Trunk.toml); this module is same-origin, so the page's
// Content-Security-Policy needs no inline script.
const meta = document.querySelector('meta[name="trunk-app"]');
const { default: init } = await import(meta.dataset.js);
await init({ module_or_path: meta.dataset.wasm });

// Hosting tests of a built dist/ in Debian's headless Chromium: served under a sub-path, the
// page shell before the WebAssembly, precompressed files, the manifest, offline use through the
// service worker, and the notice when a new version arrives.
//
// Usage: node e2e/hosting.test.mjs DIST PREFIX
//   DIST: a dist/ built with `trunk build --public-url PREFIX` and scripts/postbuild.py
//   PREFIX: the sub-path, e.g. /some/path/
// Prints one line per test and closes with `N passed, M failed`; exits non-zero on any failure.

import { chromium } from 'playwright-core';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { serve } from './static-server.mjs';
import { assert } from './harness.mjs';

const DIST = process.argv[2] ?? 'dist';
const PREFIX = process.argv[3] ?? '/some/path/';
const TIMEOUT = 20_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const server = await serve(DIST, PREFIX);

let passed = 0;
let failed = 0;
async function test(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok      ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED  ${name}\n        ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n        ')}`);
  }
}

async function newPage(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

const interactive = (page) =>
  page.waitForFunction(() => performance.getEntriesByName('scim-map:interactive').length > 0);

await test('served under a sub-path: every request stays under it, the app starts, no errors', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await newPage(context);
  const statuses = [];
  page.on('response', (r) => statuses.push([r.status(), new URL(r.url()).pathname]));
  await page.goto(server.url);
  await interactive(page);
  assert((await page.locator('#shell').count()) === 0, 'the shell is removed once the app mounts');
  assert((await page.locator('body').innerText()).length > 100, 'the app rendered');
  const outside = statuses.filter(([, p]) => !p.startsWith(PREFIX));
  assert(outside.length === 0, `requests outside ${PREFIX}: ${JSON.stringify(outside)}`);
  const bad = statuses.filter(([s]) => s >= 400);
  assert(bad.length === 0, `failed requests: ${JSON.stringify(bad)}`);
  assert(errors.length === 0, `console errors (CSP included): ${errors.join(' | ')}`);
  await context.close();
});

await test('the page shell paints before the WebAssembly arrives', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page } = await newPage(context);
  server.holdWasm();
  try {
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    await page.locator('#shell h1').waitFor({ state: 'visible' });
    const text = await page.locator('#shell').innerText();
    assert(/provisioning playground/i.test(text) && /Loading/.test(text), `shell text: ${text}`);
    await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
    const painted = await page.evaluate(() => performance.getEntriesByName('scim-map:interactive').length);
    assert(painted === 0, 'the app is not interactive while the WASM is held back');
  } finally {
    server.releaseWasm();
  }
  await interactive(page);
  assert((await page.locator('#shell').count()) === 0, 'the shell goes once the app mounts');
  await context.close();
});

await test('every file has .gz and .br copies with the same content', async () => {
  const files = [];
  async function walk(dir) {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!/\.(gz|br)$/.test(e.name)) files.push(p);
    }
  }
  await walk(DIST);
  assert(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('sw.js')), `files: ${files}`);
  for (const f of files) {
    const raw = await readFile(f);
    assert(gunzipSync(await readFile(`${f}.gz`)).equals(raw), `${f}.gz differs`);
    assert(brotliDecompressSync(await readFile(`${f}.br`)).equals(raw), `${f}.br differs`);
  }
});

await test('the web app manifest and its icon load, and the CSP allows them', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await newPage(context);
  await page.goto(server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(manifestUrl)).json();
  assert(manifest.start_url === './' && manifest.display === 'standalone', JSON.stringify(manifest));
  const icon = await page.request.get(new URL(manifest.icons[0].src, manifestUrl).href);
  assert(icon.ok(), `icon ${icon.status()}`);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert(/worker-src 'self'/.test(csp) && /manifest-src 'self'/.test(csp), csp);
  await interactive(page);
  assert(errors.length === 0, errors.join(' | '));
  await context.close();
});

await test('usable offline after the first visit; a new version is announced and used next time', async () => {
  const context = await browser.newContext();
  const { page, errors } = await newPage(context);
  await page.goto(server.url);
  await interactive(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const firstCaches = await page.evaluate(() => caches.keys());
  assert(firstCaches.length === 1, `caches: ${firstCaches}`);

  await context.setOffline(true);
  await page.reload();
  await interactive(page);
  assert((await page.locator('#shell').count()) === 0, 'the app runs offline');
  await context.setOffline(false);

  const version = server.publishNewWorker();
  await page.reload();
  await interactive(page);
  await page.locator('#update-notice').waitFor({ state: 'visible' });
  assert(/next visit/.test(await page.locator('#update-notice').innerText()), 'notice text');
  // The new worker deletes the old cache when it activates; give that a moment to show.
  let caches2 = [];
  for (let i = 0; i < 50; i += 1) {
    caches2 = await page.evaluate(() => caches.keys());
    if (caches2.length === 1) break;
    await page.waitForTimeout(100);
  }
  assert(caches2.length === 1 && caches2[0] === `${firstCaches[0]}-v${version}`, `caches after update: ${caches2}`);

  await context.setOffline(true);
  await page.reload();
  await interactive(page);
  assert((await page.locator('#update-notice').count()) === 0, 'no notice on the next visit');
  assert(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)).length === 0, errors.join(' | '));
  await context.close();
});

await server.close();
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

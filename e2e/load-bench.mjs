// Load figures of a built dist/ in headless Chromium (prints figures, asserts nothing):
// first contentful paint and interactive (the app mounted: loader.js's
// `scim-map:interactive` mark), cold over a throttled 10 Mbit/s, 40 ms link (CDP
// Network.emulateNetworkConditions, browser cache disabled), and warm from the service
// worker's offline cache (the browser offline).
//
// Usage: node e2e/load-bench.mjs DIST [PREFIX] [RUNS]

import { chromium } from 'playwright-core';
import { serve } from './static-server.mjs';

const DIST = process.argv[2] ?? 'dist';
const PREFIX = process.argv[3] ?? '/';
const RUNS = Number(process.argv[4] ?? 5);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const server = await serve(DIST, PREFIX);

const LINK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

async function figures(page) {
  await page.waitForFunction(() => performance.getEntriesByName('scim-map:interactive').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    interactive: performance.getEntriesByName('scim-map:interactive')[0].startTime,
  }));
}

const cold = [];
const warm = [];
for (let i = 0; i < RUNS; i += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  await page.goto(server.url);
  cold.push(await figures(page));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
  // Let the worker finish precaching before going offline.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  warm.push(await figures(page));
  await context.close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const line = (name, runs) =>
  console.log(
    `${name.padEnd(44)} first contentful paint ${median(runs.map((r) => r.fcp)).toFixed(0).padStart(5)} ms   interactive ${median(runs.map((r) => r.interactive)).toFixed(0).padStart(5)} ms   (median of ${runs.length})`,
  );
line('cold, 10 Mbit/s + 40 ms, no HTTP cache', cold);
line('warm, offline, from the service worker', warm);

await server.close();
await browser.close();

// Figures of the Directory view (printed, never asserted): 100k users → summary, and the longest
// main-thread task while the check runs (PerformanceObserver `longtask`, tasks over 50 ms), in
// headless Chromium on the built page.
//
// Usage: node e2e/directory-bench.mjs [BASE_URL]   ($SCIM_MAP: default target/debug/scim-map;
// $RUNS, default 3; $SETTLE_MS, default 3000: how long the view is open before the first click,
// the time an admin takes to pick the file (the worker waiting on standby warms up meanwhile);
// 0 clicks at once; $SCREENSHOT: a PNG of the view after the last run, as docs/directory.png)

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const SCIM_MAP = process.env.SCIM_MAP ?? 'target/debug/scim-map';
const USERS = Number(process.env.USERS ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 3);
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 3000);

const dir = mkdtempSync(join(tmpdir(), 'directory-bench-'));
const file = join(dir, 'users.graph.json');
writeFileSync(file, execFileSync(SCIM_MAP, ['sample-directory', '--users', String(USERS), '--seed', '7'], { maxBuffer: 1 << 30 }));
const mb = statSync(file).size / 1e6;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(BASE_URL);
await page.locator('[data-testid="requests"] [data-testid="request"]').first().waitFor({ state: 'attached' });
await page.evaluate(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: false });
});
await page.locator('[data-testid="mode-directory"]').click();
await page.locator('[data-testid="dir-users"]').setInputFiles(file);
await page.waitForTimeout(SETTLE_MS);

const results = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('[data-testid="dir-run"]').click();
  // The run has started once Cancel shows; it is over when Cancel is gone and a verdict is there.
  // Polls in the page (no main-thread work besides the check).
  await page.locator('[data-testid="dir-cancel"]').waitFor({ state: 'attached', timeout: 60_000 });
  const t1 = await page.waitForFunction(
    () =>
      !document.querySelector('[data-testid="dir-cancel"]') &&
      document.querySelector('[data-testid="dir-verdict"] .muted')
        ? performance.now()
        : false,
    null,
    { timeout: 300_000, polling: 20 },
  ).then((h) => h.jsonValue());
  const worker = await page.locator('[data-testid="dir-verdict"] .muted').innerText();
  const tasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [t0, t1]);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  results.push({ total: t1 - t0, longest, count: tasks.length, worker: worker.trim() });
}
const line = await page.locator('[data-testid="dir-last-line"]').innerText();
console.log(`directory bench: ${USERS.toLocaleString('en')} users, ${mb.toFixed(1)} MB Graph export (${line}); first click ${SETTLE_MS} ms after the view opened`);
for (const [i, r] of results.entries()) {
  console.log(
    `  run ${i + 1}: click → summary ${(r.total / 1000).toFixed(2)} s (worker ${r.worker.replace(/^· /, '')}), ` +
      `main-thread tasks over 50 ms: ${r.count}, longest ${r.longest.toFixed(0)} ms`,
  );
}
const best = Math.min(...results.map((r) => r.total));
console.log(`  best click → summary ${(best / 1000).toFixed(2)} s; longest main-thread task over all runs ${Math.max(...results.map((r) => r.longest)).toFixed(0)} ms (target ≤ 3 s, none > 50 ms)`);
if (process.env.SCREENSHOT) {
  // The README's picture: the view after the last run.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await page.locator('.directory').screenshot({ path: process.env.SCREENSHOT });
}
await browser.close();
rmSync(dir, { recursive: true, force: true });

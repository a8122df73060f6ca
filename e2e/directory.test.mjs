// End-to-end tests of the Directory view (the go-live check over a whole directory, in a Web
// Worker) in the built page (dist/), in Debian's headless Chromium.
//
// Usage: node e2e/directory.test.mjs [BASE_URL]   (default http://127.0.0.1:8766/, or $BASE_URL)
// Serve dist/ first (scripts/test.sh does). The test files are generated here: 100k users by
// `scim-map sample-directory` ($SCIM_MAP, default target/debug/scim-map), the bad ones on the fly.
// Prints one line per test and closes with `N passed, M failed`; exits non-zero on any failure.

import { chromium } from 'playwright-core';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, runTests, summarize, until } from './harness.mjs';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const ORIGIN = new URL(BASE_URL).origin;
const SCIM_MAP = process.env.SCIM_MAP ?? 'target/debug/scim-map';
const TIMEOUT = 15_000;
const RUN_TIMEOUT = 180_000;
const USERS = 100_000;

const dir = mkdtempSync(join(tmpdir(), 'directory-e2e-'));
const big = join(dir, 'users-100k.graph.json');
writeFileSync(big, execFileSync(SCIM_MAP, ['sample-directory', '--users', String(USERS), '--seed', '7'], { maxBuffer: 1 << 30 }));
const small = join(dir, 'users-small.graph.json');
const smallText = execFileSync(SCIM_MAP, ['sample-directory', '--users', '50', '--seed', '3']).toString();
writeFileSync(small, smallText);
const truncated = join(dir, 'truncated.graph.json');
writeFileSync(truncated, smallText.slice(0, Math.floor(smallText.length / 2)));
const wrong = join(dir, 'picture.gif');
writeFileSync(wrong, Buffer.concat([Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00'), Buffer.alloc(64, 0xff)]));
// 200 MB of garbage, written in 8 MB blocks of pseudo-random printable bytes.
const garbage = join(dir, 'garbage.bin');
{
  const fd = openSync(garbage, 'w');
  const block = Buffer.alloc(8 << 20);
  let x = 12345;
  for (let i = 0; i < block.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    block[i] = 33 + (x % 90);
  }
  for (let i = 0; i < 25; i++) writeSync(fd, block);
  closeSync(fd);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
const page = await context.newPage();
page.setDefaultTimeout(TIMEOUT);
const log = { pageErrors: [], consoleErrors: [], requests: [], pageRequests: [], beforeOpen: [] };
page.on('pageerror', (e) => log.pageErrors.push(String(e)));
page.on('console', (m) => m.type() === 'error' && log.consoleErrors.push(m.text()));
// Everything (the service worker's precaching too) for the no-network check; the page's own
// requests (with its dedicated workers) for "not fetched before the view opens".
context.on('request', (r) => log.requests.push(r.url()));
page.on('request', (r) => log.pageRequests.push(r.url()));
await page.goto(BASE_URL);
await page.locator('[data-testid="requests"] [data-testid="request"]').first().waitFor({ state: 'attached' });
log.beforeOpen = [...log.pageRequests];


const $ = (id) => page.locator(`[data-testid="${id}"]`);
const lastLine = () => $('dir-last-line').innerText();
const count = async () => Number((await $('dir-count').innerText()).replace(/[^0-9]/g, ''));

/** Picks `files` as the users files and runs the check; waits for a result or an error. */
async function run(files) {
  await $('dir-users').setInputFiles(files);
  const before = (await $('dir-last-line').count()) ? await lastLine() : '';
  const errorsBefore = (await $('dir-error').count()) ? await $('dir-error').innerText() : '';
  await $('dir-run').click();
  await until(async () => {
    if (await $('dir-run').isDisabled()) return false;
    const err = (await $('dir-error').count()) ? await $('dir-error').innerText() : '';
    return err !== errorsBefore || (await $('dir-last-line').count() && (await lastLine()) !== before) || err;
  }, `the run of ${files}`, RUN_TIMEOUT);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

/** The directory worker and the preparers it starts (all from the same script). */
const directoryWorkers = () => page.workers().filter((w) => w.url().includes('directory-worker'));

test('the worker is not fetched before the Directory view opens, then one waits on standby', async () => {
  assert(!log.beforeOpen.some((u) => u.includes('directory-worker')), `fetched early: ${log.beforeOpen.join(', ')}`);
  await $('mode-directory').click();
  await $('directory').waitFor();
  assert(await page.locator('main.workspace').isHidden(), 'the playground is hidden');
  await until(async () => directoryWorkers().length >= 1, 'a worker on standby once the view is open');
});

/** Preparers a run starts: one per core, 2 to 4; none on one core. */
const preparers = async () => {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return cores >= 2 ? Math.min(cores, 4) : 0;
};

let firstLine = '';
test(`${USERS.toLocaleString('en')} users → summary, charts and a virtualized table`, async () => {
  const started = Date.now();
  await run(big);
  firstLine = await lastLine();
  const timing = await page.locator('[data-testid="dir-verdict"] .muted').innerText();
  console.log(`       ${firstLine} (${Date.now() - started} ms click → summary, incl. worker start${timing})`);
  const k = await preparers();
  assert(k === 0 || timing.includes(`by ${k} workers`), `prepared by ${k} workers: ${timing}`);
  const m = firstLine.match(/^(\d+) users: (\d+) create, (\d+) update, (\d+) unchanged, (\d+) out of scope, (\d+) fail$/);
  assert(m, `last line: ${firstLine}`);
  assert(Number(m[1]) === USERS, `users: ${m[1]}`);
  assert(m.slice(2).reduce((a, b) => a + Number(b), 0) === USERS, 'the outcomes add up');
  assert(Number(m[6]) > 0, 'the sample has failures');
  assert((await page.locator('.dir-chart svg rect').count()) >= 6, 'bars drawn');
  await until(async () => (await count()) === USERS, 'the table counts every user');
  const rows = await $('dir-row').count();
  assert(rows > 5 && rows < 200, `only the rows near the viewport are in the DOM (${rows})`);
  // Scroll to the middle: the rows there arrive, still few in the DOM.
  await page.locator('.dir-scroller').evaluate((el) => (el.scrollTop = 30 * 50_000));
  await until(async () => {
    const indexes = await $('dir-row').evaluateAll((els) => els.map((e) => Number(e.dataset.index)));
    return indexes.includes(50_000) && indexes.length < 200;
  }, 'row 50,000 after scrolling');
});

test('the summary is the CLI\'s for the same file and the page\'s default options', async () => {
  // The page's defaults: the genesys-default mappings, assigned users (no groups given),
  // region US, the Genesys groups "Sales Agents" and "Support".
  const cli = spawnSync(SCIM_MAP, ['check', '--users', big, '--region', 'US', '--genesys-groups', 'Sales Agents,Support'], { maxBuffer: 1 << 26 });
  assert(cli.status === 0 || cli.status === 1, `scim-map check exit ${cli.status}: ${cli.stderr}`);
  const cliLine = cli.stdout.toString().trimEnd().split('\n').pop();
  assert(cliLine === firstLine, `page: ${firstLine} | CLI: ${cliLine}`);
});

test('filter by outcome and finding, search, sort', async () => {
  await $('dir-filter-outcome').selectOption('fail');
  const fails = Number(firstLine.match(/(\d+) fail$/)[1]);
  await until(async () => (await count()) === fails, `${fails} failing users`);
  await until(async () => {
    const outcomes = await $('dir-row').evaluateAll((els) => els.map((e) => e.dataset.outcome));
    return outcomes.length > 0 && outcomes.every((o) => o === 'fail');
  }, 'only failing rows');
  // The most frequent finding (the second chart's first bar): as many users as the bar says.
  await $('dir-filter-outcome').selectOption('');
  const bar = page.locator('.dir-chart').nth(1).locator('g.bar-row').first();
  const code = await bar.getAttribute('data-label');
  const users = Number((await bar.locator('.bar-value').textContent()).split(' ')[0]);
  await $('dir-filter-code').selectOption(code);
  await until(async () => (await count()) === users, `${users} users with ${code}`);
  await until(async () => {
    const texts = await page.locator('[data-testid="dir-row"] .cell-codes').allInnerTexts();
    return texts.length > 0 && texts.every((t) => t.split(' ').includes(code));
  }, `every row has ${code}`);
  await $('dir-filter-code').selectOption('');
  await $('dir-filter-outcome').selectOption('');
  await until(async () => (await count()) === USERS, 'filters cleared');
  const name = await page.locator('[data-testid="dir-row"] .cell-user').first().innerText();
  await $('dir-search').fill(name);
  await until(async () => {
    const c = await count();
    const first = await page.locator('[data-testid="dir-row"] .cell-user').first().innerText();
    return c >= 1 && c < 50 && first.toLowerCase().includes(name.toLowerCase());
  }, `search for ${name}`);
  await $('dir-search').fill('');
  await $('dir-sort').selectOption('userName');
  await $('dir-sort-descending').check();
  await until(async () => {
    const names = await page.locator('[data-testid="dir-row"] .cell-user').allInnerTexts();
    const sorted = [...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : a.toLowerCase() > b.toLowerCase() ? -1 : 0));
    return names.length > 5 && names.join() === sorted.join() && (await count()) === USERS;
  }, 'sorted by userName, descending');
  await $('dir-sort').selectOption('position');
  await $('dir-sort-descending').uncheck();
});

/** Clears the table's filters, search and sort (a failed test must not leave them). */
async function resetTable() {
  await $('dir-filter-outcome').selectOption('');
  await $('dir-filter-code').selectOption('');
  await $('dir-search').fill('');
  await $('dir-sort').selectOption('position');
  await $('dir-sort-descending').uncheck();
}

test('clicking a user opens them in the playground with the same mappings', async () => {
  await resetTable();
  await until(async () => (await count()) === USERS, 'all users listed');
  // A user far into the file: the page reads the user's JSON again from its place in the file.
  const name = 'user87654@contoso.example';
  await $('dir-search').fill(name);
  const row = $('dir-row').first();
  await until(async () => (await count()) < USERS && (await row.locator('.cell-user').innerText()) === name, `${name} found`);
  await row.click();
  await until(async () => await page.locator('main.workspace').isVisible(), 'the playground');
  await page.locator('#setup-tab-user').click();
  const json = JSON.parse(await page.locator('#user-json').inputValue());
  assert(json.userPrincipalName === name, `the user ${name} is in the editor: ${json.userPrincipalName}`);
  await until(async () => (await page.locator('[data-testid="requests"] [data-testid="request"]').count()) > 0 || (await page.locator('[data-testid="problems"]').count()) > 0, 'previewed');
  await $('mode-directory').click();
  assert((await lastLine()) === firstLine, 'the result is still there');
});

test('export CSV, JSON and Markdown through the core writers', async () => {
  for (const [kind, check] of [
    ['csv', (t) => {
      const lines = t.trimEnd().split('\n');
      assert(lines[0].startsWith('id,userName,displayName,inScope,outcome'), `CSV header: ${lines[0]}`);
      assert(lines.length >= USERS + 1, `CSV rows: ${lines.length}`);
    }],
    ['json', (t) => {
      const j = JSON.parse(t);
      assert(j.users.length === USERS, `JSON users: ${j.users.length}`);
      assert(j.summary.users === USERS, 'JSON summary');
    }],
    ['markdown', (t) => {
      assert(t.startsWith('# Go-live check'), `Markdown: ${t.slice(0, 80)}`);
      assert(t.includes(String(USERS)), 'Markdown counts the users');
    }],
  ]) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: RUN_TIMEOUT }), $(`dir-export-${kind}`).click()]);
    const path = await download.path();
    check(readFileSync(path, 'utf8'));
  }
});

test('cancel a run: the worker stops, the last result stays', async () => {
  await resetTable();
  await $('dir-users').setInputFiles(big);
  await $('dir-run').click();
  await until(async () => (await $('dir-status').innerText()).includes('users'), 'progress shown');
  const progress = await $('dir-status').innerText();
  assert(/\d+ users · [\d.]+ of [\d.]+ MB/.test(progress), `progress: ${progress}`);
  // The worker keeping the last result, the running one (the standby, taken) and its preparers.
  const k = await preparers();
  await until(async () => directoryWorkers().length === 2 + k, `${2 + k} directory workers while running`);
  const closed = new Set();
  for (const w of directoryWorkers()) w.once('close', () => closed.add(w));
  await $('dir-cancel').click();
  await $('dir-cancelled').waitFor();
  // Terminating the running worker ends the preparers it started; the one keeping the result
  // lives on, and a new worker with its own preparers waits on standby for the next run.
  await until(async () => closed.size === 1 + k, `the running worker and its ${k} preparers ended`);
  await until(async () => directoryWorkers().length === 2 + k, 'the kept worker and a standby left');
  assert((await lastLine()) === firstLine, 'the last result is kept');
  assert(!(await $('dir-run').isDisabled()), 'ready for another run');
  await until(async () => (await count()) === USERS, 'the kept worker still answers the table');
});

for (const [what, file, expect] of [
  ['wrong format', wrong, /picture\.gif:1:1 \(byte 0\): not a user export/],
  ['truncated JSON', truncated, /truncated\.graph\.json:\d+:\d+/],
  ['200 MB of garbage', garbage, /garbage\.bin:1:1 \(byte 0\): not a user export/],
]) {
  test(`bad file (${what}) → an error with file and position; the page alive, the result kept`, async () => {
    const started = Date.now();
    await run(file);
    const error = await $('dir-error').innerText();
    assert(expect.test(error), `error: ${error}`);
    assert(error.includes('the last result is kept'), 'says the result is kept');
    assert((await lastLine()) === firstLine, 'the last result is kept');
    await until(async () => (await count()) === USERS, 'the table still answers');
    console.log(`       ${error.slice(0, 140)} (${Date.now() - started} ms)`);
  });
}

test('a small file replaces the result; the table starts over', async () => {
  await run(small);
  await until(async () => (await lastLine()).startsWith('50 users:'), 'the new result');
  await until(async () => (await count()) === 50, 'the new table');
  assert(await $('dir-error').count() === 0, 'no error left');
});

test('no request leaves the page, with files loaded', async () => {
  const foreign = log.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== ORIGIN);
  assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
  const own = log.requests.filter((u) => !u.startsWith('blob:')).map((u) => new URL(u).pathname);
  assert(own.every((p) => p === '/' || /^\/[\w.-]+\.(js|wasm|css|svg|html|webmanifest)$/.test(p)), `unexpected requests: ${own.join(', ')}`);
  assert(log.pageRequests.some((u) => u.includes('directory-worker')), 'the worker was fetched from the page’s own files');
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  assert(log.consoleErrors.length === 0, `console errors: ${log.consoleErrors.join(' | ')}`);
});

const results = await runTests(tests);
await browser.close();
rmSync(dir, { recursive: true, force: true });
summarize(results);
process.exit(process.exitCode);

// End-to-end tests of Learn and Connect in the built playground (dist/), in headless Chromium.
//
// Usage: node e2e/learn.test.mjs [BASE_URL]   (default http://127.0.0.1:8766/, or $BASE_URL)
// Serve dist/ first, e.g. `python3 -m http.server 8766 --bind 127.0.0.1 --directory dist`.
// Prints one line per test and closes with `N passed, M failed`; exits non-zero on any failure.
// LESSON_SCREENSHOT, when set, receives a screenshot of a solved lesson (docs/lesson.png).

import { chromium } from 'playwright-core';
import { inflateRawSync } from 'node:zlib';
import { assert, runTests, summarize, until } from './harness.mjs';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const ORIGIN = new URL(BASE_URL).origin;
const TIMEOUT = 15_000;
const LESSON = 'number-and-extension';
// The fix the lesson teaches: Switch on the extension, with "" as the key for "no extension".
const FIX =
  'Switch(StripSpaces([extensionAttribute1]), Join(";ext=", Append("tel:", StripSpaces([telephoneNumber])), StripSpaces([extensionAttribute1])), "", StripSpaces([telephoneNumber]))';

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** Opens `url` in a fresh context (fresh storage) and records errors and requests. */
async function openPage(url = BASE_URL, { height = 900 } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height },
    colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const log = { pageErrors: [], requests: [] };
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(url);
  await page.locator('.page-header [data-testid="mode-playground"]').waitFor();
  return { page, log, close: () => context.close() };
}


const solvedState = (page) => page.locator('[data-testid="lesson-check"]').getAttribute('data-solved');
const hints = (page) => page.locator('[data-testid="hint"]').count();
const progressText = (page) => page.locator('[data-testid="lesson-progress"]').innerText();
const solvedMark = (page, id) => page.locator(`[data-testid="lesson-item"][data-lesson="${id}"] [data-testid="solved-mark"]`).innerText();

/** The expression box of the mapping row whose target contains `text`. */
async function expressionFor(page, text) {
  const index = await until(
    () =>
      page.evaluate((t) => {
        const rows = [...document.querySelectorAll('.mapping-row')];
        const i = rows.findIndex((r) => r.querySelector('.target-input')?.value.includes(t));
        return i >= 0 ? String(i) : null;
      }, text),
    `the row writing ${text}`,
  );
  return page.locator(`.mapping-row[data-row="${index}"] textarea.editor-input`);
}

/** Every value in localStorage and sessionStorage, as one text. */
const storageText = (page) =>
  page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)).join('\n'),
  );

/** The JSON inside a share link (`#s=` + base64url raw deflate). */
function shareLinkJson(link) {
  const payload = new URL(link).hash.replace(/^#s=/, '');
  return inflateRawSync(Buffer.from(payload, 'base64url')).toString('utf8');
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('a lesson link opens the lesson; it fails, hints come one at a time, typing the fix solves it, progress survives reload', async () => {
  const { page, log, close } = await openPage(`${BASE_URL}#lesson=${LESSON}`);
  await page.locator(`[data-testid="lesson"][data-lesson="${LESSON}"]`).waitFor();
  assert((await page.locator('[data-testid="mode-learn"]').getAttribute('aria-pressed')) === 'true', 'Learn mode is on');
  assert(!page.url().includes('#lesson='), `the link is taken out of the address: ${page.url()}`);
  // The starting setup is in the playground's editors, with real requests, and the check fails.
  await page.locator('[data-testid="requests"] [data-testid="request"]').first().waitFor({ state: 'attached' });
  await until(async () => (await solvedState(page)) === 'false', 'the check fails at the start');
  const failing = await page.locator('[data-testid="condition"][data-passed="false"]').count();
  assert(failing >= 1, 'a condition fails');
  assert((await page.locator('[data-testid="explanation"]').count()) === 0, 'no explanation before solving');
  // Hints: one at a time.
  assert((await hints(page)) === 0, 'no hint shown at first');
  await page.locator('[data-testid="hint-button"]').click();
  await until(async () => (await hints(page)) === 1, 'one hint');
  await page.locator('[data-testid="hint-button"]').click();
  await until(async () => (await hints(page)) === 2, 'two hints');
  // Reset puts the start back after a stray edit.
  const box = await expressionFor(page, 'work2');
  const start = await box.inputValue();
  await box.fill('nonsense(');
  await page.locator('[data-testid="lesson-reset"]').click();
  await until(async () => (await (await expressionFor(page, 'work2')).inputValue()) === start, 'reset to the start');
  // The fix, typed into the expression editor.
  const fixBox = await expressionFor(page, 'work2');
  await fixBox.fill('');
  await fixBox.pressSequentially(FIX.slice(0, 20));
  await fixBox.fill(FIX);
  await until(async () => (await solvedState(page)) === 'true', 'solved after the fix');
  assert((await page.locator('[data-testid="condition"][data-passed="false"]').count()) === 0, 'every condition passes');
  const explanation = await page.locator('[data-testid="explanation"]').innerText();
  assert(/Sources/.test(explanation), `explanation with sources: ${explanation.slice(0, 200)}`);
  await until(async () => (await solvedMark(page, LESSON)) === '✓', 'the lesson is marked solved');
  assert((await progressText(page)).startsWith('1 of 12'), await progressText(page));
  if (process.env.LESSON_SCREENSHOT) {
    await page.setViewportSize({ width: 1280, height: 1180 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: process.env.LESSON_SCREENSHOT });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  // Reload: Learn reopens the lesson, solved and with its two hints.
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator(`[data-testid="lesson"][data-lesson="${LESSON}"]`).waitFor();
  await until(async () => (await hints(page)) === 2, 'hints kept after reload');
  assert((await solvedMark(page, LESSON)) === '✓', 'solved kept after reload');
  assert((await progressText(page)).startsWith('1 of 12'), 'progress kept after reload');
  // The playground's own setup was put aside, not overwritten.
  await page.locator('[data-testid="mode-playground"]').click();
  await until(async () => (await page.locator('.mapping-row').count()) === 10, 'the playground setup is back');
  const post = await page.locator('[data-testid="requests"] [data-method="POST"] [data-testid="request-body"]').innerText();
  assert(post.includes('priya.raman@contoso.com'), 'the playground user is back');
  assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
  assert(log.requests.every((u) => u.startsWith(ORIGIN)), `only the page's own files: ${log.requests.filter((u) => !u.startsWith(ORIGIN))}`);
  await close();
});

test('the list opens lessons, next lesson follows, an unknown lesson link says so', async () => {
  const { page, log, close } = await openPage(`${BASE_URL}#lesson=no-such-lesson`);
  await until(async () => (await page.locator('[data-testid="notice"]').allInnerTexts()).some((t) => t.includes('no-such-lesson')), 'the notice');
  assert((await page.locator('[data-testid="lesson-item"]').count()) === 12, 'twelve lessons listed');
  await page.locator('[data-testid="lesson-item"]').first().click();
  const first = await page.locator('[data-testid="lesson"]').getAttribute('data-lesson');
  await page.locator('[data-testid="lesson-next"]').click();
  await until(async () => (await page.locator('[data-testid="lesson"]').getAttribute('data-lesson')) !== first, 'the next lesson');
  await until(async () => (await solvedState(page)) === 'false', 'the next lesson starts unsolved');
  const link = await page.locator('[data-testid="lesson-link"]').innerText();
  assert(link.includes('#lesson='), `a link to hand out: ${link}`);
  assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
  await close();
});

test('Connect: the curl command follows region and client id; the secret is in no storage and no share link; no requests', async () => {
  const { page, log, close } = await openPage();
  await page.locator('[data-testid="requests"] [data-testid="request"]').first().waitFor({ state: 'attached' });
  // The page's own files (the favicon comes last), then nothing.
  await page.waitForLoadState('networkidle');
  const loaded = log.requests.length;
  await page.locator('[data-testid="mode-connect"]').click();
  await page.locator('#region').selectOption('api.mypurecloud.de');
  const curl = () => page.locator('[data-testid="curl"]').innerText();
  await until(async () => (await curl()).includes("'https://login.mypurecloud.de/oauth/token'"), 'Frankfurt login host');
  await page.locator('#client-id').fill('a1b2c3-client');
  await until(async () => (await curl()).includes("'a1b2c3-client:<client-secret>'"), 'client id in the command');
  const secret = 'Sup3r-S3cret-value-xyz';
  const field = page.locator('#client-secret');
  assert((await field.getAttribute('type')) === 'password', 'the secret is hidden');
  assert((await field.getAttribute('autocomplete')) === 'off', 'no autofill');
  await field.pressSequentially(secret);
  await until(async () => (await curl()).includes(`'a1b2c3-client:${secret}'`), 'the secret fills the command');
  await page.locator('[data-testid="show-secret"]').check();
  assert((await field.getAttribute('type')) === 'text', 'show toggle');
  assert((await page.locator('[data-testid="probe"]').count()) === 2, 'Test Connection probes');
  assert((await page.locator('[data-testid="connect-tenant-url"]').innerText()).includes('api.mypurecloud.de'), 'Tenant URL');
  assert((await page.locator('[data-testid="failure"]').count()) >= 3, 'usual failures');
  // A change after the secret was typed is saved; the secret is not.
  await page.locator('#region').selectOption('api.mypurecloud.ie');
  await until(async () => (await curl()).includes('login.mypurecloud.ie'), 'Dublin');
  await until(async () => (await storageText(page)).includes('api.mypurecloud.ie'), 'the setup is saved');
  await page.locator('[data-testid="share"]').click();
  const link = await until(async () => page.locator('[data-testid="share-link"]').inputValue(), 'share link');
  const shared = shareLinkJson(link);
  assert(shared.includes('api.mypurecloud.ie'), 'the link holds the setup');
  const storage = await storageText(page);
  for (const where of [storage, shared, link, page.url()]) {
    assert(!where.includes(secret) && !where.includes('a1b2c3-client'), `secret or id stored: ${where.slice(0, 200)}`);
  }
  // Leaving Connect forgets the secret.
  await page.locator('[data-testid="mode-playground"]').click();
  await page.locator('[data-testid="mode-connect"]').click();
  assert((await page.locator('#client-secret').inputValue()) === '', 'the secret is forgotten');
  // Chromium fetches the favicon again when the address changes (the share link); nothing else.
  const later = log.requests.slice(loaded).filter((u) => !/\/favicon-[0-9a-f]+\.svg$/.test(u));
  assert(later.length === 0, `no requests after loading: ${later}`);
  assert(log.requests.every((u) => u.startsWith(ORIGIN)), 'only the page\'s own files');
  assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
  await close();
});

const results = await runTests(tests);
await browser.close();
summarize(results);

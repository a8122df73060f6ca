// End-to-end tests of the built playground (dist/) in Debian's headless Chromium.
//
// Usage: node e2e/playground.test.mjs [BASE_URL]   (default http://127.0.0.1:8766/, or $BASE_URL)
// Serve dist/ first, e.g. `python3 -m http.server 8766 --bind 127.0.0.1 --directory dist`.
// Prints one line per test and closes with `N passed, M failed`; exits non-zero on any failure.
// Set SCREENSHOT=path to change where the screenshot goes (default /tmp/playground.png).

import { chromium } from 'playwright-core';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const SCREENSHOT = process.env.SCREENSHOT ?? '/tmp/playground.png';
const ORIGIN = new URL(BASE_URL).origin;
const TIMEOUT = 15_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

/** Opens a fresh page and records everything the tests check for. */
async function openPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const log = { pageErrors: [], consoleErrors: [], consoleWarnings: [], requests: [], dialogs: [] };
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
    if (m.type() === 'warning') log.consoleWarnings.push(m.text());
  });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(BASE_URL);
  // The app is mounted once the expression box exists and a result has been computed.
  await page.locator('#expr').waitFor();
  await page.locator('#result-value[data-outcome]').waitFor();
  return { page, log, close: () => context.close() };
}

const text = (page, selector) => page.locator(selector).innerText();

/** Waits until `fn()` returns a truthy value (polling), or throws with `what`. */
async function until(fn, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`);
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function resultIs(page, expected) {
  await until(async () => (await text(page, '#result-value')).trim() === expected, `#result-value = ${JSON.stringify(expected)}`);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('the page loads with no page errors, no console errors and no CSP violation', async () => {
  const { page, log, close } = await openPage();
  // Let the initial render and any late errors arrive.
  await page.waitForTimeout(300);
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  assert(log.consoleErrors.length === 0, `console errors: ${log.consoleErrors.join(' | ')}`);
  const csp = [...log.consoleErrors, ...log.consoleWarnings].filter((m) => /Content Security Policy/i.test(m));
  assert(csp.length === 0, `CSP messages: ${csp.join(' | ')}`);
  assert(log.consoleWarnings.length === 0, `console warnings: ${log.consoleWarnings.join(' | ')}`);
  // The initial expression is StripSpaces([telephoneNumber]) on the sample user.
  await resultIs(page, '+13178723000');
  assert((await page.locator('#expr').inputValue()) === 'StripSpaces([telephoneNumber])', 'initial expression');
  assert((await text(page, 'body')).includes('Runs entirely in your browser'), 'privacy statement');
  assert((await page.locator('#trace li').count()) >= 2, 'trace rows');
  // Every control has an accessible label.
  for (const id of ['expr', 'user', 'examples']) {
    const labelled = await page.evaluate((id) => document.getElementById(id).labels.length > 0, id);
    assert(labelled, `#${id} has a label`);
  }
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await close();
});

test('the controls are reachable with the keyboard, in order', async () => {
  const { page, close } = await openPage();
  await page.locator('body').focus();
  const order = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  assert(JSON.stringify(order) === JSON.stringify(['examples', 'expr', 'Reset sample user', 'user']), `tab order ${order}`);
  // Typing into the focused box works like any text field.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('[department]');
  await resultIs(page, 'Customer Care');
  await close();
});

test('typing an expression updates the result live', async () => {
  const { page, close } = await openPage();
  await page.locator('#expr').fill('');
  await page.locator('#expr').pressSequentially('Append([mail], ".test")');
  await resultIs(page, 'ada.lovelace@contoso.com.test');
  // Editing one character at a time keeps the text (no reset of the textarea while typing).
  await page.locator('#expr').press('End');
  await page.locator('#expr').press('Backspace');
  await until(async () => (await text(page, '#result-value')).includes('error'), 'an unclosed call is reported');
  assert((await page.locator('#expr').inputValue()) === 'Append([mail], ".test"', 'typed text kept');
  await page.locator('#expr').press('End');
  await page.locator('#expr').pressSequentially(')');
  await resultIs(page, 'ada.lovelace@contoso.com.test');
  await close();
});

test('the examples list loads an example expression', async () => {
  const { page, close } = await openPage();
  await page.locator('#examples').selectOption({ index: 3 });
  await until(async () => (await page.locator('#expr').inputValue()).startsWith('Join(";ext="'), 'example loaded');
  await resultIs(page, 'tel:;ext=105');
  await close();
});

test('a syntax error shows a positioned message and highlights the span', async () => {
  const { page, close } = await openPage();
  await page.locator('#expr').fill('Join(",", [mail], "x)');
  const diag = page.locator('#diagnostics .diagnostic.error').first();
  await diag.waitFor();
  const message = await diag.innerText();
  assert(/\b1:\d+\b/.test(message), `position in ${JSON.stringify(message)}`);
  const mark = await diag.locator('mark').innerText();
  assert(mark.length > 0 && '"x)'.startsWith(mark.trim().slice(0, 1)), `marked span ${JSON.stringify(mark)}`);
  assert((await page.locator('#result-value').getAttribute('data-outcome')) === 'not-evaluated', 'not evaluated');
  // A misspelt function: a check error with help.
  await page.locator('#expr').fill('Jion(",", [mail])');
  await until(async () => (await text(page, '#diagnostics')).includes('Join'), 'did-you-mean help');
  assert((await page.locator('#diagnostics mark').first().innerText()) === 'Jion', 'marks the name');
  await close();
});

test('malformed user JSON shows a positioned error; the expression evaluates once it is fixed', async () => {
  const { page, close } = await openPage();
  await page.locator('#expr').fill('Not([IsSoftDeleted])');
  await resultIs(page, 'True');
  const good = await page.locator('#user').inputValue();
  const bad = good.replace('"IsSoftDeleted": "False",', '"IsSoftDeleted": "False"');
  assert(bad !== good, 'the sample has IsSoftDeleted');
  await page.locator('#user').fill(bad);
  await until(async () => /^\d+:\d+$/.test(await text(page, '#user-error .position')), 'positioned JSON error');
  assert((await page.locator('#user-error .message').innerText()).includes('not valid JSON'), 'JSON error message');
  assert((await page.locator('#user').getAttribute('aria-invalid')) === 'true', 'aria-invalid');
  // The expression box keeps working meanwhile: its own errors still show.
  await page.locator('#expr').fill('Not([IsSoftDeleted]');
  await page.locator('#diagnostics .diagnostic.error').waitFor();
  await page.locator('#expr').fill('Not([IsSoftDeleted])');
  await until(async () => (await page.locator('#diagnostics .diagnostic').count()) === 0, 'expression error gone');
  await page.locator('#user').fill(good.replace('"IsSoftDeleted": "False"', '"IsSoftDeleted": "True"'));
  await resultIs(page, 'False');
  assert((await text(page, '#user-error')).trim() === '', 'JSON error cleared');
  await close();
});

test('Not([IsSoftDeleted]) with the sample user gives True', async () => {
  const { page, close } = await openPage();
  await page.locator('#examples').selectOption({ index: 1 });
  await until(async () => (await page.locator('#expr').inputValue()) === 'Not([IsSoftDeleted])', 'example loaded');
  await resultIs(page, 'True');
  const trace = await text(page, '#trace');
  assert(trace.includes('Not') && trace.includes('[IsSoftDeleted]'), `trace: ${trace}`);
  await close();
});

test('the IIF example explains the condition check or flows', async () => {
  const { page, close } = await openPage();
  await page.locator('#examples').selectOption({ index: 4 });
  await until(async () => (await page.locator('#expr').inputValue()).startsWith('IIF('), 'example loaded');
  await resultIs(page, 'tel:+13178723000;ext=105');
  // Without an extension, IIF's condition reads a null attribute: Entra's condition check fails.
  const user = await page.locator('#user').inputValue();
  await page.locator('#user').fill(user.replace('"extensionAttribute1": "105",', ''));
  await until(
    async () => (await page.locator('#result-value').getAttribute('data-outcome')) !== 'flows',
    'outcome changes',
  );
  const outcome = await page.locator('#result-value').getAttribute('data-outcome');
  if (outcome === 'condition-fails') {
    const failures = await text(page, '[data-testid="condition-failures"]');
    assert(failures.includes('[extensionAttribute1]'), `names the attribute: ${failures}`);
  }
  await close();
});

test('a 1,000-deep expression evaluates; 1,001 deep gives the nesting error', async () => {
  const { page, log, close } = await openPage();
  const deep = (n) => 'Not('.repeat(n) + '[IsSoftDeleted]' + ')'.repeat(n);
  assert(deep(1000).length < 10_000, 'under the length limit');
  await page.locator('#expr').fill(deep(1000));
  await resultIs(page, 'False');
  assert((await page.locator('#trace li').count()) === 1001, 'a trace row per node');
  await page.locator('#expr').fill(deep(1001));
  await page.locator('#diagnostics .diagnostic.error').waitFor();
  const message = await text(page, '#diagnostics');
  assert(/nest|deep/i.test(message), `nesting error: ${message.slice(0, 300)}`);
  assert((await page.locator('#result-value').getAttribute('data-outcome')) === 'not-evaluated', 'not evaluated');
  // And the page still works afterwards.
  await page.locator('#expr').fill('Not([IsSoftDeleted])');
  await resultIs(page, 'True');
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  await close();
});

test('no network request leaves the page’s own origin', async () => {
  const { page, log, close } = await openPage();
  await page.locator('#expr').fill('Join(",", [proxyAddresses])');
  await page.locator('#examples').selectOption({ index: 2 });
  await page.waitForTimeout(300);
  const foreign = log.requests.filter((u) => new URL(u).origin !== ORIGIN);
  assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
  assert(log.requests.length > 0, 'saw the page’s own requests');
  // And the page itself cannot connect anywhere else (CSP connect-src).
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/');
      return false;
    } catch {
      return true;
    }
  });
  assert(blocked, 'fetch to another origin is refused');
  await close();
});

test('markup typed into the expression or the user JSON renders as text', async () => {
  const { page, log, close } = await openPage();
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
  const countElements = () => page.evaluate(() => document.querySelectorAll('script, img, iframe, object').length);
  const before = await countElements();
  for (const p of payloads) {
    // As expression text: a syntax error whose excerpt shows the text.
    await page.locator('#expr').fill(p);
    await page.locator('#diagnostics .diagnostic.error').waitFor();
    assert((await text(page, '#diagnostics')).includes(p.slice(0, 6)), `excerpt shows ${p}`);
    // Inside a string literal: flows as a value.
    await page.locator('#expr').fill(`Append([displayName], "${p}")`);
    await resultIs(page, `Ada Lovelace${p}`);
    // As a user attribute value.
    await page.locator('#expr').fill('[jobTitle]');
    const user = await page.locator('#user').inputValue();
    await page.locator('#user').fill(user.replace('"Contact Center Agent"', JSON.stringify(p)));
    await resultIs(page, p);
    assert((await text(page, '#trace')).includes(p), 'trace shows the text');
    await page.getByRole('button', { name: 'Reset sample user' }).click();
    await resultIs(page, 'Contact Center Agent');
  }
  await page.waitForTimeout(200);
  assert(log.dialogs.length === 0, `dialogs: ${log.dialogs.join(', ')}`);
  assert((await countElements()) === before, 'no new script/img elements');
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  await close();
});

let passed = 0;
let failed = 0;
for (const { name, fn } of tests) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok     ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED ${name} (${Date.now() - started} ms)\n       ${String(e?.stack ?? e).split('\n').join('\n       ')}`);
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

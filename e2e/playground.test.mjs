// End-to-end tests of the built playground (dist/) in Debian's headless Chromium.
//
// Usage: node e2e/playground.test.mjs [BASE_URL]   (default http://127.0.0.1:8766/, or $BASE_URL)
// Serve dist/ first, e.g. `python3 -m http.server 8766 --bind 127.0.0.1 --directory dist`.
// Prints one line per test and closes with `N passed, M failed`; exits non-zero on any failure.
// SCREENSHOT_DIR (default /tmp) receives playground-{light,dark}-{1280,1440}.png;
// README_SCREENSHOT, when set, receives the light 1280 screenshot (docs/playground.png).

import { chromium } from 'playwright-core';
import { assert, runTests, summarize, until } from './harness.mjs';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp';
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

/** Opens a fresh page (fresh storage unless `context` is given) and records what tests check. */
async function openPage({ url = BASE_URL, width = 1280, colorScheme = 'light', context } = {}) {
  const ctx =
    context ??
    (await browser.newContext({
      viewport: { width, height: 900 },
      colorScheme,
      permissions: ['clipboard-read', 'clipboard-write'],
      acceptDownloads: true,
    }));
  const page = await ctx.newPage();
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
  await page.goto(url);
  await ready(page);
  return { page, log, context: ctx, close: () => ctx.close() };
}

/** The app is mounted and has computed its first results. */
async function ready(page) {
  await page.locator('[data-testid="requests"] [data-testid="request"]').first().waitFor({ state: 'attached' });
}


const postBody = (page) =>
  page.locator('[data-testid="requests"] [data-method="POST"] [data-testid="request-body"]').innerText();
const rowOf = (page, n) => page.locator(`.mapping-row[data-row="${n - 1}"]`);
const expressionOf = (page, n) => rowOf(page, n).locator('textarea.editor-input');
async function tab(page, group, id) {
  await page.locator(`#${group}-tab-${id}`).click();
  await page.locator(`#${group}-panel-${id}`).waitFor({ state: 'visible' });
}
async function setUserJson(page, text, id = 'user-json') {
  await tab(page, 'setup', id === 'user-json' ? 'user' : 'before');
  await page.locator(`#${id}`).fill(text);
}

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('loads with the Genesys preset: POST shown, no errors, no CSP violation, private', async () => {
  const { page, log, close } = await openPage();
  await page.waitForTimeout(300);
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  assert(log.consoleErrors.length === 0, `console errors: ${log.consoleErrors.join(' | ')}`);
  const csp = [...log.consoleErrors, ...log.consoleWarnings].filter((m) => /Content Security Policy/i.test(m));
  assert(csp.length === 0, `CSP messages: ${csp.join(' | ')}`);
  const body = await postBody(page);
  assert(body.includes('"userName": "priya.raman@contoso.com"'), `POST body: ${body.slice(0, 300)}`);
  assert(body.includes('"value": "+13178723000"'), 'work phone in the POST');
  assert((await page.locator('.mapping-row').count()) === 10, 'ten rows');
  assert((await page.locator('[data-testid="privacy"]').innerText()).includes('nothing you paste or type is sent anywhere'.replace('nothing', 'Nothing')), 'privacy statement');
  // Every form control has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !el.closest('[hidden]'))
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert(unnamed.length === 0, `controls without a name: ${unnamed.join(' | ')}`);
  await close();
});

test('typing an expression updates the POST on every keystroke and keeps the text', async () => {
  const { page, close } = await openPage();
  const box = expressionOf(page, 9);
  await box.fill('');
  await box.pressSequentially('Join("", "tel:", StripSpaces([telephoneNumber]))', { delay: 5 });
  await until(async () => (await postBody(page)).includes('"value": "tel:+13178723000"'), 'the POST follows the expression');
  assert((await box.inputValue()) === 'Join("", "tel:", StripSpaces([telephoneNumber]))', 'typed text kept');
  // The row shows what it gives, and the highlight layer mirrors the text.
  assert((await rowOf(page, 9).locator('[data-testid="row-outcome"]').innerText()).includes('tel:+13178723000'), 'row outcome');
  const mirrored = await rowOf(page, 9).locator('.editor-highlight').innerText();
  assert(mirrored.trim() === 'Join("", "tel:", StripSpaces([telephoneNumber]))', `highlight text ${mirrored}`);
  assert((await rowOf(page, 9).locator('.editor-highlight .tok-fn').count()) === 2, 'functions coloured');
  assert((await rowOf(page, 9).locator('.editor-highlight .tok-attr').count()) === 1, 'attribute coloured');
  await close();
});

test('a syntax error is underlined at its span with a positioned message', async () => {
  const { page, close } = await openPage();
  const box = expressionOf(page, 9);
  await box.fill('');
  await box.pressSequentially('Jion([mail])');
  const message = await until(async () => rowOf(page, 9).locator('[data-testid="editor-error"]').innerText(), 'editor error');
  assert(/Column 1/.test(message) && /Join/.test(message), `message: ${message}`);
  assert((await rowOf(page, 9).locator('.editor-highlight .err').first().innerText()) === 'Jion', 'the name is underlined');
  assert((await box.getAttribute('aria-invalid')) === 'true', 'aria-invalid');
  await box.fill('StripSpaces([telephoneNumber]');
  await until(async () => (await rowOf(page, 9).locator('.err-point, .err').count()) > 0, 'point error marked');
  await close();
});

test('autocomplete offers functions with signature and help, and the user’s attributes', async () => {
  const { page, close } = await openPage();
  const box = expressionOf(page, 9);
  await box.fill('');
  await box.pressSequentially('StripSp');
  const list = rowOf(page, 9).locator('[role="listbox"]');
  await list.waitFor();
  const first = await list.locator('[role="option"]').first().innerText();
  assert(first.includes('StripSpaces(') && first.length > 'StripSpaces()'.length + 10, `option: ${first}`);
  assert((await box.getAttribute('aria-activedescendant')) !== null, 'active descendant');
  await box.press('Enter');
  assert((await box.inputValue()) === 'StripSpaces(', `after Enter: ${await box.inputValue()}`);
  await box.pressSequentially('[tele');
  await list.waitFor();
  assert((await list.innerText()).includes('telephoneNumber'), 'attribute from the user');
  // The list opens under the caret: right of the box's left edge, below the typed line.
  const boxAt = await box.boundingBox();
  await until(async () => {
    const listAt = await list.boundingBox();
    return listAt && listAt.x > boxAt.x + 60 && listAt.y >= boxAt.y + 10 && listAt.y < boxAt.y + boxAt.height + 20;
  }, 'the list at the caret');
  await box.press('Tab');
  await box.pressSequentially(')');
  assert((await box.inputValue()) === 'StripSpaces([telephoneNumber])', `after Tab: ${await box.inputValue()}`);
  // Escape closes; arrows move.
  await box.pressSequentially(' & Jo');
  await box.press('Control+Space');
  await list.waitFor();
  await box.press('ArrowDown');
  await box.press('Escape');
  await until(async () => (await list.count()) === 0, 'list closed');
  await close();
});

test('a paste far past Entra\'s limit is refused and the field kept; a long one stays coloured up to the limit', async () => {
  const { page, log, close } = await openPage();
  const box = expressionOf(page, 9);
  const before = await box.inputValue();
  await page.evaluate(() => navigator.clipboard.writeText('"x", '.repeat(1_000_000)));
  await box.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+V');
  const refused = rowOf(page, 9).locator('[data-testid="paste-refused"]');
  await refused.waitFor();
  assert((await refused.innerText()).includes('5000000 characters'), await refused.innerText());
  assert((await box.inputValue()) === before, 'the expression is unchanged');
  // The same paste into a plain field (a default value) is refused with a notice.
  const field = rowOf(page, 3).locator('.default-input');
  await field.click();
  await page.keyboard.press('Control+V');
  await until(async () => (await page.locator('[data-testid="notice"]').allInnerTexts()).some((t) => t.includes('a mapping field takes at most 10000')), 'the notice');
  assert((await field.inputValue()) === '', 'the field is unchanged');
  // A 12,000-character expression: coloured up to 10,000, the rest marked, the limit explained.
  const long = `Join(",", ${'"abc", '.repeat(1700)}"x")`;
  await box.fill(long);
  await until(async () => (await rowOf(page, 9).locator('.editor-highlight .tok-over').count()) === 1, 'the uncoloured rest');
  const coloured = await rowOf(page, 9).locator('.editor-highlight .tok-str').count();
  assert(coloured > 1000 && coloured < 1700, `strings coloured up to the limit: ${coloured}`);
  assert((await rowOf(page, 9).locator('.editor-highlight').innerText()).startsWith(long), 'the coloured copy holds the text');
  assert(/Entra accepts at most 10000/.test(await rowOf(page, 9).locator('[data-testid="editor-error"]').innerText()), 'limit message');
  assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
  await close();
});

test('malformed user JSON shows a positioned error while the last good results stay', async () => {
  const { page, close } = await openPage();
  const good = await page.locator('#user-json').inputValue();
  await setUserJson(page, good.replace('"jobTitle": "Customer Care Agent",', '"jobTitle": "Customer Care Agent"'));
  const position = await until(async () => page.locator('[data-testid="json-error-position"]').innerText(), 'JSON error');
  assert(/^line \d+, column \d+$/.test(position), `position ${position}`);
  assert((await page.locator('#user-json').getAttribute('aria-invalid')) === 'true', 'aria-invalid');
  await page.getByRole('button', { name: 'Go to the error' }).click();
  await until(async () => (await page.locator('#setup-panel-user .gutter .err-line').count()) === 1, 'error line marked in the gutter');
  const caret = await page.evaluate(() => document.activeElement.id === 'user-json' && document.activeElement.selectionStart);
  assert(typeof caret === 'number' && caret > 0, `caret at the error: ${caret}`);
  await page.locator('[data-testid="stale-results"]').waitFor();
  const body = await postBody(page);
  assert(body.includes('"title": "Customer Care Agent"'), 'the last good POST stays');
  // Fixing it clears the error and the results follow the new JSON.
  await page.locator('#user-json').fill(good.replace('Customer Care Agent', 'Team Lead'));
  await until(async () => (await postBody(page)).includes('"title": "Team Lead"'), 'new title');
  assert((await page.locator('[data-testid="json-error"]').count()) === 0, 'error gone');
  assert((await page.locator('[data-testid="stale-results"]').count()) === 0, 'banner gone');
  await close();
});

test('clicking a problem jumps to the row and focuses the field with the span selected', async () => {
  const { page, close } = await openPage();
  await expressionOf(page, 9).fill('StripSpaces([telephoneNumber]) & x');
  await tab(page, 'results', 'problems');
  const finding = page.locator('[data-testid="finding"]', { hasText: 'Row 9' }).first();
  await finding.waitFor();
  await tab(page, 'setup', 'user');
  await finding.locator('[data-testid="finding-jump"]').click();
  await until(
    async () => page.evaluate(() => document.activeElement?.classList.contains('editor-input')),
    'the expression is focused',
  );
  const focus = await page.evaluate(() => ({
    id: document.activeElement.id,
    row: document.activeElement.closest('.mapping-row')?.dataset.row,
    selected: document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd),
  }));
  assert(focus.row === '8', `row ${focus.row}`);
  assert(focus.selected.length > 0 && 'StripSpaces([telephoneNumber]) & x'.includes(focus.selected), `selected ${JSON.stringify(focus.selected)}`);
  assert(await page.locator('#setup-panel-mappings').isVisible(), 'mapping tab shown');
  // A target problem focuses the target field.
  await rowOf(page, 4).locator('.target-input').fill('phoneNumbers[type eq "fax"].value');
  await tab(page, 'results', 'problems');
  await page.locator('[data-testid="finding"]', { hasText: 'fax' }).first().locator('[data-testid="finding-jump"]').click();
  await until(async () => page.evaluate(() => document.activeElement?.classList.contains('target-input')), 'target focused');
  await close();
});

test('share link round trip restores the whole state in a fresh browser', async () => {
  const { page, close } = await openPage();
  await expressionOf(page, 9).fill('Join("", "tel:", StripSpaces([telephoneNumber]))');
  await page.locator('#region').selectOption('api.mypurecloud.de');
  await page.locator('[data-testid="share"]').click();
  const link = await until(async () => page.locator('[data-testid="share-link"]').inputValue(), 'link');
  assert(link.includes('#s='), `link ${link}`);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert(copied === link, 'link copied to the clipboard');
  const other = await openPage({ url: link });
  await until(async () => (await postBody(other.page)).includes('tel:+13178723000'), 'shared expression applied');
  assert((await other.page.locator('[data-testid="tenant-url"]').innerText()).includes('api.mypurecloud.de'), 'region restored');
  assert((await other.page.locator('[data-testid="notice"]').innerText()).includes('shared link'), 'notice');
  assert(!other.page.url().includes('#s='), 'fragment removed after opening');
  await other.close();
  await close();
});

test('reload restores the state saved in the browser', async () => {
  const { page, close } = await openPage();
  await expressionOf(page, 2).fill('Not([IsSoftDeleted])');
  await rowOf(page, 4).locator('.target-input').fill('title');
  await page.locator('[data-testid="add-row"]').click();
  // The new row's target box takes the focus; type only once it has (a busy machine is slow).
  await until(async () => page.evaluate(() => document.activeElement?.closest('.mapping-row')?.dataset.row === '10'), 'new row focused');
  await page.keyboard.type('externalId');
  await tab(page, 'results', 'update');
  // Saving may be deferred on a busy machine: reload only once the typed target is stored.
  await until(
    async () => page.evaluate(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) || '').includes('"externalId"'))),
    'state saved to localStorage',
  );
  await page.reload();
  await ready(page);
  assert((await page.locator('.mapping-row').count()) === 11, 'added row kept');
  assert((await rowOf(page, 11).locator('.target-input').inputValue()) === 'externalId', 'typed target kept');
  assert(await page.locator('#results-panel-update').isVisible(), 'tab kept');
  await close();
});

test('a reload right after a keystroke keeps it (the pending save runs when the page is left)', async () => {
  const { page, close } = await openPage();
  await until(async () => page.evaluate(() => localStorage.getItem('scim-playground.state')?.startsWith('{')), 'first save');
  await expressionOf(page, 2).fill('Not([IsSoftDeleted]) ');
  await page.reload();
  await ready(page);
  assert((await expressionOf(page, 2).inputValue()) === 'Not([IsSoftDeleted]) ', 'the last keystroke kept');
  await close();
});

test('a user too large for the browser\'s storage: the rest of the setup is still saved', async () => {
  const { page, close } = await openPage();
  await expressionOf(page, 2).fill('Not([IsSoftDeleted]) ');
  await tab(page, 'setup', 'user');
  const huge = await page.evaluate(() => {
    const user = { id: 'huge-1', userPrincipalName: 'huge.user@contoso.com', displayName: 'Huge User', memberOf: [] };
    for (let i = 0; i < 45000; i += 1) user.memberOf.push({ "@odata.type": "#microsoft.graph.group", id: `g-${i}`, displayName: `Group number ${i} of a very large tenant` });
    return JSON.stringify(user, null, 2);
  });
  assert(huge.length > 6_000_000, `the user is ${huge.length} bytes`);
  await page.evaluate((t) => navigator.clipboard.writeText(t), huge);
  await page.locator('#user-json').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const notice = page.locator('[data-testid="notice"]');
  await until(async () => (await notice.allInnerTexts()).some((t) => t.includes('users will not survive a reload')), 'the storage notice');
  await page.reload();
  await ready(page);
  assert((await expressionOf(page, 2).inputValue()) === 'Not([IsSoftDeleted]) ', 'mappings kept');
  assert((await page.locator('#user-json').inputValue()) === '{}', 'the user was not kept');
  await close();
});

test('a corrupt link or stored state shows a notice and the app keeps working', async () => {
  const { page, close, context } = await openPage({ url: `${BASE_URL}#s=AAAA-not-a-state` });
  const notice = await page.locator('[data-testid="notice"].error').innerText();
  assert(/link could not be opened/.test(notice), `notice ${notice}`);
  assert((await postBody(page)).includes('userName'), 'app works');
  // The page saves once edits pause: corrupt the store only after that save.
  await until(async () => page.evaluate(() => localStorage.getItem('scim-playground.state')?.startsWith('{')), 'first save');
  await page.evaluate(() => localStorage.setItem('scim-playground.state', '{"version": 1, "mappings": 7'));
  const again = await context.newPage();
  await again.goto(BASE_URL);
  await ready(again);
  assert(/saved setup could not be read/.test(await again.locator('[data-testid="notice"].error').innerText()), 'stored-state notice');
  assert((await again.locator('.mapping-row').count()) === 10, 'defaults');
  await again.locator('[data-testid="notice"] button').first().click();
  await until(async () => (await again.locator('[data-testid="notice"]').count()) === 0, 'dismissed');
  await close();
});

test('a long user is edited through a window of lines: paste, scroll, type, select all, copy, replace', async () => {
  const { page, log, close } = await openPage();
  await tab(page, 'setup', 'user');
  const big = await page.evaluate(() => {
    const user = { id: 'big-1', accountEnabled: true, userPrincipalName: 'long.user@contoso.com', displayName: 'Long User', memberOf: [] };
    for (let i = 0; i < 20000; i += 1) user.memberOf.push({ '@odata.type': '#microsoft.graph.group', id: `g-${i}`, displayName: `Group ${i}` });
    return JSON.stringify(user, null, 2);
  });
  const lines = big.split('\n').length;
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  const box = page.locator('#user-json');
  await box.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const note = page.locator('[data-testid="user-json-window"]');
  await until(async () => (await note.innerText()).includes(`of ${lines} around the view`), 'the window note');
  assert((await box.inputValue()).length < 100_000, 'the box holds a window, not the 2 MB');
  await until(async () => (await postBody(page)).includes('long.user@contoso.com'), 'results for the pasted user');
  // Ctrl+Home and Ctrl+End reach the text's ends, beyond the window.
  await page.keyboard.press('Control+Home');
  await until(async () => (await box.inputValue()).startsWith('{\n  "id": "big-1"'), 'the start of the text');
  assert((await box.evaluate((el) => el.selectionStart)) === 0, 'caret at the start');
  await page.keyboard.press('Control+End');
  await until(async () => box.evaluate((el) => el.value.endsWith('"Group 19999"\n    }\n  ]\n}') && el.selectionStart === el.value.length), 'caret at the end');
  // The window follows the scroll; the gutter numbers the lines it shows.
  await page.locator('#setup-panel-user .json-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await until(async () => (await box.inputValue()).includes('"id": "g-10000"'), 'the middle of the text in the box');
  const gutter = await page.locator('#setup-panel-user .gutter-lines').innerText();
  const firstShown = Number(gutter.trim().split('\n')[0]);
  assert(firstShown > 1000 && firstShown < lines, `gutter starts at ${firstShown}`);
  // Typing there edits the whole text in place.
  await box.evaluate((el) => {
    const at = el.value.indexOf('"Group 10000"') + '"Group 10000'.length;
    el.focus();
    el.setSelectionRange(at, at);
  });
  await page.keyboard.type(' edited');
  // Select all, copy: the clipboard gets all of it, not the window.
  await page.keyboard.press('Control+A');
  await until(async () => (await note.innerText()).startsWith(`All ${lines} lines selected`), 'all selected');
  await page.keyboard.press('Control+C');
  const copied = await until(async () => {
    const t = await page.evaluate(() => navigator.clipboard.readText());
    return t.length > big.length ? t : null;
  }, 'the whole text copied');
  const user = JSON.parse(copied);
  assert(user.memberOf.length === 20000, 'every group copied');
  assert(user.memberOf[10000].displayName === 'Group 10000 edited', `typed text kept: ${user.memberOf[10000].displayName}`);
  // Typing with all selected replaces all of it; the box is a plain textarea again.
  await page.keyboard.type('{');
  await until(async () => (await box.inputValue()) === '{', 'the text replaced');
  assert((await note.count()) === 0, 'no window note for a short text');
  await page.locator('[data-testid="json-error"]').waitFor();
  assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
  await close();
});

test('the lifecycle selector switches POST ↔ PATCH ↔ DELETE', async () => {
  const { page, close } = await openPage();
  const methods = () => page.locator('[data-testid="requests"] [data-testid="request"]').evaluateAll((els) => els.map((e) => e.dataset.method).join(','));
  // GET (match), POST, then a PATCH per Genesys group the user joins.
  assert((await methods()).startsWith('GET,POST'), await methods());
  await page.locator('[data-testid="lifecycle"] input[value="disabled"]').check();
  await until(async () => (await methods()).includes('PATCH'), 'PATCH when disabled');
  assert((await page.locator('[data-testid="requests"] [data-method="PATCH"]').innerText()).includes('active'), 'sets active');
  await page.locator('[data-testid="lifecycle"] input[value="hard-deleted"]').check();
  await until(async () => (await methods()).includes('DELETE'), 'DELETE when hard-deleted');
  await page.locator('[data-testid="lifecycle"] input[value="assigned"]').check();
  await until(async () => (await methods()).startsWith('GET,POST'), 'back to POST');
  await close();
});

test('the dialect switch changes the PATCH (and the Tenant URL flag)', async () => {
  const { page, close } = await openPage();
  await tab(page, 'results', 'update');
  const patch = () => page.locator('[data-testid="update-requests"] [data-method="PATCH"] [data-testid="request-body"]').first().innerText();
  const before = await patch();
  assert(/"op": "(Replace|Add)"/.test(before), `default dialect: ${before.slice(0, 200)}`);
  await page.locator('#dialect').selectOption('aadOptscim062020');
  await until(async () => /"op": "(replace|add)"/.test(await patch()), 'lower-case ops');
  assert((await page.locator('[data-testid="tenant-url"]').innerText()).endsWith('?aadOptscim062020'), 'flag on the Tenant URL');
  await close();
});

test('the phone panel shows the verdict and applies the suggested expression', async () => {
  const { page, close } = await openPage();
  await tab(page, 'setup', 'user');
  await page.locator('#sample-user').selectOption('extension');
  await tab(page, 'results', 'phones');
  const phone = page.locator('[data-testid="phone"]').first();
  await until(async () => (await phone.getAttribute('data-verdict')) === 'rejected', 'rejected verdict');
  assert((await phone.innerText()).includes('402'), 'extension shown');
  await phone.getByRole('button', { name: /Use it in row/ }).click();
  await until(async () => (await page.locator('[data-testid="phone"]').first().getAttribute('data-verdict')) !== 'rejected', 'accepted after the fix');
  assert((await expressionOf(page, 9).inputValue()).length > 10, 'expression applied to the row');
  await close();
});

test('the region picker shows the Tenant URL', async () => {
  const { page, close } = await openPage();
  for (const [host, url] of [
    ['api.mypurecloud.ie', 'https://api.mypurecloud.ie/api/v2/scim/v2/'],
    ['api.use2.us-gov-pure.cloud', 'https://api.use2.us-gov-pure.cloud/api/v2/scim/v2/'],
  ]) {
    await page.locator('#region').selectOption(host);
    await until(async () => (await page.locator('[data-testid="tenant-url"]').innerText()) === url, url);
  }
  await close();
});

test('importing a schema JSON replaces the rows; export downloads and copies', async () => {
  const { page, close } = await openPage();
  await tab(page, 'setup', 'schema');
  const schema = {
    synchronizationRules: [
      {
        name: 'USER_OUTBOUND',
        sourceDirectoryName: 'Azure Active Directory',
        targetDirectoryName: 'customappsso',
        objectMappings: [
          {
            enabled: true,
            sourceObjectName: 'User',
            targetObjectName: 'User',
            attributeMappings: [
              { targetAttributeName: 'userName', source: { type: 'Attribute', name: 'userPrincipalName', expression: '[userPrincipalName]' }, matchingPriority: 1 },
              { targetAttributeName: 'displayName', source: { type: 'Attribute', name: 'displayName', expression: '[displayName]' } },
              { targetAttributeName: 'active', source: { type: 'Function', name: 'Not', expression: 'Not([IsSoftDeleted])' } },
            ],
          },
        ],
      },
    ],
  };
  await page.locator('#schema-paste').fill(JSON.stringify(schema));
  await page.locator('[data-testid="import-pasted"]').click();
  await until(async () => (await page.locator('.mapping-row').count()) === 3, 'three rows');
  assert((await page.locator('[data-testid="import-result"]').innerText()).includes('Imported 3'), 'import result');
  // A file works too, and a broken document is reported, not imported.
  await page.locator('[data-testid="import-file"]').setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: Buffer.from('{"nope": 1}') });
  await until(async () => (await page.locator('[data-testid="import-result"]').innerText()).includes('Not imported'), 'error shown');
  assert((await page.locator('.mapping-row').count()) === 3, 'rows unchanged');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the schema JSON' }).click(),
  ]);
  assert(download.suggestedFilename() === 'synchronization-schema.json', download.suggestedFilename());
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  assert(JSON.parse(text).synchronizationRules, 'a schema was downloaded');
  await page.getByRole('button', { name: 'Copy the attributeMappings JSON' }).click();
  const copied = await until(async () => page.evaluate(() => navigator.clipboard.readText()), 'clipboard');
  assert(JSON.parse(copied).length === 3, 'three rows copied');
  // The preview is drawn while it is open, and follows the rows.
  const preview = page.locator('[data-testid="schema-export"]');
  assert((await preview.count()) === 0, 'no preview while closed');
  await page.getByText('Show the exported schema').click();
  await until(async () => (await preview.count()) === 1 && (await preview.innerText()).includes('synchronizationRules'), 'the preview');
  await page.getByText('Show the exported schema').click();
  await until(async () => (await preview.count()) === 0, 'the preview closed');
  await close();
});

test('rows can be added, moved and removed with the keyboard', async () => {
  const { page, close } = await openPage();
  const targets = () => page.locator('.target-input').evaluateAll((els) => els.map((e) => e.value));
  await page.locator('#m1-down').focus();
  await page.keyboard.press('Enter');
  await until(async () => (await targets())[2] === 'active', 'moved down');
  await until(async () => page.evaluate(() => document.activeElement.id === 'm1-down'), 'focus stays on the button');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await until(async () => (await targets())[1] === 'active', 'moved up');
  await page.locator('#m1-remove').focus();
  await page.keyboard.press('Enter');
  await until(async () => (await targets()).length === 9 && !(await targets()).includes('active'), 'removed');
  // The focus moves once the row is gone from the page (after the next render).
  await until(async () => page.evaluate(() => document.activeElement.id.endsWith('-remove')), 'focus on the next row');
  await page.locator('[data-testid="add-row"]').focus();
  await page.keyboard.press('Enter');
  await until(async () => page.evaluate(() => document.activeElement.classList.contains('target-input')), 'new target focused');
  assert((await targets()).length === 10, 'added');
  await close();
});

test('the trace of a picked row shows every node with its value', async () => {
  const { page, close } = await openPage();
  await rowOf(page, 2).getByRole('button', { name: 'Show how row 2 is evaluated' }).click();
  await page.locator('#results-panel-trace').waitFor({ state: 'visible' });
  const items = page.locator('[data-testid="trace"] [role="treeitem"]');
  await until(async () => (await items.count()) >= 2, 'trace rows');
  assert((await items.first().innerText()).includes('Not'), await items.first().innerText());
  assert((await page.locator('[data-testid="trace"]').innerText()).includes('[IsSoftDeleted]'), 'attribute node');
  await page.locator('#trace-row').selectOption('8');
  await until(async () => (await page.locator('[data-testid="trace"]').innerText()).includes('StripSpaces'), 'row 9 trace');
  // A step with steps under it folds and unfolds; the keyboard reaches its button.
  const all = await items.count();
  const root = items.first();
  assert((await root.getAttribute('aria-expanded')) === 'true', 'the root step is unfolded');
  await root.getByRole('button', { name: 'Fold this step' }).focus();
  await page.keyboard.press('Enter');
  await until(async () => (await items.count()) === 1, 'only the root step left');
  assert((await root.getAttribute('aria-expanded')) === 'false', 'folded');
  await root.getByRole('button', { name: 'Unfold this step' }).click();
  await until(async () => (await items.count()) === all, 'every step back');
  await close();
});

test('markup in every user field and in expressions renders as text', async () => {
  const { page, log, close } = await openPage();
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];
  const countElements = () => page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed').length);
  const before = await countElements();
  const user = JSON.parse(await page.locator('#user-json').inputValue());
  for (const p of payloads) {
    const hostile = Object.fromEntries(Object.entries(user).map(([k, v]) => [k, typeof v === 'string' ? `${p}${v}` : v]));
    hostile[p] = p;
    hostile.memberOf = [{ displayName: p }];
    await setUserJson(page, JSON.stringify(hostile, null, 2));
    await until(async () => (await postBody(page)).includes(p), 'payload in the POST as text');
    await page.locator('#sample-user').selectOption('agent');
    await tab(page, 'setup', 'mappings');
    await expressionOf(page, 9).fill(`Append([displayName], "${p}")`);
    await until(async () => (await postBody(page)).includes(p.replace(/"/g, '\\"')), 'payload from an expression');
    await expressionOf(page, 9).fill(p);
    await rowOf(page, 9).locator('[data-testid="editor-error"]').waitFor();
    await rowOf(page, 4).locator('.target-input').fill(p);
    await tab(page, 'results', 'problems');
    await tab(page, 'results', 'trace');
    await tab(page, 'setup', 'user');
    await tab(page, 'results', 'requests');
  }
  await page.waitForTimeout(200);
  assert(log.dialogs.length === 0, `dialogs: ${log.dialogs.join(', ')}`);
  assert((await countElements()) === before, 'no new script/img elements');
  assert(log.pageErrors.length === 0, `page errors: ${log.pageErrors.join(' | ')}`);
  await close();
});

test('no request leaves the page’s own files, whatever the admin does', async () => {
  const { page, log, close } = await openPage();
  await expressionOf(page, 9).pressSequentially(' ');
  await page.locator('[data-testid="lifecycle"] input[value="soft-deleted"]').check();
  await tab(page, 'results', 'phones');
  await page.locator('[data-testid="share"]').click();
  await tab(page, 'setup', 'schema');
  await page.getByRole('button', { name: 'Copy the schema JSON' }).click();
  await page.waitForTimeout(300);
  const foreign = log.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== ORIGIN);
  assert(foreign.length === 0, `requests elsewhere: ${foreign.join(', ')}`);
  const own = log.requests.map((u) => new URL(u).pathname);
  assert(own.every((p) => p === '/' || /^\/[\w.-]+\.(js|wasm|css|svg|html)$/.test(p)), `unexpected requests: ${own.join(', ')}`);
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('http://127.0.0.2:9/');
      return false;
    } catch {
      return true;
    }
  });
  assert(blocked, 'fetch to another origin is refused by the CSP');
  await close();
});

test('screenshots: light and dark, 1280 and 1440 wide', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 1440]) {
      const { page, log, close } = await openPage({ width, colorScheme });
      await page.waitForTimeout(200);
      const path = `${SCREENSHOT_DIR}/playground-${colorScheme}-${width}.png`;
      await page.screenshot({ path });
      if (colorScheme === 'light' && width === 1280 && process.env.README_SCREENSHOT) {
        await page.screenshot({ path: process.env.README_SCREENSHOT });
      }
      // The system's scheme applies, and the Options tab's choice overrides it.
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = 'rgb(244, 245, 247)';
      const dark = 'rgb(17, 20, 24)';
      assert((await background()) === (colorScheme === 'light' ? light : dark), `${colorScheme} page: ${await background()}`);
      if (width === 1280) {
        await tab(page, 'setup', 'options');
        await page.locator('#theme').selectOption(colorScheme === 'light' ? 'dark' : 'light');
        const other = colorScheme === 'light' ? dark : light;
        await until(async () => (await background()) === other, 'the theme chosen in Options');
        await page.locator('#theme').selectOption('auto');
        await until(async () => (await background()) === (colorScheme === 'light' ? light : dark), 'back to the system theme');
        await tab(page, 'setup', 'mappings');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert(!overflow, `no horizontal scrolling at ${width}`);
      assert(log.pageErrors.length === 0, log.pageErrors.join(' | '));
      await close();
    }
  }
});

const results = await runTests(tests);
await browser.close();
summarize(results);

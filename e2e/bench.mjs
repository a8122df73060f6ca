// Performance figures of the built playground (dist/) in headless Chromium. Prints numbers and
// never fails on them (timings depend on the machine); exits non-zero only if the page breaks.
//
// Usage: node e2e/bench.mjs [BASE_URL]   (default http://127.0.0.1:8766/)
//
// 1. Keystroke → painted: N keystrokes typed into a mapping expression (Genesys default
//    preset, one user). For each, the time from the input event's timestamp to a task queued
//    from the next requestAnimationFrame callback (i.e. after that frame's style, layout and
//    paint; this includes waiting for the frame), and the page's own work. Prints p50/p95.
// 1b. The same in a 1,000- and a 10,000-character expression.
// 2. A 5 MB Graph user pasted into the user box (real Ctrl+V): time until the input handler
//    returned, until the next paint, and until the results show the new user.
// 3. One keystroke in that 5 MB box: input → next paint, and until the results follow.
// 4. One keystroke in an expression while the 5 MB user is loaded.

import { chromium } from 'playwright-core';

const BASE_URL = process.argv[2] ?? process.env.BASE_URL ?? 'http://127.0.0.1:8766/';
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 240);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const context = await browser.newContext({
  viewport: { width: 1280, height: 900 },
  permissions: ['clipboard-read', 'clipboard-write'],
});
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(BASE_URL);
await page.locator('[data-testid="requests"] [data-method="POST"]').waitFor();

// Records, for every input event on the page: `total`, from the event's timestamp to a task
// queued from the next requestAnimationFrame callback (after that frame's style, layout and
// paint); `work`, from the start of dispatch to the end of bubbling (the page's handlers and
// the reactive updates they trigger, which run as microtasks in between).
await page.evaluate(() => {
  window.__frames = [];
  // `input` for typing; `paste` too, since the editor splices a large paste in itself (the
  // textarea then sees no input event).
  for (const kind of ['input', 'paste']) {
    window.addEventListener(
      kind,
      (ev) => {
        if (kind === 'paste' && !ev.clipboardData?.getData('text/plain')?.length) return;
        const start = ev.timeStamp;
        const dispatched = performance.now();
        const record = { kind, total: 0, work: 0, wait: 0 };
        window.__current = { record, dispatched };
        requestAnimationFrame(() => {
          const frame = performance.now();
          record.wait = Math.max(0, frame - (dispatched + record.work));
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            record.total = performance.now() - start;
            window.__frames.push(record);
          };
          channel.port2.postMessage(0);
        });
      },
      true,
    );
    // Bubbling to the window comes after the element's own handlers and the microtasks they
    // queued (the reactive updates): the end of the page's work for this event.
    window.addEventListener(kind, () => {
      const c = window.__current;
      if (c && c.record.kind === kind) c.record.work = performance.now() - c.dispatched;
    });
  }
});

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;
async function frames(n) {
  await page.waitForFunction((n) => window.__frames.length >= n, n, { timeout: 60_000 });
  return page.evaluate(() => window.__frames.splice(0));
}

// ---- 1. keystrokes into an expression
const box = page.locator('.mapping-row[data-row="8"] textarea.editor-input');
await box.click();
await box.press('End');
await page.evaluate(() => window.__frames.splice(0));
const text = ' & Join(";ext=", "tel:", StripSpaces([mobile]))';
const typed = [];
for (let i = 0; i < KEYSTROKES; i += 1) {
  const ch = text[i % text.length];
  await page.keyboard.type(ch);
  typed.push(...(await frames(1)));
}
const line = (label, xs) =>
  console.log(`  ${label}: p50 ${ms(quantile(xs, 0.5))}  p95 ${ms(quantile(xs, 0.95))}  max ${ms(Math.max(...xs))}`);
console.log(`keystrokes in row 9's expression (Genesys default preset, one user), ${KEYSTROKES} of them:`);
line('keystroke → updated results painted, without the wait for the display\'s next frame', typed.map((f) => f.total - f.wait));
line('of which the page\'s own work (handlers + reactive updates)', typed.map((f) => f.work));
line('keystroke → painted, including the wait for the next frame (0–16.7 ms at 60 Hz)', typed.map((f) => f.total));

// ---- 1b. keystrokes in long expressions (a big Switch; Entra's 10,000-character limit)
const original = await box.inputValue();
for (const repeat of [140, 1400]) {
  const long = 'Join(",", ' + '"abc", '.repeat(repeat) + '"x")';
  await box.fill(long);
  await box.press('End');
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__frames.splice(0));
  const keys = [];
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.type(' ');
    keys.push(...(await frames(1)));
  }
  console.log(`keystrokes in a ${long.length}-character expression (20 of them):`);
  line('keystroke → updated results painted, without the wait for the next frame', keys.map((f) => f.total - f.wait));
  line('of which the page\'s own work', keys.map((f) => f.work));
}
await box.fill(original);

// ---- 2. a 5 MB paste
const big = await page.evaluate(() => {
  const user = {
    id: 'b1b2b3b4-0000-4000-8000-000000000001',
    accountEnabled: true,
    userPrincipalName: 'big.user@contoso.com',
    displayName: 'Big User',
    mail: 'big.user@contoso.com',
    businessPhones: ['+1 317 872 3000'],
    memberOf: [],
  };
  // Pretty-printed, each group takes about 150 bytes: grow to 5 MB without re-serialising.
  let size = JSON.stringify(user, null, 2).length;
  for (let i = 0; size < 5 * 1024 * 1024; i += 1) {
    const group = { '@odata.type': '#microsoft.graph.group', id: `g-${i}`, displayName: `Group number ${i} of a very large tenant` };
    user.memberOf.push(group);
    size += JSON.stringify(group, null, 2).length + 12;
  }
  return JSON.stringify(user, null, 2);
});
await page.locator('#setup-tab-user').click();
await page.evaluate((t) => navigator.clipboard.writeText(t), big);
const area = page.locator('#user-json');
await area.click();
await page.keyboard.press('Control+A');
await page.evaluate(() => window.__frames.splice(0));
const pasteStart = Date.now();
await page.keyboard.press('Control+V');
const [paste] = await frames(1);
await page.waitForFunction(
  () => document.querySelector('[data-testid="requests"] [data-method="POST"]')?.innerText.includes('big.user@contoso.com'),
  null,
  { timeout: 120_000 },
);
const pasteResults = Date.now() - pasteStart;
console.log(`5 MB paste (${(big.length / 1048576).toFixed(1)} MB, ${big.split('\n').length} lines) into the user box:`);
console.log(`  paste event → next paint ${ms(paste.total)} (page's own work ${ms(paste.work)}); paste → results for the new user ${pasteResults} ms (read once typing pauses for 300 ms)`);

// ---- 3. one keystroke in the 5 MB box (back at its top, where the name is)
await page.evaluate(() => document.querySelector('#setup-panel-user .json-scroll').scrollTo(0, 0));
await page.waitForFunction(() => document.getElementById('user-json').value.includes('Big User'));
await page.evaluate(() => {
  const el = document.getElementById('user-json');
  const at = el.value.indexOf('Big User') + 3;
  el.focus();
  el.setSelectionRange(at, at);
});
await page.evaluate(() => window.__frames.splice(0));
const keyStart = Date.now();
await page.keyboard.type('X');
const [key] = await frames(1);
await page.waitForFunction(
  () => document.querySelector('[data-testid="requests"] [data-method="POST"]')?.innerText.includes('BigX User'),
  null,
  { timeout: 120_000 },
);
console.log(`one keystroke in the 5 MB user box: input → next paint ${ms(key.total)} (page's own work ${ms(key.work)}); results updated after ${Date.now() - keyStart} ms`);

// ---- 4. one keystroke in an expression with the 5 MB user loaded
await page.locator('#setup-tab-mappings').click();
await box.click();
await box.press('End');
await page.evaluate(() => window.__frames.splice(0));
const expressionKeys = [];
for (let i = 0; i < 5; i += 1) {
  await page.keyboard.type(' ');
  expressionKeys.push(...(await frames(1)));
}
console.log(
  `keystroke → next paint in an expression with the 5 MB user loaded: p50 ${ms(quantile(expressionKeys.map((f) => f.total), 0.5))}, ` +
    `page's own work p50 ${ms(quantile(expressionKeys.map((f) => f.work), 0.5))} (5 keystrokes; the analysis waits until typing pauses)`,
);

await browser.close();
if (errors.length) {
  console.log(`page errors: ${errors.join(' | ')}`);
  process.exitCode = 1;
}

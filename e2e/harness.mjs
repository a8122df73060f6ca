// The small test runner the e2e files share: polling, assertions, running a list of tests and
// the closing `N passed, M failed` line that scripts/test.sh counts.

/** Waits until `fn()` returns a truthy value (polling), or throws with `what`. */
export async function until(fn, what, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`timed out waiting for ${what} (last: ${String(last).slice(0, 300)})`);
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * Runs `tests` ({ name, fn }) in order, each line `ok` or `FAILED` with its time and, for a
 * failure, the stack; `ONLY=part` in the environment runs the tests whose name contains it.
 */
export async function runTests(tests) {
  let passed = 0;
  let failed = 0;
  const only = process.env.ONLY;
  for (const { name, fn } of tests) {
    if (only && !name.includes(only)) continue;
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
  return { passed, failed };
}

/** The closing line scripts/test.sh counts; the exit status is 1 when a test failed. */
export function summarize({ passed, failed }) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

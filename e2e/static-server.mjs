// A minimal static server for the hosting tests and the load bench: serves a dist/ directory
// under a URL prefix (a sub-path, as GitHub Pages does), with the right MIME types, and lets a
// test hold back the WASM or publish a "new version" of the service worker. Serves the
// precompressed .br / .gz copies when the browser accepts them, as a host should.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` under `prefix` (e.g. "/some/path/") on a free loopback port.
 * Returns { url, requests, holdWasm(), releaseWasm(), publishNewWorker(), close() }.
 */
export async function serve(dir, prefix = '/') {
  const requests = [];
  let held = null; // a promise the WASM response waits for
  let release = () => {};
  let workerVersion = 0;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) return send(res, 404, 'text/plain', 'not under the prefix');
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(normalize(dir) + sep)) return send(res, 403, 'text/plain', 'outside');
    try {
      let body = await readFile(file);
      if (rel.endsWith('.wasm') && held) await held;
      if (rel === 'sw.js' && workerVersion > 0) {
        body = Buffer.from(
          body.toString('utf8').replace(/^const VERSION = "([^"]*)";$/m, `const VERSION = "$1-v${workerVersion}";`),
        );
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Like a host set up as the README says: the precompressed copy when the client takes it.
      const accepts = String(req.headers['accept-encoding'] ?? '');
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (rel === 'sw.js' && workerVersion > 0) break; // rewritten above: send as is
        if (!accepts.includes(encoding)) continue;
        try {
          const packed = await readFile(file + suffix);
          return send(res, 200, type, packed, { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' });
        } catch {
          // no precompressed copy: try the next, or send the file itself
        }
      }
      send(res, 200, type, body);
    } catch {
      send(res, 404, 'text/plain', 'not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    holdWasm() {
      held = new Promise((r) => (release = r));
    },
    releaseWasm() {
      release();
      held = null;
    },
    /** Serves sw.js with a new VERSION from now on, as a new deployment would. */
    publishNewWorker() {
      workerVersion += 1;
      return workerVersion;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

function send(res, status, type, body, extra = {}) {
  // The same headers a host is told to send (README, "Host it"): revalidate before reuse.
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...extra });
  res.end(body);
}

// Serves the browser demo: www/ at /, the npm package at /pkg/. Loopback only.
// Usage: node www/serve.mjs [PORT]   (default 8080)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = [
  ['/pkg/', join(ROOT, 'pkg')],
  ['/', join(ROOT, 'www')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};
// The page must work under the policy an intranet would set: scripts from this origin
// only, WASM compilation allowed, nothing fetched from or sent to any other origin.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  // No script may turn a string into markup (innerHTML and the like): plan text stays text.
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

/** The file a request path names, or null for none (outside the mounts, or not a path). */
function resolve(urlPath) {
  for (const [prefix, folder] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    let decoded;
    try {
      decoded = decodeURIComponent(urlPath.slice(prefix.length));
    } catch {
      return null; // Malformed percent-encoding (`/%E0%A4%A`) names no file.
    }
    if (decoded.includes('\0')) return null;
    const relative = normalize(decoded || 'index.html');
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return null;
    const file = join(folder, relative.endsWith(sep) ? join(relative, 'index.html') : relative);
    return file.startsWith(folder) ? file : null;
  }
  return null;
}

const ALLOWED_METHODS = ['GET', 'HEAD'];

/** The status, headers and body of the answer to one request. Never throws. */
async function answer(request) {
  if (!ALLOWED_METHODS.includes(request.method)) {
    return { status: 405, headers: { Allow: ALLOWED_METHODS.join(', ') }, body: 'Method not allowed\n' };
  }
  let file = null;
  try {
    // The request target may be any text, or an absolute URL with a bad port: parsing it throws.
    file = resolve(new URL(request.url, 'http://localhost').pathname);
  } catch {
    return { status: 400, headers: {}, body: 'Bad request\n' };
  }
  try {
    if (!file) throw new Error('not found');
    const body = await readFile(file);
    return { status: 200, headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }, body };
  } catch {
    return { status: 404, headers: {}, body: 'Not found\n' };
  }
}

export function start(port = 8080, host = '127.0.0.1') {
  // Everything a request can make go wrong is answered inside `answer`: an exception in
  // the handler would be an unhandled rejection, which ends the process (issue 17: a bad
  // percent-encoding stopped the demo for everyone).
  const server = createServer(async (request, response) => {
    const { status, headers, body } = await answer(request);
    response.writeHead(status, {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
      'Content-Type': 'text/plain; charset=utf-8',
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await start(port);
  const { address, port: bound } = server.address();
  console.log(`prevent-plan-check demo: http://${address}:${bound}/  (Ctrl+C to stop)`);
}

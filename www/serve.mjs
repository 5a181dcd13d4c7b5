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

function resolve(urlPath) {
  for (const [prefix, folder] of MOUNTS) {
    if (!urlPath.startsWith(prefix)) continue;
    const relative = normalize(decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html');
    if (relative.startsWith('..') || relative.includes(`${sep}..`)) return null;
    const file = join(folder, relative.endsWith(sep) ? join(relative, 'index.html') : relative);
    return file.startsWith(folder) ? file : null;
  }
  return null;
}

export function start(port = 8080, host = '127.0.0.1') {
  const server = createServer(async (request, response) => {
    const file = resolve(new URL(request.url, 'http://localhost').pathname);
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    try {
      if (!file || !['GET', 'HEAD'].includes(request.method)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found\n');
    }
  });
  return new Promise((ready) => server.listen(port, host, () => ready(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  const server = await start(port);
  const { address, port: bound } = server.address();
  console.log(`prevent-plan-check demo: http://${address}:${bound}/  (Ctrl+C to stop)`);
}

// The demo server (www/serve.mjs) answers any request line without dying: it runs in this
// process, so an exception in its handler (issue 17: `/%E0%A4%A` made decodeURIComponent
// throw outside the handler's try) would end the test run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { start } from '../../www/serve.mjs';

/** Sends `head` as the raw request (no client normalises it) and returns the status code. */
function rawStatus(port, head) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0)));
    socket.write(`${head}\r\nHost: localhost\r\nConnection: close\r\n\r\n`, 'latin1');
  });
}

test('every request line gets an answer, and the server keeps serving', async () => {
  const server = await start(0);
  const { port } = server.address();
  try {
    const cases = [
      ['GET / HTTP/1.1', 200],
      ['HEAD /index.html HTTP/1.1', 200],
      ['GET /pkg/package.json HTTP/1.1', 200],
      // Malformed percent-encoding: the crash of issue 17.
      ['GET /%E0%A4%A HTTP/1.1', 404],
      ['GET /% HTTP/1.1', 404],
      ['GET /pkg/%ZZ HTTP/1.1', 404],
      // NUL, traversal (plain, encoded, through the /pkg/ mount), directories.
      ['GET /%00 HTTP/1.1', 404],
      ['GET /index.html%00.png HTTP/1.1', 404],
      ['GET /../Cargo.toml HTTP/1.1', 404],
      ['GET /%2e%2e/Cargo.toml HTTP/1.1', 404],
      ['GET /pkg/..%2f..%2fCargo.toml HTTP/1.1', 404],
      ['GET /pkg/%2e%2e%5c..%5cCargo.toml HTTP/1.1', 404],
      ['GET //etc/passwd HTTP/1.1', 404],
      ['GET /pkg/src HTTP/1.1', 404],
      // Absolute-form targets, one with a port URL parsing refuses; an asterisk.
      ['GET http://localhost/index.html HTTP/1.1', 200],
      ['GET http://localhost:99999/ HTTP/1.1', 400],
      ['OPTIONS * HTTP/1.1', 405],
      // Methods other than GET and HEAD.
      ['POST / HTTP/1.1', 405],
      ['DELETE /index.html HTTP/1.1', 405],
      ['BREW / HTTP/1.1', 400],
      // A URL longer than Node accepts in a request head.
      [`GET /${'a'.repeat(100_000)} HTTP/1.1`, 431],
      [`GET /${'%E0'.repeat(2_000)} HTTP/1.1`, 404],
    ];
    for (const [head, expected] of cases) {
      assert.equal(await rawStatus(port, head), expected, head.slice(0, 80));
    }
    assert.equal(await rawStatus(port, 'GET /index.html HTTP/1.1'), 200, 'still serving');
    const response = await fetch(`http://127.0.0.1:${port}/%E0%A4%A`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-security-policy'), /default-src 'none'/);
  } finally {
    server.close();
  }
});

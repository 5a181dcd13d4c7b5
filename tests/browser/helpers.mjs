// Shared set-up of browser tests: the demo server and Debian's Chromium via playwright-core.
import { chromium } from 'playwright-core';
import { start } from '../../www/serve.mjs';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function openDemo() {
  const server = await start(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const consoleErrors = [];
  const offOrigin = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => { if (!request.url().startsWith(origin)) offOrigin.push(request.url()); });
  async function close() {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  return { page, origin, consoleErrors, offOrigin, close };
}

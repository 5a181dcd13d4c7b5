// Shared set-up of browser tests: the demo server and Debian's Chromium via playwright-core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { start } from '../../www/serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const require = createRequire(import.meta.url);

/**
 * Starts the demo server and one browser. `open()` gives a fresh page on the demo that
 * records console errors, CSP violations and any request that leaves the origin (a blob:
 * URL of the page's own exports stays in the page).
 */
export async function launchDemo() {
  const server = await start(0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

  async function open({ path = '/', viewport = { width: 1280, height: 900 }, permissions = [] } = {}) {
    const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true });
    if (permissions.length) await context.grantPermissions(permissions, { origin });
    const page = await context.newPage();
    const consoleErrors = [];
    const offOrigin = [];
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !url.startsWith(`blob:${origin}/`)) offOrigin.push(url);
    });
    // Run by the browser, not the page: the page's CSP does not apply to this script.
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${origin}${path}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForSelector('body[data-checks]');
    return {
      page,
      response,
      /** What every test ends asserting empty: errors in the page, blocked content, requests off the origin. */
      async problems() {
        return { consoleErrors, cspViolations: await page.evaluate(() => window.cspViolations), offOrigin };
      },
      close: () => context.close(),
    };
  }

  async function close() {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
  return { origin, open, close };
}

/** Waits until the page has finished `count` more checks (with their panels) than now. */
export async function nextCheck(page, action, count = 1) {
  const before = await page.evaluate(() => Number(document.body.dataset.checks));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.checks) >= n, before + count, { timeout: 15_000 });
}

/** Drops a file on the page the way a person's drag and drop does (a `drop` event with files). */
export async function dropFile(page, path, name) {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(({ base64, name }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name));
    const target = document.querySelector('main');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { base64, name });
}

/** axe-core on WCAG 2.x A and AA rules, the page as it is now: violations and ids of rules passed. */
export async function axeCheck(page) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the page's CSP (rightly) forbids inline scripts.
  await page.evaluate(`${source};0`);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return {
      violations: result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.slice(0, 5).map((node) => node.target.join(' ')) })),
      passes: result.passes.map(({ id }) => id),
    };
  });
}

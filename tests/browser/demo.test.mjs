// The web build in a real browser: loads under the demo's CSP and validates live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDemo } from './helpers.mjs';

test('the demo loads the web build and validates as the plan is edited', async () => {
  const demo = await openDemo();
  try {
    const { page } = demo;
    await page.goto(`${demo.origin}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    const plan = {
      sections: [{ title: 'Training', actions: [
        { id: '1', description: 'Deliver WRAP', leads: ['Prevent Lead'], milestones: ['Mar-18'] },
        { id: '1', description: '<img src=x onerror="window.pwned=1">', leads: [], milestones: ['Ongoing'] },
      ] }],
    };
    await page.fill('#plan-text', JSON.stringify(plan, null, 2));
    // The example plan's issues are on screen until the debounced check of the new text runs.
    await page.waitForFunction(() => document.querySelector('#issues').textContent.includes('duplicate-id'), null, { timeout: 5_000 });
    const items = await page.$$eval('#issues li', (nodes) => nodes.map((node) => node.textContent));
    assert.ok(items.some((item) => item.includes('duplicate-id')), items.join('\n'));
    assert.ok(items.some((item) => item.includes('lead-missing')), items.join('\n'));
    assert.equal(await page.getAttribute('#plan-text', 'aria-invalid'), 'true');

    await page.fill('#plan-text', '{"sections": [');
    await page.waitForFunction(() => document.querySelector('#issues').textContent.includes('json-syntax'));
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    await page.screenshot({ path: 'target/browser-demo.png', fullPage: true });
    assert.deepEqual(demo.consoleErrors, []);
    assert.deepEqual(demo.offOrigin, []);
  } finally {
    await demo.close();
  }
});

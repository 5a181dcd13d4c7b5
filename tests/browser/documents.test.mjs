// Word documents and web tables in the demo: a dropped .docx, and HTML pasted through the
// real clipboard (as Word puts it there), read by the lazily loaded module under the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dropFile, launchDemo } from './helpers.mjs';

const DOCUMENTS = new URL('../fixtures/documents/', import.meta.url);
const NO_PROBLEMS = { consoleErrors: [], cspViolations: [], offOrigin: [] };

let demo;
before(async () => {
  demo = await launchDemo();
});
after(() => demo?.close());

async function withTab(options, body) {
  const tab = await demo.open(options);
  try {
    await body(tab.page);
    assert.deepEqual(await tab.problems(), NO_PROBLEMS);
  } finally {
    await tab.close();
  }
}

test('a dropped Word plan split over tables is one plan, shown as a marked table', () => withTab({}, async (page) => {
  await dropFile(page, new URL('multi-table.docx', DOCUMENTS), 'multi-table.docx');
  await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('Imported multi-table.docx'), null, { timeout: 30_000 });
  assert.match(await page.textContent('#import-status'), /4 actions/);
  assert.equal(await page.locator('fieldset.action').count(), 4);
  assert.match(await page.textContent('#table-body .table-summary'), /sheet "Table \d"/);
  assert.ok(await page.locator('#table-body td.cell-marked').count() > 0);
}));

test('HTML pasted from Word keeps merged cells and lines, through the real clipboard', () => withTab({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
  const html = readFileSync(new URL('clipboard/word.html', DOCUMENTS), 'utf8');
  // Word puts the HTML on the clipboard from outside the page: a second tab of the same
  // origin, served without the demo's CSP (Chrome parses HTML written to the clipboard in
  // the writing page, and Word's inline styles would be CSP violations of the test, not of
  // the demo).
  const origin = new URL(page.url()).origin;
  const writer = await page.context().newPage();
  await writer.route(`${origin}/clipboard-writer`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>writer</title>' }));
  await writer.goto(`${origin}/clipboard-writer`);
  await writer.evaluate(async (markup) => {
    const item = new ClipboardItem({
      'text/html': new Blob([markup], { type: 'text/html' }),
      'text/plain': new Blob(['Objective\tAction\tLead\tTarget date'], { type: 'text/plain' }),
    });
    await navigator.clipboard.write([item]);
  }, html);
  await writer.close();
  await page.bringToFront();
  await page.focus('#paste');
  await page.keyboard.press('Control+V');
  await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('Imported Pasted table'), null, { timeout: 30_000 });
  assert.match(await page.textContent('#import-status'), /2 actions/);
  assert.equal(await page.inputValue('#field-sections-0-actions-1-leads'), 'Prevent Coordinator');
  assert.match(await page.inputValue('#field-sections-0-actions-1-description'), /frontline staff[^]*school governors/);
}));

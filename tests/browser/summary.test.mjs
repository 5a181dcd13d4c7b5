// The assurance summary's HTML in Chromium: no script runs or exists, axe-core finds no
// serious or critical violation, and it prints. Screenshots: target/summary.png (one plan),
// summary-category.png (one benchmark's section), summary-print.png (one section as printed),
// summary-overview.png (the overview of the seed plans), and summary.pdf (the plan printed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, axeCheck } from './helpers.mjs';

const require = createRequire(import.meta.url);
const api = require('../../pkg/index.cjs');
const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const TARGET = fileURLToPath(new URL('../../target/', import.meta.url));

/** Cumbria's plan with markup in its text, as of a date when six milestones are overdue. */
function cumbriaWithMarkup() {
  const plan = JSON.parse(readFileSync(`${SEEDS}004_cumbria_2015.json`, 'utf8'));
  plan.sections[0].actions[0].description += ' <script>document.title="pwned"</script><img src=x onerror="document.title=1">';
  return plan;
}

function write(name, html) {
  mkdirSync(TARGET, { recursive: true });
  const path = `${TARGET}${name}`;
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(() => browser?.close());

async function open(url, t) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-GB' });
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  t.after(() => page.close());
  return { page, errors };
}

async function assertAccessible(page, t) {
  const { violations, passes } = await axeCheck(page);
  for (const rule of ['color-contrast', 'document-title', 'html-has-lang', 'th-has-data-cells']) {
    assert.ok(passes.includes(rule), `axe rule ${rule} did not run and pass`);
  }
  const blocking = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  assert.deepEqual(blocking, [], JSON.stringify(blocking, null, 2));
  for (const violation of violations) t.diagnostic(`axe (${violation.impact}): ${violation.id}: ${violation.help}`);
}

test('one plan: script-free, accessible, printable', async (t) => {
  const report = api.validate(cumbriaWithMarkup(), { asOf: '2016-01-31' });
  const url = write('summary.html', api.summarize(report, { asOf: '2016-01-31', format: 'html' }));
  const { page, errors } = await open(url, t);
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.title(), 'Prevent duty assurance summary: PREVENT – DELIVERY PLAN');
  assert.match(await page.locator('#benchmark-partnership table').innerText(), /<script>document\.title="pwned"<\/script>/);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('section[id^="benchmark-"] > h2').count(), 14);
  assert.equal(await page.locator('caption').count(), 1 + 12 + 1, 'the benchmarks, each covered one, the overdue items');
  await assertAccessible(page, t);
  await page.screenshot({ path: `${TARGET}summary.png`, fullPage: false });
  await page.locator('#benchmark-partnership').screenshot({ path: `${TARGET}summary-category.png` });
  await page.emulateMedia({ media: 'print' });
  await page.locator('#benchmark-channel_panel').screenshot({ path: `${TARGET}summary-print.png` });
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(`${TARGET}summary.pdf`, pdf);
  assert.ok(pdf.length > 10_000);
  assert.deepEqual(errors, []);
});

test('Welsh summary: lang cy, accessible', async (t) => {
  const report = api.validate(cumbriaWithMarkup(), { asOf: '2016-01-31' });
  const url = write('summary-cy.html', api.summarize(report, { asOf: '2016-01-31', format: 'html', locale: 'cy' }));
  const { page, errors } = await open(url, t);
  assert.equal(await page.getAttribute('html', 'lang'), 'cy');
  assert.match(await page.locator('h2').first().innerText(), /Yn gryno/);
  await assertAccessible(page, t);
  assert.deepEqual(errors, []);
});

test('overview of the seed plans: a matrix of plans by benchmarks, accessible', async (t) => {
  const entries = readdirSync(SEEDS).sort().map((name) => {
    const report = api.validateJson(readFileSync(`${SEEDS}${name}`, 'utf8'), { asOf: '2016-01-31' });
    return { name, summary: api.summarize(report, { asOf: '2016-01-31' }) };
  });
  entries.push({ name: 'broken.xlsx', error: 'not a workbook' });
  const url = write('summary-overview.html', api.overview(entries, { format: 'html' }));
  const { page, errors } = await open(url, t);
  assert.equal(await page.evaluate(() => document.scripts.length), 0);
  assert.equal(await page.locator('tbody tr').count(), 6);
  assert.equal(await page.locator('thead th').count(), 1 + 14 + 2);
  await assertAccessible(page, t);
  await page.screenshot({ path: `${TARGET}summary-overview.png`, fullPage: true });
  assert.deepEqual(errors, []);
});

// The demo's overview, compare view and lazily built form, in Debian's Chromium: the
// changes between two versions of the Harrow plan, and the times to open and edit plans of
// 200 and 5,000 actions.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { generatePlan } from '../../bench/generate.mjs';
import { axeCheck, launchDemo, nextCheck } from './helpers.mjs';

const VERSIONS = new URL('../fixtures/versions/', import.meta.url);
const NO_PROBLEMS = { consoleErrors: [], cspViolations: [], offOrigin: [] };
const EDITS = 12;

let demo;
before(async () => {
  mkdirSync('target', { recursive: true });
  demo = await launchDemo();
});
after(() => demo?.close());

async function withTab(body) {
  const tab = await demo.open({});
  try {
    await body(tab.page, tab);
    assert.deepEqual(await tab.problems(), NO_PROBLEMS);
  } finally {
    await tab.close();
  }
}

const file = (name, buffer) => ({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer });
const version = (name) => file(name, readFileSync(new URL(name, VERSIONS)));

/** Opens `plan` as a file and waits for its first check; the wall-clock time it took. */
async function openPlan(page, name, plan) {
  const started = Date.now();
  await nextCheck(page, () => page.setInputFiles('#file', file(name, Buffer.from(JSON.stringify(plan)))));
  return Date.now() - started;
}

test('the overview comes before the form: counts, coverage and timeline at the top', () => withTab(async (page) => {
  const order = await page.evaluate(() => ['overview', 'coverage', 'timeline', 'plan-form']
    .map((id) => document.getElementById(id).getBoundingClientRect().top));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.match(await page.textContent('#overview-counts'), /Actions21 in 4 sectionsErrors2Warnings\d+Coverage\d+ of \d+ categories covered/);
}));

test('an earlier version shows the changes, marks changed actions and ghosts old milestones', () => withTab(async (page) => {
  await nextCheck(page, () => page.setInputFiles('#file', version('harrow-2015-16-q4.json')));
  await nextCheck(page, () => page.setInputFiles('#compare-file', version('harrow-2015-16-q3.json')));
  assert.equal(await page.isVisible('#changes'), true);
  assert.match(await page.textContent('#changes .changes-counts'), /^19 actions in both versions \(12 matched by their text\), 1 added, 2 removed, 5 unchanged; 3 deadlines slipped, 1 completed/);
  const problems = await page.locator('#changes .changes-problems li').allTextContents();
  assert.equal(problems.length, 3);
  assert.match(problems[0], /of action 6 has slipped to 30 Jun 2016, past the end of the plan period.*milestone-slipped/);
  assert.match(problems[2], /Action 13 was removed.*action-dropped-silently/);
  assert.equal(await page.locator('#changes tbody tr').count(), 17);
  assert.match(await page.textContent('#field-sections-0-actions-5-legend'), /changed: renumbered 5 → 6; not started → delayed; slipped 3 months/);
  // The 14 actions found in both versions that changed, each with its earlier milestones.
  assert.equal(await page.locator('#timeline-body .tl-ghost').count(), 14);
  assert.match(await page.textContent('#timeline-body .timeline-summary'), /14 changed actions with the earlier version's milestones ghosted behind/);
  await page.locator('#changes').screenshot({ path: 'target/browser-compare-changes.png' });
  await page.locator('#timeline').screenshot({ path: 'target/browser-compare-timeline.png' });
  // An edit is compared again: completing action 15 leaves one slip and adds a completion.
  await nextCheck(page, () => page.fill('#field-sections-1-actions-3-status', 'Complete'));
  assert.match(await page.textContent('#field-sections-1-actions-3-legend'), /completed \(was on track\)/);
  const { violations } = await axeCheck(page);
  const blocking = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  assert.deepEqual(blocking, [], JSON.stringify(blocking, null, 2));
  await nextCheck(page, () => page.click('#stop-compare'));
  assert.equal(await page.isVisible('#changes'), false);
  assert.equal(await page.locator('.change-mark').count(), 0);
}));

/** Opens a generated plan of `size` actions, then edits one action's description `EDITS` times. */
async function measure(page, t, size) {
  const plan = generatePlan(size);
  const openMs = await openPlan(page, `plan-${size}.json`, plan);
  const controls = await page.locator('#plan-fields input, #plan-fields textarea').count();
  const form = await page.evaluate(() => performance.getEntriesByName('form').at(-1).duration);
  const toggle = page.locator('#field-sections-0-heading .section-toggle');
  if (await toggle.getAttribute('aria-expanded') === 'false') await toggle.click();
  await page.evaluate(() => performance.clearMeasures());
  const keystrokes = [];
  for (let edit = 0; edit < EDITS; edit += 1) {
    const started = Date.now();
    await nextCheck(page, () => page.fill('#field-sections-0-actions-0-description', `Deliver WRAP training to frontline staff, round ${edit}`));
    keystrokes.push(Date.now() - started);
  }
  const checks = await page.evaluate(() => performance.getEntriesByName('check').map((entry) => entry.duration));
  const sorted = (values) => [...values].sort((a, b) => a - b);
  const result = { openMs, form, controls, checkMin: sorted(checks)[0], checkMedian: sorted(checks)[Math.floor(checks.length / 2)], keystrokeMedian: sorted(keystrokes)[Math.floor(keystrokes.length / 2)] };
  t.diagnostic(`${size} actions: opened in ${openMs} ms (form ${form.toFixed(0)} ms, ${controls} controls); `
    + `a keystroke re-checked in min ${result.checkMin.toFixed(0)} ms, median ${result.checkMedian.toFixed(0)} ms; `
    + `keystroke to panels redrawn (150 ms debounce included) median ${result.keystrokeMedian} ms`);
  return result;
}

test('a 200-action plan opens whole; a 5,000-action plan opens collapsed and stays quick to edit', (t) => withTab(async (page) => {
  const small = await measure(page, t, 200);
  assert.ok(small.controls > 200 * 9, `200 actions are rendered whole (${small.controls} controls)`);
  const large = await measure(page, t, 5000);
  // Collapsed sections render nothing: the plan details, then one opened section of 12 actions.
  assert.ok(large.controls < 200, `${large.controls} controls for 5,000 actions`);
  assert.ok(large.form < 1000, `the 5,000-action form built in ${large.form.toFixed(0)} ms`);
  // Before lazy sections (main at 74fe852, same machine, same load): 44.8 s to open 5,000
  // actions (544,549 elements) and 3.6-11.3 s from a keystroke to the panels redrawn; issue
  // 17 item 8 measured 12 s and 0.9-2.6 s on a quiet machine. What is left is mostly the
  // core's check of 5,000 actions. The machine is shared, so the bounds are loose.
  assert.ok(large.openMs < 20_000, `opening 5,000 actions took ${large.openMs} ms`);
  assert.ok(large.checkMin < 1500, `re-checking 5,000 actions took ${large.checkMin.toFixed(0)} ms at best`);
}));

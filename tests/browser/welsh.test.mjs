// The demo's language choice: with Cymraeg chosen, the checks' messages, hints and the
// coverage panel's category names are in Welsh and marked `lang="cy"` (WCAG 3.1.2).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { profiles } from 'prevent-plan-check';
import { axeCheck, dropFile, launchDemo, nextCheck } from './helpers.mjs';

const FIXTURES = new URL('../fixtures/tables/', import.meta.url);
const NO_PROBLEMS = { consoleErrors: [], cspViolations: [], offOrigin: [] };
const MILESTONES_1 = '#field-sections-0-actions-0-milestones';

let demo;
before(async () => {
  demo = await launchDemo();
});
after(() => demo?.close());

test('Cymraeg puts messages at fields and category names in Welsh, marked lang="cy"', () => demo.open().then(async (tab) => {
  const { page } = tab;
  try {
    assert.equal(await page.textContent('label[for="locale"]'), 'Language of the checks / Iaith y gwiriadau');
    assert.equal(await page.getAttribute('label[for="locale"] span', 'lang'), 'cy');
    await nextCheck(page, () => page.selectOption('#locale', 'cy'));
    await nextCheck(page, () => page.fill(MILESTONES_1, 'June 2031'));

    // At the field: the page's own words stay English, the message is Welsh and says so.
    const slot = `${MILESTONES_1}-issues`;
    assert.match(await page.textContent(slot), /^Error: /);
    const message = page.locator(`${slot} span[lang="cy"]`).first();
    assert.match(await message.textContent(), /^Carreg filltir "June 2031" \(cam gweithredu 1.*\): mae'n dod ar ôl diwedd cyfnod y cynllun/);
    assert.match(await page.locator(`${slot} .issue-hint`).first().getAttribute('lang'), /^cy$/);
    assert.ok(await page.locator('#issue-summary a span[lang="cy"]', { hasText: 'Carreg filltir "June 2031"' }).count() >= 1);

    // The coverage panel: every category of the chosen profile by its Welsh name.
    const chosen = await page.inputValue('#profile');
    const profile = profiles().find((candidate) => candidate.id === chosen);
    const welshNames = profile.categories.map((category) => category.translations.cy.name);
    assert.deepEqual(await page.locator('#coverage-body h3[lang="cy"]').allTextContents(), welshNames);
    assert.ok(welshNames.includes('Panel Channel'));
    for (const hint of await page.locator('#coverage-body p.hint').all()) {
      assert.equal(await hint.getAttribute('lang'), 'cy');
    }

    const { violations } = await axeCheck(page);
    assert.deepEqual(violations.filter((violation) => ['valid-lang', 'html-has-lang'].includes(violation.id)), []);

    // Back to English: the same places, English texts, no lang marks left.
    await nextCheck(page, () => page.selectOption('#locale', 'en'));
    assert.match(await page.textContent(slot), /^Error: Milestone "June 2031" of action 1 .* falls after the plan period ends/);
    assert.equal(await page.locator('main [lang="cy"]').count(), 2, 'only the label and the Cymraeg option');
    assert.deepEqual(await page.locator('#coverage-body h3').allTextContents(), profile.categories.map((category) => category.name));
    assert.deepEqual(await tab.problems(), NO_PROBLEMS);
  } finally {
    await tab.close();
  }
}));

test('in Cymraeg, an import that fails says why in Welsh, and the table view notes its cells in Welsh', () => demo.open().then(async (tab) => {
  const { page } = tab;
  try {
    await nextCheck(page, () => page.selectOption('#locale', 'cy'));
    await page.setInputFiles('#file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"sections": [}') });
    await page.waitForFunction(() => document.querySelector('#import-status').textContent.startsWith('broken.json could not be opened: '));
    assert.match(await page.textContent('#import-status span[lang="cy"]'), /^Nid yw'r cynllun yn JSON dilys/);

    await nextCheck(page, () => dropFile(page, new URL('excel-style.csv', FIXTURES), 'excel-style.csv'));
    await page.waitForSelector('#table-view:not([hidden]) table');
    // Each note: the page's English severity word, the report's Welsh text marked as such.
    const notes = page.locator('#table-body .cell-notes li');
    assert.ok(await notes.count() > 0, 'the fixture has cells with issues');
    for (const note of await notes.all()) {
      assert.match(await note.textContent(), /^[A-Z]+\d+ (Error|Warning|Note): /);
      assert.ok(await note.locator('span[lang="cy"]').count() >= 1);
    }
    assert.deepEqual(await tab.problems(), NO_PROBLEMS);
  } finally {
    await tab.close();
  }
}));

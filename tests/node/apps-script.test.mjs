// The Google Apps Script sample, run as Apps Script runs it: dist/Checker.js and Code.js in
// one global scope with only the JS builtins and WebAssembly (no TextEncoder, TextDecoder,
// crypto, fetch or require), plus fakes of the Apps Script services the code calls.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { cellMarks } from '../../pkg/src/marks.mjs';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const sample = new URL('../../samples/apps-script/', import.meta.url);
const dist = new URL('dist/', sample);
const NO_FILL = '#ffffff';

before(() => {
  execFileSync(process.execPath, [new URL('build.mjs', sample).pathname], { stdio: 'inherit' });
});

/** "D7" -> [7, 4]. */
function position(address) {
  const [, letters, row] = /^([A-Z]+)([0-9]+)$/.exec(address);
  return [Number(row), [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0)];
}

/** A sheet holding values, fills and notes, with the Range methods Code.js uses. */
class FakeSheet {
  constructor(values) {
    this.values = values;
    this.backgrounds = values.map((row) => row.map(() => NO_FILL));
    this.notes = values.map((row) => row.map(() => ''));
    this.writes = 0;
  }

  getSheetId() { return 1234; }
  getName() { return 'Plan'; }
  getMaxRows() { return this.values.length; }
  getMaxColumns() { return this.values[0].length; }
  getDataRange() { return new FakeRange(this, 1, 1, this.values.length, this.values[0].length); }
  getRange(rowOrA1, column, rows = 1, columns = 1) {
    if (typeof rowOrA1 === 'string') return new FakeRange(this, ...position(rowOrA1), 1, 1);
    if (rowOrA1 + rows - 1 > this.getMaxRows() || column + columns - 1 > this.getMaxColumns()) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, rowOrA1, column, rows, columns);
  }
  cell(address) {
    const [row, column] = position(address);
    return { background: this.backgrounds[row - 1][column - 1], note: this.notes[row - 1][column - 1] };
  }
}

class FakeRange {
  constructor(sheet, row, column, rows, columns) {
    Object.assign(this, { sheet, row, column, rows, columns });
  }

  grid(cells) {
    return cells.slice(this.row - 1, this.row - 1 + this.rows).map((row) => row.slice(this.column - 1, this.column - 1 + this.columns));
  }
  getRow() { return this.row; }
  getColumn() { return this.column; }
  getA1Notation() {
    const name = (row, column) => `${String.fromCharCode(64 + column)}${row}`;
    const first = name(this.row, this.column);
    return this.rows === 1 && this.columns === 1 ? first : `${first}:${name(this.row + this.rows - 1, this.column + this.columns - 1)}`;
  }
  getValues() { return this.grid(this.sheet.values); }
  getBackgrounds() { return this.grid(this.sheet.backgrounds); }
  getNotes() { return this.grid(this.sheet.notes); }
  getBackground() { return this.getBackgrounds()[0][0]; }
  getNote() { return this.getNotes()[0][0]; }
  each(cells, value) {
    this.sheet.writes += 1;
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) cells[this.row - 1 + r][this.column - 1 + c] = value;
    return this;
  }
  setBackground(color) { return this.each(this.sheet.backgrounds, color === null ? NO_FILL : color); }
  setNote(note) { return this.each(this.sheet.notes, note); }
}

/**
 * Renders an HtmlService template the way Apps Script does: `<?= ?>` escapes, `<? ?>` runs
 * code. `<?!= ?>` (raw output) is refused: the sidebar must never print plan text unescaped.
 */
function renderTemplate(source, data) {
  assert.ok(!source.includes('<?!='), 'the sidebar prints something unescaped');
  const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  let code = 'let out = "";\n';
  for (const [index, part] of source.split(/<\?|\?>/).entries()) {
    if (index % 2 === 0) code += `out += ${JSON.stringify(part)};\n`;
    else if (part.startsWith('=')) code += `out += escape(${part.slice(1)});\n`;
    else code += `${part}\n`;
  }
  // eslint-disable-next-line no-new-func -- the template's own code, as HtmlService runs it
  return new Function('data', 'escape', `with (data) { ${code} return out; }`)(data, escape);
}

/**
 * A fresh Apps Script project around `sheet`; `seen` records what the services were given.
 * `gasLocal` loads dist/ with the gas-local package (every .js file of the folder in one
 * context, over its default Logger and Utilities mocks) instead of this file's own loader.
 */
function project(sheet, { gasLocal = false } = {}) {
  const seen = { sidebars: [], toasts: [], logs: [], menus: [] };
  const properties = new Map();
  const services = {
    SpreadsheetApp: {
      getActiveSheet: () => sheet,
      getActiveSpreadsheet: () => ({ toast: (message) => seen.toasts.push(message) }),
      getUi: () => ({
        createMenu(title) {
          const menu = { title, items: [] };
          seen.menus.push(menu);
          const builder = { addItem: (caption, fn) => (menu.items.push([caption, fn]), builder), addToUi: () => builder };
          return builder;
        },
        showSidebar: (output) => seen.sidebars.push(output),
      }),
    },
    HtmlService: {
      createTemplateFromFile(name) {
        const source = readFileSync(new URL(`${name}.html`, dist), 'utf8');
        return {
          evaluate() {
            const html = renderTemplate(source, this);
            return { html, setTitle(title) { this.title = title; return this; } };
          },
        };
      },
    },
    PropertiesService: {
      getDocumentProperties: () => ({
        getProperties: () => Object.fromEntries(properties),
        setProperties(values) {
          for (const [key, value] of Object.entries(values)) {
            assert.ok(value.length <= 9000, `property ${key} is ${value.length} characters`);
            properties.set(key, value);
          }
        },
        deleteProperty: (key) => properties.delete(key),
      }),
    },
    Logger: { log: (message) => seen.logs.push(message) },
  };
  if (gasLocal) {
    const gas = require('gas-local');
    return { context: gas.require(fileURLToPath(dist), Object.setPrototypeOf(services, gas.globalMockDefault)), seen, properties };
  }
  const context = vm.createContext(services);
  for (const file of ['Checker.js', 'Code.js']) {
    vm.runInContext(readFileSync(new URL(file, dist), 'utf8'), context, { filename: file });
  }
  return { context, seen, properties };
}

function sheetRows(text) {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/).map((line) => line.split('\t'));
  const width = Math.max(...lines.map((line) => line.length));
  return lines.map((line) => [...line, ...Array(width - line.length).fill('')]);
}

/** Runs code in the script's realm; its arrays and objects copied out to compare here. */
const inScript = (context, code) => JSON.parse(JSON.stringify(vm.runInContext(code, context)));

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

test('the bundle runs without TextEncoder, TextDecoder, crypto, fetch or require', () => {
  const { context } = project(new FakeSheet([['']]));
  assert.deepEqual(
    inScript(context, '[typeof TextEncoder, typeof TextDecoder, typeof crypto, typeof fetch, typeof require, typeof Utilities]'),
    ['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined'],
  );
  assert.equal(vm.runInContext('PreventPlanCheck.version()', context), api.version());
  // Only the two globals: the glue, the API's helpers and the fallbacks stay in the closure.
  assert.deepEqual(inScript(context, '[typeof wasm_bindgen, typeof createApi, typeof Utf8Encoder, typeof cellMarks]'), ['undefined', 'undefined', 'undefined', 'function']);
});

test('onOpen adds the Prevent plan menu', () => {
  const { context, seen } = project(new FakeSheet([['']]));
  vm.runInContext('onOpen()', context);
  assert.deepEqual(JSON.parse(JSON.stringify(seen.menus)), [{ title: 'Prevent plan', items: [['Check Prevent plan', 'checkPreventPlan'], ['Clear marks', 'clearMarks']] }]);
});

test('checkPreventPlan marks the seed table as the Node build reports it, and clearMarks restores it', () => {
  const tsv = readFileSync(new URL('../fixtures/tables/haringey-2013-14.tsv', import.meta.url), 'utf8');
  const sheet = new FakeSheet(sheetRows(tsv));
  const expected = cellMarks(api.validateCsv(tsv, { profile: 'la-2023', asOf: today() }));
  assert.ok(expected.marks.length >= 5, `${expected.marks.length} marks`);
  // The user's own formatting: on a cell the check marks, and on one it leaves alone.
  const [first] = expected.marks;
  sheet.backgrounds[first.row - 1][first.column - 1] = '#00ff00';
  sheet.notes[first.row - 1][first.column - 1] = 'Checked by J. Smith';
  sheet.backgrounds[0][5] = '#abcdef';
  const before = structuredClone({ backgrounds: sheet.backgrounds, notes: sheet.notes });

  const { context, seen, properties } = project(sheet);
  const report = inScript(context, 'checkPreventPlan()');
  assert.equal(report.issues.length, expected.marks.reduce((n, mark) => n + mark.issues.length, 0) + expected.unplaced.length);

  const marked = new Set();
  for (const mark of expected.marks) {
    marked.add(mark.cell);
    const note = mark === first ? `Checked by J. Smith\n\n${mark.note}` : mark.note;
    assert.deepEqual(sheet.cell(mark.cell), { background: mark.fill, note }, mark.cell);
  }
  sheet.values.forEach((row, r) => row.forEach((_, c) => {
    const address = `${String.fromCharCode(65 + c)}${r + 1}`;
    if (!marked.has(address)) assert.deepEqual(sheet.cell(address), { background: before.backgrounds[r][c], note: before.notes[r][c] }, address);
  }));

  const [sidebar] = seen.sidebars;
  assert.equal(sidebar.title, 'Prevent plan check');
  const items = [...sidebar.html.matchAll(/<li class="(\w+)">\s*<span class="where">\w+ ([^:]+):<\/span>\s*([^<]*?)\s*</g)]
    .map(([, severity, where, message]) => [severity, where, message]);
  const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  assert.deepEqual(items, [
    ...expected.unplaced.map((issue) => [issue.severity, 'whole plan', escape(issue.message)]),
    ...expected.marks.flatMap((mark) => mark.issues.map((issue) => [issue.severity, mark.cell, escape(issue.message)])),
  ]);
  assert.match(sidebar.html, new RegExp(`${report.summary.warnings} warnings`));
  assert.ok(properties.size > 0, 'what the check changed is remembered between executions');

  // A later execution (a new global scope) puts back what the check changed, and only that.
  sheet.notes[expected.marks[1].row - 1][expected.marks[1].column - 1] = 'Edited since the check';
  const later = project(sheet);
  later.properties.clear();
  for (const [key, value] of properties) later.properties.set(key, value);
  vm.runInContext('clearMarks()', later.context);
  const edited = expected.marks[1];
  sheet.values.forEach((row, r) => row.forEach((_, c) => {
    const address = `${String.fromCharCode(65 + c)}${r + 1}`;
    const want = address === edited.cell
      ? { background: before.backgrounds[r][c], note: 'Edited since the check' }
      : { background: before.backgrounds[r][c], note: before.notes[r][c] };
    assert.deepEqual(sheet.cell(address), want, address);
  }));
  assert.equal(later.properties.size, 0);
  assert.deepEqual(later.seen.toasts, [`Marks cleared from ${expected.marks.length} cells.`]);
});

test('checking twice marks once: the second check starts from the restored sheet', () => {
  const tsv = readFileSync(new URL('../fixtures/tables/haringey-2013-14.tsv', import.meta.url), 'utf8');
  const sheet = new FakeSheet(sheetRows(tsv));
  const { context } = project(sheet);
  vm.runInContext('checkPreventPlan()', context);
  const once = structuredClone({ backgrounds: sheet.backgrounds, notes: sheet.notes });
  vm.runInContext('checkPreventPlan()', context);
  assert.deepEqual({ backgrounds: sheet.backgrounds, notes: sheet.notes }, once);
  vm.runInContext('clearMarks()', context);
  assert.ok(sheet.backgrounds.flat().every((color) => color === NO_FILL));
  assert.ok(sheet.notes.flat().every((note) => note === ''));
});

test('Clear marks after rows were deleted restores the cells that are left', () => {
  const tsv = readFileSync(new URL('../fixtures/tables/haringey-2013-14.tsv', import.meta.url), 'utf8');
  const sheet = new FakeSheet(sheetRows(tsv));
  const { context, properties } = project(sheet);
  const report = inScript(context, 'checkPreventPlan()');
  const rows = cellMarks(report).marks.map((mark) => mark.row);
  const keep = Math.floor((rows[0] + rows.at(-1)) / 2);
  assert.ok(rows.some((row) => row > keep) && rows.some((row) => row <= keep));
  for (const cells of [sheet.values, sheet.backgrounds, sheet.notes]) cells.splice(keep);
  vm.runInContext('clearMarks()', context);
  assert.ok(sheet.backgrounds.flat().every((color) => color === NO_FILL));
  assert.ok(sheet.notes.flat().every((note) => note === ''));
  assert.equal(properties.size, 0);
});

test('cells as getValues() gives them, with non-ASCII text, reach the core unchanged', () => {
  const text = 'Café – ‘quotes’ £ “Prevent” 😀 naïve Ωmega';
  const title = 'Prevent Delivery Plan 2015-16 <img src=x onerror=alert(1)> & more';
  const sheet = new FakeSheet([[title, '', ''], ['Action', 'Target date', 'Progress'], ['', '', ''], ['', '', ''], ['', '', '']]);
  const { context, seen } = project(sheet);
  // Dates made in the script's own realm, as Apps Script hands them over.
  sheet.values[2] = [`1. ${text}`, vm.runInContext('new Date(2016, 2, 31)', context), 'On track'];
  sheet.values[3] = ['1. Refresh the action plan', 42461, true];
  sheet.values[4] = ['2. Deliver WRAP to frontline staff', 'Dec 2015', 'Complete'];
  const report = inScript(context, 'checkPreventPlan()');
  assert.equal(report.plan.title, title);
  const actions = report.plan.sections.flatMap((section) => section.actions);
  assert.equal(actions[0].description, text);
  assert.equal(actions[0].milestones[0].text, '2016-03-31');
  assert.deepEqual(actions.map((action) => action.id), ['1', '1', '2']);

  const expected = cellMarks(api.validateTable(sheet.values.map((row) => row.map((cell) => (typeof cell === 'object' ? '2016-03-31' : cell))), { profile: 'la-2023', asOf: today() }));
  assert.ok(expected.unplaced.length > 0 && expected.marks.some((mark) => mark.issues.some((issue) => issue.rule === 'duplicate-id')));
  const html = seen.sidebars[0].html;
  const items = [...html.matchAll(/<li class="(\w+)">([^]*?)<\/li>/g)].map(([, , item]) => item);
  // Issues about the whole plan come first, then the cells in sheet order.
  assert.equal(items.length, expected.unplaced.length + expected.marks.reduce((n, mark) => n + mark.issues.length, 0));
  for (const [index, issue] of expected.unplaced.entries()) assert.match(items[index], /whole plan:/, issue.rule);
  assert.match(items[expected.unplaced.length], new RegExp(`${expected.marks[0].cell}:`));
  assert.ok(!html.includes('<img'), 'plan text reaches the sidebar escaped');
  assert.ok(html.includes('Prevent Delivery Plan 2015-16 &#60;img src=x onerror=alert(1)&#62; &#38; more'));
});

/** The fallbacks of polyfills.js, loaded as build.mjs inlines them. */
function fallbacks() {
  const source = readFileSync(new URL('polyfills.js', sample), 'utf8');
  return vm.runInContext(`${source}\n({ Utf8Encoder, Utf8Decoder, fillRandom, base64Bytes })`, vm.createContext({}));
}

test('the UTF-8 fallbacks agree with TextEncoder and TextDecoder', () => {
  const { Utf8Encoder, Utf8Decoder } = fallbacks();
  const encoder = new Utf8Encoder();
  const decoder = new Utf8Decoder('utf-8', { ignoreBOM: true });
  const texts = ['', 'ascii only', 'Café – ‘quotes’ £ “Prevent” 😀', '\u{10FFFF}\u0080\u07FF\u0800\uFFFF', 'lone \uD800 high', 'lone \uDC00 low', 'end \uD83D', '\uFEFFBOM kept', 'x'.repeat(20000) + 'é'];
  for (const text of texts) {
    const bytes = new TextEncoder().encode(text);
    assert.deepEqual([...encoder.encode(text)], [...bytes], JSON.stringify(text.slice(0, 30)));
    assert.equal(decoder.decode(bytes), new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    // encodeInto stops before a character that does not fit, as TextEncoder does.
    for (const size of [0, 1, 2, 3, 5, 8]) {
      const mine = new Uint8Array(size);
      const theirs = new Uint8Array(size);
      const { read, written } = encoder.encodeInto(text, mine);
      assert.deepEqual({ read, written }, new TextEncoder().encodeInto(text, theirs));
      assert.deepEqual([...mine], [...theirs]);
    }
  }
  assert.equal(decoder.decode(), '');
  // Malformed input: one U+FFFD per maximal bad subpart, exactly as TextDecoder does it.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
  const tricky = [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xff, 0x41], [0x80, 0xbf]];
  const samples = [...tricky, ...Array.from({ length: 2000 }, () => Array.from({ length: 1 + (random() % 12) }, () => (random() < 64 ? random() & 0x7f : random())))];
  for (const bytes of samples) {
    const input = Uint8Array.from(bytes);
    assert.equal(decoder.decode(input), new TextDecoder().decode(input), bytes.map((b) => b.toString(16)).join(' '));
  }
});

test('base64 and random-byte fallbacks', () => {
  const { base64Bytes, fillRandom } = fallbacks();
  for (let length = 0; length < 12; length++) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 200) % 256);
    assert.deepEqual([...base64Bytes(Buffer.from(bytes).toString('base64'))], [...bytes], `${length} bytes`);
  }
  const filled = fillRandom(new Uint8Array(64));
  assert.ok(filled.every((byte) => Number.isInteger(byte) && byte >= 0 && byte < 256));
  assert.ok(new Set(filled).size > 8, 'the bytes vary');
});

test('under gas-local, the bundle checks a sheet whose data range starts at B3 and marks the sheet\'s cells', () => {
  const tsv = readFileSync(new URL('../fixtures/tables/haringey-2013-14.tsv', import.meta.url), 'utf8');
  const rows = sheetRows(tsv);
  // Two empty rows and an empty column before the table: the data range starts at B3.
  const sheet = new FakeSheet([Array(rows[0].length + 1).fill(''), Array(rows[0].length + 1).fill(''), ...rows.map((row) => ['', ...row])]);
  sheet.getDataRange = () => new FakeRange(sheet, 3, 2, rows.length, rows[0].length);
  const { context } = project(sheet, { gasLocal: true });
  const report = inScript(context, 'checkPreventPlan()');
  const expected = cellMarks(api.validateTable(rows, { profile: 'la-2023', asOf: today(), origin: 'B3' }));
  assert.equal(report.issues.length, expected.marks.reduce((n, mark) => n + mark.issues.length, 0) + expected.unplaced.length);
  assert.ok(expected.marks.length >= 5);
  for (const mark of expected.marks) {
    assert.ok(mark.row >= 3 && mark.column >= 2, mark.cell);
    assert.deepEqual(sheet.cell(mark.cell), { background: mark.fill, note: mark.note }, mark.cell);
  }
});

test('the README states the size of Checker.js as built (within 10 %)', () => {
  const readme = readFileSync(new URL('README.md', sample), 'utf8');
  const stated = Number(/`Checker\.js`[^]*?about ([0-9.]+) MB/.exec(readme)?.[1]) * 1e6;
  const built = readFileSync(new URL('Checker.js', dist)).length;
  assert.ok(Math.abs(stated - built) / built < 0.1, `README says ${stated} bytes, the bundle has ${built}`);
});

// The Excel task pane sample against Microsoft's office-addin-mock and a fake of Office.js (which
// also models writes read back after sync, for Clear marks), and a fake DOM: the real taskpane.mjs,
// with the package as it deploys next to it (here the Node build behind the same API). The
// fake Excel throws when a property is read before it was loaded and synced, as Office.js does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cellMarks, parseCell, cellAddress } from '../../pkg/src/marks.mjs';

const require = createRequire(import.meta.url);
const api = require('prevent-plan-check');
const NO_FILL = '#FFFFFF';

/** The workbook behind the fake: one sheet whose used range starts at `origin`. */
class Workbook {
  constructor(sheet, origin, rows) {
    Object.assign(this, { sheet, origin, rows });
    this.fills = new Map();
    this.notes = new Map();
    this.comments = new Map();
    this.nextComment = 1;
  }

  get usedAddress() {
    const start = parseCell(this.origin);
    const end = cellAddress({ row: start.row + this.rows.length - 1, column: start.column + this.rows[0].length - 1 });
    return `${this.sheet}!${this.origin}:${end}`;
  }
  fill(address) { return this.fills.get(address) ?? NO_FILL; }
  target(address) { return `'${this.sheet.replace(/'/g, "''")}'!${address}`; }
}

/** Office.js-style proxies: `load` + `sync` before a property can be read. */
class Proxy {
  constructor(context) {
    this.context = context;
    this.loaded = new Set();
  }
  load(names) {
    this.context.pending.push([this, [names].flat()]);
    return this;
  }
  read(name, value) {
    if (!this.loaded.has(name)) throw new Error(`${name} read before load() and sync()`);
    return value;
  }
}

function fakeExcel(workbook, supported) {
  const runs = [];
  const newContext = () => {
    const context = { pending: [] };
    context.sync = async () => {
      for (const [proxy, names] of context.pending.splice(0)) for (const name of names) proxy.loaded.add(name);
    };
    const range = (address) => {
      const fill = new (class extends Proxy {
        get color() { return this.read('color', workbook.fill(address)); }
        set color(value) { workbook.fills.set(address, value); }
        clear() { workbook.fills.delete(address); }
      })(context);
      return { format: { fill }, select() { workbook.selected = address; } };
    };
    const sheet = new (class extends Proxy {
      get name() { return this.read('name', workbook.sheet); }
      getUsedRange() {
        return new (class extends Proxy {
          get values() { return this.read('values', structuredClone(workbook.rows)); }
          get address() { return this.read('address', workbook.usedAddress); }
        })(context);
      }
      getRange(address) { return range(address); }
    })(context);
    const cellOf = (target) => {
      const [, name, address] = /^'((?:[^']|'')*)'!([A-Z]+[0-9]+)$/.exec(target);
      assert.equal(name.replace(/''/g, "'"), workbook.sheet);
      return address;
    };
    context.workbook = {
      worksheets: {
        getActiveWorksheet: () => sheet,
        getItem: (name) => (assert.equal(name, workbook.sheet), sheet),
      },
      notes: {
        add(target, content) {
          const address = cellOf(target);
          if (workbook.notes.has(address)) throw new Error('InvalidArgument: the cell already has a note');
          workbook.notes.set(address, content);
        },
        getItemOrNullObject(target) {
          const address = cellOf(target);
          return new (class extends Proxy {
            get isNullObject() { return this.read('content', !workbook.notes.has(address)); }
            get content() { return this.read('content', workbook.notes.get(address)); }
            set content(value) { workbook.notes.set(address, value); }
            delete() { workbook.notes.delete(address); }
          })(context);
        },
      },
      comments: {
        add(target, content) {
          const id = String(workbook.nextComment++);
          workbook.comments.set(id, { address: cellOf(target), content });
          return new (class extends Proxy { get id() { return this.read('id', id); } })(context);
        },
        getItem: (id) => ({ delete: () => assert.ok(workbook.comments.delete(id), `comment ${id} exists`) }),
      },
    };
    return context;
  };
  return {
    runs,
    Excel: { run: (body) => { const run = body(newContext()); runs.push(run); return run; } },
    Office: {
      context: { requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version) <= supported } },
      onReady: (ready) => ready(),
    },
  };
}

/** Just the elements and calls taskpane.html and taskpane.mjs use. */
function fakeDocument() {
  const element = (value = '') => {
    const listeners = {};
    return {
      value, textContent: '', className: '', children: [], options: [],
      addEventListener: (type, listener) => { listeners[type] = listener; },
      click: () => listeners.click?.(),
      replaceChildren(...children) { this.children = children; },
      add(option) { this.options.push(option); },
    };
  };
  const elements = { summary: element(), issues: element(), profile: element('la-2023'), 'as-of': element(''), check: element(), clear: element() };
  return { elements, document: { getElementById: (id) => elements[id], createElement: () => element() } };
}

/** taskpane.mjs deployed as its header says, with the package's files beside it. */
function deploy() {
  const dir = mkdtempSync(join(tmpdir(), 'excel-addin-'));
  cpSync(fileURLToPath(new URL('../../samples/excel-addin/taskpane.mjs', import.meta.url)), join(dir, 'taskpane.mjs'));
  mkdirSync(join(dir, 'prevent-plan-check', 'src'), { recursive: true });
  // The web entry needs fetch of its .wasm (a browser); its API is the one of the Node entry.
  const node = pathToFileURL(require.resolve('prevent-plan-check')).href.replace(/index\.cjs$/, 'index.mjs');
  writeFileSync(join(dir, 'prevent-plan-check', 'web.mjs'), `export * from '${node}';\n`);
  cpSync(fileURLToPath(new URL('../../pkg/src/marks.mjs', import.meta.url)), join(dir, 'prevent-plan-check', 'src', 'marks.mjs'));
  return pathToFileURL(join(dir, 'taskpane.mjs')).href;
}

function sheetRows() {
  const text = readFileSync(new URL('../fixtures/tables/haringey-2013-14.tsv', import.meta.url), 'utf8');
  const lines = text.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
  const width = Math.max(...lines.map((line) => line.length));
  return lines.map((line) => [...line, ...Array(width - line.length).fill('')]);
}

/** Loads a fresh copy of the task pane against `workbook`; returns its buttons and state. */
async function openTaskPane(workbook, supported) {
  const excel = fakeExcel(workbook, supported);
  const { elements, document } = fakeDocument();
  Object.assign(globalThis, { Office: excel.Office, Excel: excel.Excel, document, Option: class { constructor(text, value) { Object.assign(this, { text, value }); } } });
  await import(`${deploy()}?${Math.random()}`);
  const press = async (id) => {
    elements[id].click();
    await Promise.all(excel.runs.splice(0));
  };
  return { elements, press };
}

test('the Excel task pane marks the used range where the report points, and clears it', async () => {
  const rows = sheetRows();
  // The plan starts at B3: with `origin` the report names the sheet's cells.
  const workbook = new Workbook("Plan '13", 'B3', rows);
  const report = api.validateTable(rows, { profile: 'la-2023', origin: 'B3' });
  const expected = cellMarks(report);
  assert.deepEqual(expected.marks.map((mark) => mark.cell), cellMarks(api.validateTable(rows, { profile: 'la-2023' }), { origin: 'B3' }).marks.map((mark) => mark.cell));
  assert.ok(expected.marks.length >= 5);
  const [first, second] = expected.marks;
  workbook.fills.set(first.cell, '#00FF00');
  workbook.notes.set(second.cell, 'Checked by J. Smith');
  workbook.notes.set('A1', 'Unrelated note');
  const before = { fills: new Map(workbook.fills), notes: new Map(workbook.notes) };

  const { elements, press } = await openTaskPane(workbook, 1.18);
  await press('check');
  const { errors, warnings, infos } = report.summary;
  assert.equal(elements.summary.textContent, `${errors} errors, ${warnings} warnings, ${infos} notes`);
  for (const mark of expected.marks) {
    assert.equal(workbook.fill(mark.cell), mark.fill, mark.cell);
    assert.equal(workbook.notes.get(mark.cell), mark === second ? `Checked by J. Smith\n\n${mark.note}` : mark.note, mark.cell);
  }
  assert.equal(workbook.notes.get('A1'), 'Unrelated note');
  const items = elements.issues.children;
  assert.equal(items.length, expected.unplaced.length + expected.marks.reduce((n, mark) => n + mark.issues.length, 0));
  assert.equal(items[expected.unplaced.length].textContent.split(':')[0], first.cell);
  items[expected.unplaced.length].click();
  assert.equal(workbook.selected, first.cell);

  // Checking again starts from the restored sheet: one mark, one note per cell.
  await press('check');
  assert.equal(workbook.notes.get(second.cell), `Checked by J. Smith\n\n${second.note}`);
  // A note the user edited after the check is theirs: Clear marks leaves it.
  const third = expected.marks[2];
  workbook.notes.set(third.cell, 'Rewritten by the user');
  await press('clear');
  assert.equal(elements.summary.textContent, 'Marks cleared.');
  assert.deepEqual(new Map(workbook.fills), before.fills);
  assert.deepEqual(new Map(workbook.notes), new Map([...before.notes, [third.cell, 'Rewritten by the user']]));
});

test('Excel without notes (before ExcelApi 1.18) gets comments, removed by Clear marks', async () => {
  const rows = sheetRows();
  const workbook = new Workbook('Plan', 'A1', rows);
  const expected = cellMarks(api.validateTable(rows, { profile: 'la-2023' }));
  const { press } = await openTaskPane(workbook, 1.10);
  await press('check');
  assert.deepEqual([...workbook.comments.values()], expected.marks.map((mark) => ({ address: mark.cell, content: mark.note })));
  assert.equal(workbook.notes.size, 0);
  await press('clear');
  assert.equal(workbook.comments.size, 0);
  assert.equal(workbook.fills.size, 0);
});

test("against Microsoft's office-addin-mock: the task pane marks and notes the sheet's cells of a range starting at B3", async () => {
  const { OfficeMockObject } = require('office-addin-mock');
  const rows = sheetRows();
  const origin = { row: 3, column: 2 }; // B3
  // Every cell of the used range, as the mock's object model: fills load and sync like Office.js.
  const ranges = {};
  for (let row = 0; row < rows.length; row += 1) {
    for (let column = 0; column < rows[0].length; column += 1) {
      ranges[cellAddress({ row: origin.row + row, column: origin.column + column })] = { format: { fill: { color: NO_FILL } }, select() {} };
    }
  }
  const end = cellAddress({ row: origin.row + rows.length - 1, column: origin.column + rows[0].length - 1 });
  const notes = new Map();
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: 'Plan',
            usedRange: { values: rows, address: `Plan!$B$3:$${end.replace(/(\d+)$/, '$$$1')}` },
            ranges,
            getUsedRange() { return this.usedRange; },
            getRange(address) { return this.ranges[address]; },
          },
          getActiveWorksheet() { return this.sheet; },
          getItem() { return this.sheet; },
        },
        notes: {
          add(target, content) { notes.set(target, content); },
          getItemOrNullObject() { return { isNullObject: true, load() { return this; } }; },
        },
      },
    },
    run: async function run(callback) { await callback(this.context); },
  });
  const office = new OfficeMockObject({
    context: { requirements: { isSetSupported: (name, version) => name === 'ExcelApi' && Number(version) <= 1.18 } },
    onReady(ready) { ready(); },
  });
  const { elements, document } = fakeDocument();
  const runs = [];
  const Excel = { run: (body) => { const run = excel.run(body); runs.push(run); return run; } };
  Object.assign(globalThis, { Office: office, Excel, document, Option: class { constructor(text, value) { Object.assign(this, { text, value }); } } });
  await import(`${deploy()}?${Math.random()}`);
  elements.check.click();
  await Promise.all(runs.splice(0));

  const report = api.validateTable(rows, { profile: 'la-2023', origin: 'B3' });
  const expected = cellMarks(report);
  assert.ok(expected.marks.length >= 5);
  assert.ok(expected.marks.every((mark) => mark.row >= 3 && mark.column >= 2), 'sheet addresses from B3 on');
  assert.equal(elements.summary.textContent, `${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} notes`);
  for (const mark of expected.marks) {
    assert.equal(excel.context.workbook.worksheets.sheet.ranges[mark.cell].format.fill.color, mark.fill, mark.cell);
    assert.equal(notes.get(`'Plan'!${mark.cell}`), mark.note, mark.cell);
  }
  assert.equal(notes.size, expected.marks.length);
  // Messages name the sheet's cells too: a note on a cell names that cell, not the range's.
  const named = expected.marks.flatMap((mark) => [...mark.note.matchAll(/\b(?:Cell|cell) ([A-Z]+[0-9]+)\b/g)].map((match) => [mark.cell, match[1]]));
  assert.ok(named.length > 0);
  for (const [cell, inMessage] of named) assert.equal(inMessage, cell);
});

test('the manifest names an icon, a high-resolution icon and a support page that the sample ships', async () => {
  const { OfficeAddinManifest } = require('office-addin-manifest');
  const folder = fileURLToPath(new URL('../../samples/excel-addin/', import.meta.url));
  const manifest = await OfficeAddinManifest.readManifestFile(join(folder, 'manifest.xml'));
  assert.equal(manifest.displayName, 'Prevent plan check');
  const served = (url) => new URL(url).pathname.slice(1);
  for (const url of [manifest.iconUrl, manifest.highResolutionIconUrl, manifest.supportUrl, manifest.defaultSettings.sourceLocation]) {
    assert.ok(url, 'present');
    assert.ok(existsSync(join(folder, served(url))), `${url} is served from the sample's folder`);
  }
});

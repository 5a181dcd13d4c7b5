// CSV export (the demo's issues CSV, pkg/src/csv.mjs): no cell a plan's author wrote can
// run as a formula in a spreadsheet, whatever invisible characters or compatibility forms
// hide its `=`, and no cell splits at a separator of any locale (issue 17 item 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, formulaLike } from '../../pkg/src/csv.mjs';
import { issuesCsv } from '../../www/export.mjs';

/** Every BMP character a spreadsheet may skip before reading a formula: spaces, controls, format characters. */
const INVISIBLE = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code))
  .filter((c) => /^[\p{White_Space}\p{Cf}\p{Cc}]$/u.test(c));
/** Every BMP character that folds (NFKC) to a formula start: `=`, `＝`, `﹦`, ... */
const FORMULA_STARTS = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code))
  .filter((c) => !/\p{Cs}/u.test(c) && ['=', '+', '-', '@'].includes(c.normalize('NFKC')))
  .concat('\u2212');

/** The text a spreadsheet reads from one CSV cell (RFC 4180). */
function unquote(cell) {
  return cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
}

test('a formula start is neutralised after any invisible lead, in any folded form', () => {
  assert.ok(INVISIBLE.length > 40 && INVISIBLE.includes('\u00a0') && INVISIBLE.includes('\u200b') && INVISIBLE.includes('\ufeff'));
  assert.ok(FORMULA_STARTS.includes('\uff1d') && FORMULA_STARTS.includes('\ufe66'));
  const leads = ['', ...INVISIBLE, '  ', '\u00a0\u200b\ufeff'];
  let checked = 0;
  for (const lead of leads) {
    for (const start of FORMULA_STARTS) {
      const text = `${lead}${start}HYPERLINK("http://x","y")`;
      const shown = unquote(csvCell(text));
      assert.ok(shown.startsWith("'"), `${JSON.stringify(text)} -> ${JSON.stringify(shown)}`);
      assert.equal(shown.slice(1), text);
      checked += 1;
    }
  }
  assert.ok(checked > 1000);
  for (const text of ['\tx', '\rx', '=1+1', '@SUM(A1)', '-2+3', '+44 20', '\u2212 1']) assert.ok(formulaLike(text), text);
  for (const text of ['Prevent Lead', 'Mar-18', '2017/18', 'a=b', 'x@y.uk', '', '   ', '\u200b']) assert.ok(!formulaLike(text), text);
  assert.equal(csvCell('Mar-18'), 'Mar-18');
});

test('cells holding a separator of any locale, a quote, a line break or edge spaces are quoted', () => {
  for (const text of ['a;b', 'a,b', 'a\tb', 'say "hi"', 'a\nb', 'a\r\nb', ' lead', 'lead ', '\u00a0x']) {
    const cell = csvCell(text);
    assert.ok(cell.startsWith('"') && cell.endsWith('"'), `${JSON.stringify(text)} -> ${cell}`);
    assert.equal(unquote(cell), text);
  }
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(12), '12');
});

test('the issues CSV neutralises every field of every issue', () => {
  const hostile = ['=cmd|"/c calc"!A1', '\u00a0=1', '\ufeff+1', '\u200b@x', '\uff1d1', 'a;b', 'line\nbreak'];
  const report = { issues: hostile.map((text) => ({ severity: 'error', rule: 'r', message: text, hint: text, action: text, path: `/${text}`, sheet: text, cell: 'A1' })) };
  const csv = issuesCsv(report);
  assert.ok(csv.startsWith('severity,rule,message,hint,action,path,sheet,cell\r\n'));
  for (const text of hostile) {
    const cell = csvCell(text);
    assert.ok(csv.includes(`,${cell},${cell},${cell},`), cell);
  }
});

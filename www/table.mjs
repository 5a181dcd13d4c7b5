// Plans as tables: rows pasted from a spreadsheet or a document (HTML on the clipboard, TSV
// as the fallback) or read from a .csv, .xlsx, .ods, .docx or .html file, and the table
// view that marks the cells that have issues.
import { el, plural, replace } from './dom.mjs';
import { MARK_STYLES, cellAddress, cellMarks } from '../pkg/src/marks.mjs';
import { decodeText } from '../pkg/src/api.mjs';

/** The delimiter of a CSV/TSV text: tab, semicolon or comma, by the first line. */
function delimiterOf(text) {
  const first = text.split('\n', 1)[0];
  if (first.includes('\t')) return '\t';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * Rows of a CSV or TSV text (RFC 4180 quoting, which Excel also uses on the clipboard for a
 * cell holding a line break or a quote). Blank lines stay as empty rows so that row numbers
 * match the spreadsheet's.
 */
export function parseDelimited(text) {
  const delimiter = delimiterOf(text);
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row.length === 1 && row[0] === '' ? [] : row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/**
 * A table given as CSV or TSV text (a file, or rows pasted from a spreadsheet), checked by the
 * full module, loaded on the first table (the form checks plans with the form module).
 */
export async function tableFromText(text, name, options) {
  const { validateTable } = await import('../pkg/web.mjs');
  const rows = parseDelimited(text.replace(/^\uFEFF/, ''));
  return { kind: 'table', name, sheet: null, rows, report: validateTable(rows, options) };
}

/** Files the lazily loaded workbook module reads: workbooks, Word documents, web pages. */
const READ_BY_MODULE = new Set(['xlsx', 'ods', 'docx', 'html', 'htm', 'doc']);

/**
 * A file's bytes read by the workbook module (loaded on first use) and checked: the table
 * shown is the sheet (or document table) the first located issue names, else the first
 * that has rows.
 */
async function tableFromBytes(bytes, name, options) {
  const { validateFile, readFile: readTables } = await import('../pkg/xlsx-web.mjs');
  const report = validateFile(bytes, { ...options, name });
  const sheets = readTables(bytes, { name }).sheets ?? [];
  const named = report.issues.find((issue) => issue.sheet)?.sheet;
  const sheet = sheets.find((candidate) => candidate.sheet === named) ?? sheets.find((candidate) => candidate.rows.length) ?? { sheet: null, rows: [] };
  return { kind: 'table', name, sheet: sheet.sheet, rows: sheet.rows, report };
}

/** HTML from the clipboard (a table copied in Word, LibreOffice, Excel or a browser), checked. */
export function tableFromHtml(html, name, options) {
  return tableFromBytes(new TextEncoder().encode(html), `${name}.html`, options);
}

/**
 * Reads a dropped or chosen file: `{ kind: 'json', name, text }` for a plan in JSON,
 * `{ kind: 'table', name, sheet, rows, report }` for a table.
 */
export async function readFile(file, options) {
  const extension = file.name.toLowerCase().split('.').pop();
  if (extension === 'json') return { kind: 'json', name: file.name, text: await file.text() };
  if (READ_BY_MODULE.has(extension)) return tableFromBytes(new Uint8Array(await file.arrayBuffer()), file.name, options);
  if (['csv', 'tsv', 'txt'].includes(extension)) {
    // Decoded by its byte order mark: `file.text()` reads only UTF-8, and Excel's "Unicode
    // Text" (.txt) is UTF-16.
    return tableFromText(decodeText(new Uint8Array(await file.arrayBuffer())), file.name, options);
  }
  throw new Error(`${file.name}: choose a .json, .csv, .tsv, .xlsx, .ods, .docx or .html file`);
}

const cellText = (value) => (value === null || value === undefined ? '' : String(value));

/** A cell's issues as its note says them, with the report's own texts marked `lang`. */
function noteParts(mark, lang) {
  return mark.issues.flatMap((issue, index) => [
    index ? '; ' : '',
    `${MARK_STYLES[issue.severity].label}: `,
    el('span', { lang, text: issue.hint ? `${issue.message} ${issue.hint}` : issue.message }),
    ` [${issue.rule}]`,
  ]);
}

/**
 * The table view: the rows as the spreadsheet had them, cells with issues marked; `lang` is
 * the language of the report's notes when it is not the page's.
 */
export function renderTable(root, { name, sheet, rows, report }, lang) {
  const { marks, unplaced } = cellMarks(report);
  const bySheetCell = new Map(marks.filter((mark) => !sheet || !mark.sheet || mark.sheet === sheet).map((mark) => [`${mark.row}:${mark.column}`, mark]));
  // Folds, not Math.max(...list): a list spread into arguments overflows the stack.
  const width = marks.reduce((widest, mark) => Math.max(widest, mark.column), rows.reduce((widest, row) => Math.max(widest, row.length), 0));
  const height = marks.reduce((lowest, mark) => Math.max(lowest, mark.row), rows.length);
  const header = el('tr', {}, el('td', { class: 'corner' }), Array.from({ length: width }, (_, c) => el('th', { scope: 'col', text: cellAddress({ row: 1, column: c + 1 }).replace(/\d+$/, '') })));
  const body = Array.from({ length: height }, (_, r) => el('tr', {},
    el('th', { scope: 'row', text: String(r + 1) }),
    Array.from({ length: width }, (_, c) => {
      const mark = bySheetCell.get(`${r + 1}:${c + 1}`);
      const text = cellText(rows[r]?.[c]);
      if (!mark) return el('td', { text });
      return el('td', { class: `cell-marked cell-${mark.severity}`, title: mark.note, dataset: { cell: mark.cell } },
        text, el('span', { class: 'cell-flag', 'aria-hidden': 'true', text: mark.severity === 'error' ? '✖' : mark.severity === 'warning' ? '!' : 'i' }),
        el('span', { class: 'visually-hidden' }, ' (', noteParts(mark, lang), ')'));
    })));
  replace(root,
    el('p', { class: 'table-summary', text: `${name}${sheet ? `, sheet "${sheet}"` : ''}: ${plural(height, 'row')}, ${plural(marks.length, 'cell')} with issues${unplaced.length ? `, ${plural(unplaced.length, 'issue')} about the whole table` : ''}.` }),
    el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Imported table (scrolls)' },
      el('table', { class: 'sheet' }, el('caption', { class: 'visually-hidden', text: `Imported table ${name}` }), el('thead', {}, header), el('tbody', {}, body))),
    marks.length
      ? el('details', { class: 'cell-notes' }, el('summary', { text: `Cells with issues (${marks.length})` }),
          el('ul', {}, marks.map((mark) => el('li', {}, el('strong', { text: `${mark.sheet ? `${mark.sheet}!` : ''}${mark.cell}` }), ' ', noteParts(mark, lang)))))
      : null,
  );
}

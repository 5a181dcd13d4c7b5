// Turns a report into marks on spreadsheet cells: one mark per cell, with the most serious
// severity's fill colour and a note listing every issue of that cell. Pure: no Office.js
// or Apps Script here, so that both add-ins share it and it is tested in Node.

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };

/** Fill colours (light, so the cell text stays readable) and the words used in notes. */
export const MARK_STYLES = {
  error: { fill: '#F4CCCC', label: 'Error' },
  warning: { fill: '#FFF2CC', label: 'Warning' },
  info: { fill: '#CFE2F3', label: 'Note' },
};

/** "D7" -> { row: 7, column: 4 } (1-based); null for anything else. */
export function parseCell(address) {
  const match = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(String(address).toUpperCase());
  if (!match) return null;
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** { row: 7, column: 4 } (1-based) -> "D7". */
export function cellAddress({ row, column }) {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}

/**
 * Marks for every cell that has issues.
 *
 * `origin` is the address of the top-left cell of the range that was checked ("A1" when the
 * whole sheet was read from its first cell, "B3" for a used range starting there): the
 * report's cells count from the range, the marks from the sheet.
 *
 * Returns `{ marks: [{ sheet, cell, row, column, severity, fill, note, issues }], unplaced }`,
 * marks in sheet order; `unplaced` holds issues about the whole plan (no cell).
 */
export function cellMarks(report, { origin = 'A1' } = {}) {
  const start = parseCell(origin);
  if (!start) throw new Error(`origin must be a cell address such as "A1", not ${JSON.stringify(origin)}`);
  const byCell = new Map();
  const unplaced = [];
  for (const issue of report.issues ?? []) {
    const position = issue.cell ? parseCell(issue.cell) : null;
    if (!position) {
      unplaced.push(issue);
      continue;
    }
    const row = position.row + start.row - 1;
    const column = position.column + start.column - 1;
    const key = `${issue.sheet ?? ''}!${row}:${column}`;
    let mark = byCell.get(key);
    if (!mark) {
      mark = { sheet: issue.sheet ?? null, cell: cellAddress({ row, column }), row, column, severity: issue.severity, issues: [] };
      byCell.set(key, mark);
    }
    if (SEVERITY_RANK[issue.severity] > SEVERITY_RANK[mark.severity]) mark.severity = issue.severity;
    mark.issues.push(issue);
  }
  const marks = [...byCell.values()]
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map((mark) => ({
      ...mark,
      fill: MARK_STYLES[mark.severity].fill,
      note: mark.issues
        .map((issue) => `${MARK_STYLES[issue.severity].label}: ${issue.message}${issue.hint ? ` ${issue.hint}` : ''} [${issue.rule}]`)
        .join('\n'),
    }));
  return { marks, unplaced };
}

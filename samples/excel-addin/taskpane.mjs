// Excel task pane: reads the used range of the active sheet, checks it as a Prevent plan
// table, fills the cells that have issues and adds a note to each; "Clear marks" puts back
// what the check changed. Deploy the npm package's files next to this one
// (node_modules/prevent-plan-check/ -> ./prevent-plan-check/).
/* global Office, Excel */
import * as checker from './prevent-plan-check/web.mjs';
import { cellMarks } from './prevent-plan-check/src/marks.mjs';

const summary = document.getElementById('summary');
const list = document.getElementById('issues');
const profileSelect = document.getElementById('profile');
const NO_FILL = '#FFFFFF';

// What the last check changed, to put back on "Clear marks":
// { sheet, cells: [{ address, color, fill, note: { kind, previous, text, id } }] }.
let changed = null;

function showIssues(marks, unplaced, report) {
  const { errors, warnings, infos } = report.summary;
  summary.textContent = `${errors} errors, ${warnings} warnings, ${infos} notes`;
  const items = [
    ...unplaced.map((issue) => ({ issue, cell: null })),
    ...marks.flatMap((mark) => mark.issues.map((issue) => ({ issue, cell: mark.cell }))),
  ];
  list.replaceChildren(
    ...items.map(({ issue, cell }) => {
      const item = document.createElement('li');
      item.className = `severity-${issue.severity}`;
      item.textContent = `${cell ? `${cell}: ` : ''}${issue.message} (${issue.rule})`;
      if (cell) item.addEventListener('click', () => selectCell(cell).catch(showError));
      return item;
    }),
  );
}

async function selectCell(address) {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange(address).select();
    await context.sync();
  });
}

const quoted = (sheetName, address) => `'${sheetName.replace(/'/g, "''")}'!${address}`;

/**
 * Notes (ExcelApi 1.18) are the quiet kind of cell comment: a note the cell already has is
 * kept, with ours below it. Older Excel gets a comment, removed again by "Clear marks".
 */
function noteKind() {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.18')) return 'note';
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.10')) return 'comment';
  return null;
}

async function check() {
  await Excel.run(async (context) => {
    if (changed) await restore(context);
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const used = sheet.getUsedRange(true);
    used.load(['values', 'address']);
    sheet.load('name');
    await context.sync();
    // "Plan!$B$2:$F$40" -> "$B$2": the report names the sheet's cells, not the range's.
    const origin = used.address.split('!').pop().split(':')[0];
    const options = { profile: profileSelect.value, origin };
    const asOf = document.getElementById('as-of').value;
    if (asOf) options.asOf = asOf;
    const report = checker.validateTable(used.values, options);
    const { marks, unplaced } = cellMarks(report);
    const kind = noteKind();
    const cells = marks.map((mark) => {
      const range = sheet.getRange(mark.cell);
      range.format.fill.load('color');
      const note = kind === 'note' ? context.workbook.notes.getItemOrNullObject(quoted(sheet.name, mark.cell)) : null;
      if (note) note.load('content');
      return { range, note };
    });
    await context.sync();
    const comments = [];
    changed = {
      sheet: sheet.name,
      cells: marks.map((mark, index) => {
        const { range, note } = cells[index];
        const color = range.format.fill.color;
        range.format.fill.color = mark.fill;
        const target = quoted(sheet.name, mark.cell);
        let saved = null;
        if (kind === 'note' && !note.isNullObject) {
          const previous = note.content;
          const text = `${previous}\n\n${mark.note}`;
          note.content = text;
          saved = { kind, previous, text };
        } else if (kind === 'note') {
          context.workbook.notes.add(target, mark.note);
          saved = { kind, previous: null, text: mark.note };
        } else if (kind === 'comment') {
          const comment = context.workbook.comments.add(target, mark.note);
          comment.load('id');
          comments.push([mark.cell, comment]);
          saved = { kind, previous: null, text: mark.note };
        }
        return { address: mark.cell, color, fill: mark.fill, note: saved };
      }),
    };
    await context.sync();
    for (const [address, comment] of comments) {
      changed.cells.find((cell) => cell.address === address).note.id = comment.id;
    }
    showIssues(marks, unplaced, report);
  });
}

/**
 * Puts back what the last check changed, on the sheet it checked. A fill or note changed
 * since the check is the user's and stays.
 */
async function restore(context) {
  const { sheet: sheetName, cells } = changed;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const current = cells.map(({ address, note }) => {
    const range = sheet.getRange(address);
    range.format.fill.load('color');
    const existing = note?.kind === 'note' ? context.workbook.notes.getItemOrNullObject(quoted(sheetName, address)) : null;
    if (existing) existing.load('content');
    return { range, existing };
  });
  await context.sync();
  for (const [index, { color, fill, note }] of cells.entries()) {
    const { range, existing } = current[index];
    if (range.format.fill.color.toUpperCase() === fill.toUpperCase()) {
      if (color && color.toUpperCase() !== NO_FILL) range.format.fill.color = color;
      else range.format.fill.clear();
    }
    if (existing && !existing.isNullObject && existing.content === note.text) {
      if (note.previous === null) existing.delete();
      else existing.content = note.previous;
    }
    if (note?.kind === 'comment' && note.id) context.workbook.comments.getItem(note.id).delete();
  }
  changed = null;
  await context.sync();
}

async function clearMarks() {
  await Excel.run(async (context) => {
    if (changed) await restore(context);
    summary.textContent = 'Marks cleared.';
    list.replaceChildren();
  });
}

Office.onReady(() => {
  // Other duty profiles, when this build of the package lists them.
  const profiles = typeof checker.profiles === 'function' ? checker.profiles() : [];
  for (const profile of profiles) {
    if (profile.id !== profileSelect.value) profileSelect.add(new Option(profile.title, profile.id));
  }
  document.getElementById('check').addEventListener('click', () => check().catch(showError));
  document.getElementById('clear').addEventListener('click', () => clearMarks().catch(showError));
});

function showError(error) {
  summary.textContent = `Could not check the sheet: ${error.message}`;
}

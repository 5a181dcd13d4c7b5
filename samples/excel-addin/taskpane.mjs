// Excel task pane: reads the used range of the active sheet, checks it as a Prevent plan
// table, fills the cells that have issues and adds a note to each. Deploy the npm
// package's files next to this one (node_modules/prevent-plan-check/ -> ./prevent-plan-check/).
/* global Office, Excel */
import { validateTable, profiles } from './prevent-plan-check/web.mjs';
import { cellMarks } from './prevent-plan-check/src/marks.mjs';

const summary = document.getElementById('summary');
const list = document.getElementById('issues');
const profileSelect = document.getElementById('profile');
let previousFills = []; // [{ address, color }] to restore on "Clear marks"

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
      if (cell) item.addEventListener('click', () => selectCell(cell));
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

async function addNote(context, sheet, address, text) {
  // Notes (ExcelApi 1.18) are the quiet kind of cell comment; older Excel gets a comment.
  const target = `'${sheet.name.replace(/'/g, "''")}'!${address}`;
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.18')) {
    context.workbook.notes.add(target, text);
  } else if (Office.context.requirements.isSetSupported('ExcelApi', '1.10')) {
    context.workbook.comments.add(target, text);
  }
}

async function check() {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const used = sheet.getUsedRange(true);
    used.load(['values', 'address']);
    sheet.load('name');
    await context.sync();
    const options = { profile: profileSelect.value };
    const asOf = document.getElementById('as-of').value;
    if (asOf) options.asOf = asOf;
    const report = validateTable(used.values, options);
    // "Plan!B2:F40" -> "B2": report cells count from the range's top-left cell.
    const origin = used.address.split('!').pop().split(':')[0].replace(/\$/g, '');
    const { marks, unplaced } = cellMarks(report, { origin });
    const cells = marks.map((mark) => {
      const range = sheet.getRange(mark.cell);
      range.format.fill.load('color');
      return range;
    });
    await context.sync();
    previousFills = marks.map((mark, index) => ({ address: mark.cell, color: cells[index].format.fill.color }));
    for (const [index, mark] of marks.entries()) {
      cells[index].format.fill.color = mark.fill;
      await addNote(context, sheet, mark.cell, mark.note);
    }
    await context.sync();
    showIssues(marks, unplaced, report);
  });
}

async function clearMarks() {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    for (const { address, color } of previousFills) {
      const range = sheet.getRange(address);
      if (color && color !== '#FFFFFF') range.format.fill.color = color;
      else range.format.fill.clear();
    }
    await context.sync();
    previousFills = [];
    summary.textContent = 'Marks cleared.';
    list.replaceChildren();
  });
}

Office.onReady(() => {
  for (const profile of profiles()) {
    if (profile.id !== profileSelect.value) profileSelect.add(new Option(profile.title, profile.id));
  }
  document.getElementById('check').addEventListener('click', () => check().catch(showError));
  document.getElementById('clear').addEventListener('click', () => clearMarks().catch(showError));
});

function showError(error) {
  summary.textContent = `Could not check the sheet: ${error.message}`;
}

// "Prevent plan" menu for Google Sheets: checks the plan table on the active sheet with the
// bundled checker (Checker.js, built from the npm package), fills and notes the cells that
// have issues, and lists every issue in a sidebar. The plan never leaves the spreadsheet.
//
// Names ending in "_" are private to the script (Apps Script hides them from the Run list
// and from google.script.run).

/** Options for the checker: a duty profile id (see the package README) and more. */
const CHECK_OPTIONS = { profile: 'la-2023' };

// What a check changed, per sheet, so that "Clear marks" can put it back after the script
// has ended: [{ row, column, background, note, fill, mark }] as JSON in DocumentProperties, whose
// values hold 9 kB each, hence the chunks.
const SAVED_PREFIX = 'preventPlanMarks.';
const CHUNK_CHARS = 3000;
const NO_FILL = '#ffffff';

function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Prevent plan')
    .addItem('Check Prevent plan', 'checkPreventPlan')
    .addItem('Clear marks', 'clearMarks')
    .addToUi();
}

/** Checks the active sheet, marks its cells and shows the issues; returns the report. */
function checkPreventPlan() {
  const sheet = SpreadsheetApp.getActiveSheet();
  restoreMarks_(sheet);
  const range = sheet.getDataRange();
  // The range's top-left cell: the report then names the sheet's cells, not the range's.
  const origin = range.getA1Notation().split(':')[0];
  // Overdue actions are judged as of today, the day the plan is being looked at.
  const report = PreventPlanCheck.validateTable(range.getValues(), { ...CHECK_OPTIONS, asOf: new Date(), origin });
  const { marks, unplaced } = cellMarks(report);
  applyMarks_(sheet, range, marks);
  showSidebar_(report, marks, unplaced);
  return report;
}

/** Puts back the fills and notes the last check changed on the active sheet. */
function clearMarks() {
  const sheet = SpreadsheetApp.getActiveSheet();
  const marked = restoreMarks_(sheet);
  SpreadsheetApp.getActiveSpreadsheet().toast(`Marks cleared from ${marked} cells.`, 'Prevent plan');
}

function applyMarks_(sheet, range, marks) {
  if (marks.length === 0) return;
  // One read of the whole range, not one call per cell: remember what each cell had.
  const backgrounds = range.getBackgrounds();
  const notes = range.getNotes();
  const top = range.getRow();
  const left = range.getColumn();
  const saved = [];
  for (const mark of marks) {
    // The report's cells are cells of the range it was given.
    const background = backgrounds[mark.row - top][mark.column - left];
    const note = notes[mark.row - top][mark.column - left];
    // A note the sheet already had stays, above ours.
    const markNote = note ? `${note}\n\n${mark.note}` : mark.note;
    sheet.getRange(mark.row, mark.column).setBackground(mark.fill).setNote(markNote);
    saved.push({ row: mark.row, column: mark.column, background, note, fill: mark.fill, mark: markNote });
  }
  saveMarks_(sheet, saved);
}

/**
 * Restores every cell the last check marked on `sheet`, unless someone has since changed
 * it: a fill or note that is no longer the mark stays as it is now. Returns how many cells
 * were marked.
 */
function restoreMarks_(sheet) {
  const marked = loadMarks_(sheet);
  // Rows or columns deleted since the check took some marked cells with them.
  const saved = marked.filter((entry) => entry.row <= sheet.getMaxRows() && entry.column <= sheet.getMaxColumns());
  if (saved.length === 0) {
    forgetMarks_(sheet);
    return marked.length;
  }
  // One read of the block that holds every marked cell, not one call per cell.
  // Folds, not Math.min(...list): a list spread into arguments overflows the stack.
  const fold = (pick, better) => saved.reduce((best, entry) => better(best, pick(entry)), pick(saved[0]));
  const top = fold((entry) => entry.row, Math.min);
  const left = fold((entry) => entry.column, Math.min);
  const block = sheet.getRange(top, left,
    fold((entry) => entry.row, Math.max) - top + 1,
    fold((entry) => entry.column, Math.max) - left + 1);
  const backgrounds = block.getBackgrounds();
  const notes = block.getNotes();
  for (const { row, column, background, note, fill, mark } of saved) {
    const cell = sheet.getRange(row, column);
    if (backgrounds[row - top][column - left].toLowerCase() === fill.toLowerCase()) {
      cell.setBackground(background.toLowerCase() === NO_FILL ? null : background);
    }
    if (notes[row - top][column - left] === mark) cell.setNote(note);
  }
  forgetMarks_(sheet);
  return marked.length;
}

function savedKey_(sheet) {
  return `${SAVED_PREFIX}${sheet.getSheetId()}.`;
}

function saveMarks_(sheet, saved) {
  const text = JSON.stringify(saved);
  const chunks = {};
  const key = savedKey_(sheet);
  for (let start = 0, index = 0; start < text.length; start += CHUNK_CHARS, index += 1) {
    chunks[`${key}${index}`] = text.slice(start, start + CHUNK_CHARS);
  }
  PropertiesService.getDocumentProperties().setProperties(chunks);
}

function loadMarks_(sheet) {
  const key = savedKey_(sheet);
  const properties = PropertiesService.getDocumentProperties().getProperties();
  let text = '';
  for (let index = 0; properties[`${key}${index}`] !== undefined; index += 1) text += properties[`${key}${index}`];
  if (!text) return [];
  try {
    return JSON.parse(text);
  } catch (error) {
    Logger.log(`Saved marks of sheet ${sheet.getName()} are unreadable; they are dropped: ${error}`);
    return [];
  }
}

function forgetMarks_(sheet) {
  const key = savedKey_(sheet);
  const properties = PropertiesService.getDocumentProperties();
  for (const name of Object.keys(properties.getProperties())) {
    if (name.startsWith(key)) properties.deleteProperty(name);
  }
}

/** The sidebar lists issues about the whole plan first, then the cells in sheet order. */
function showSidebar_(report, marks, unplaced) {
  const template = HtmlService.createTemplateFromFile('Sidebar');
  template.summary = report.summary;
  template.title = (report.plan && report.plan.title) || '';
  template.items = [
    ...unplaced.map((issue) => ({ issue, cell: '' })),
    ...marks.flatMap((mark) => mark.issues.map((issue) => ({ issue, cell: mark.cell }))),
  ].map(({ issue, cell }) => ({
    severity: issue.severity,
    cell,
    message: issue.message,
    hint: issue.hint || '',
    rule: issue.rule,
  }));
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle('Prevent plan check'));
}

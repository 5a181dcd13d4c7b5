// The demo page: a plan edited in an ordinary form and checked as the person types.
// Wires the modules together; each panel is drawn by its own module from the report.
// The form module checks the plan; the full module (tables, comparisons) loads only when a
// table is imported or an earlier version opened.
import { loadProfile, profiles, validate, validateJson } from '../pkg/form-web.mjs';
import { el, plural, replace } from './dom.mjs';
import { renderForm, readControl, revealField, toggleSection } from './form.mjs';
import { ChangeMarks, earlierActions, renderChanges } from './compare.mjs';
import { IssueDecorations, IssueSummary } from './issues.mjs';
import { renderCoverage } from './coverage.mjs';
import { renderTimeline } from './timeline.mjs';
import { readFile, renderTable, tableFromHtml, tableFromText } from './table.mjs';
import { download, issuesCsv, planJson } from './export.mjs';
import { blankAction, isEditable, nextActionId, planFromReport } from './plan-model.mjs';
import { fieldId, format, set } from './pointer.mjs';

const EXAMPLES = [
  ['harrow-2015-16', 'Harrow 2015-16'],
  ['haringey-2013-14', 'Haringey 2013-14'],
  ['haringey-2008-11', 'Haringey 2008-11'],
  ['cumbria-2015-16', 'Cumbria 2015-16'],
];
/** Pause in typing before the plan is checked again: not every keystroke, but still live. */
const DEBOUNCE_MS = 150;
/**
 * Pause after the last check of an edit before the panels that need the whole report (the
 * overview's coverage count, coverage, timeline, what each status was read as) are brought
 * up to date by a full check: typing pays for the issues only (`report: 'issues'`).
 */
const PANELS_PAUSE_MS = 400;

const $ = (id) => document.getElementById(id);
const form = $('plan-fields');
const decorations = new IssueDecorations();
const summary = new IssueSummary($('issue-summary'));
// Built-in profiles other than the default are listed without their categories until loaded.
let allProfiles = profiles();
/** `compare` of the full module, loaded with the first earlier version. */
let compare;
const changeMarks = new ChangeMarks();
// `open`: the sections a person opened (large plans start collapsed); `earlier`: the version
// compared with, `{ name, input }`, where `input` is what `compare` takes. `report` is the
// last check's (issues only), `full` the last full report the panels were drawn from.
const state = { plan: { sections: [] }, profile: allProfiles[0].id, locale: 'en', report: null, full: null, checks: 0, open: new Set(), earlier: null, name: 'this plan' };

const currentProfile = () => allProfiles.find((profile) => profile.id === state.profile) ?? allProfiles[0];
/** Checks against the profile `id` from now on, once its data is loaded. */
async function useProfile(id) {
  await loadProfile(id);
  allProfiles = profiles();
  state.profile = id;
}
/** The options of every check: the chosen guidance, and the language of the report's texts. */
const checkOptions = () => ({ profile: state.profile, locale: state.locale });
/** The `lang` of the report's texts where they are not in the page's English. */
const reportLang = () => (state.locale === 'en' ? undefined : state.locale);

/** Shows what the checker read each status as, next to the status field. */
function showStatusReadings(plan) {
  plan?.sections.forEach((section, s) => section.actions.forEach((action, a) => {
    const reading = $(`${fieldId(format(['sections', s, 'actions', a, 'status']))}-reading`);
    const text = action.status.text ? `Read as: ${action.status.value.replaceAll('_', ' ')}` : '';
    if (reading && reading.textContent !== text) reading.textContent = text;
  }));
}

/**
 * The counts at the top of the page: the plan at a glance, from the last check's issues and
 * the coverage of the last full report (`full`, null before the first).
 */
function renderOverview(report, full) {
  const coverage = Object.values(full?.coverage ?? {});
  const covered = coverage.filter((category) => category.status !== 'missing').length;
  const missingRequired = coverage.filter((category) => category.required && category.status === 'missing').length;
  const overdue = report.issues.filter((issue) => issue.rule === 'overdue').length;
  const sections = full?.plan?.sections.length ?? 0;
  const items = [
    ['Actions', `${report.summary.actions} in ${plural(sections, 'section')}`],
    ['Errors', String(report.summary.errors)],
    ['Warnings', String(report.summary.warnings)],
    ['Coverage', `${covered} of ${plural(coverage.length, 'category', 'categories')} covered${missingRequired ? `, ${missingRequired} required missing` : ''}`],
    ['Overdue', plural(overdue, 'milestone')],
  ];
  const text = JSON.stringify(items);
  if ($('overview-counts').dataset.shown === text) return;
  $('overview-counts').dataset.shown = text;
  replace($('overview-counts'), items.map(([term, value]) => el('div', { class: 'overview-item' }, el('dt', { text: term }), el('dd', { text: value }))));
}

/**
 * Compares the earlier version with the plan as it is now, and draws the changes; the
 * timeline then ghosts the earlier milestones of the changed actions.
 */
function renderComparison() {
  if (!state.earlier) {
    changeMarks.reset();
    return new Map();
  }
  const started = performance.now();
  const comparison = compare(state.earlier.input, state.plan, checkOptions());
  renderChanges($('changes-body'), comparison, { before: state.earlier.name, after: state.name }, reportLang());
  changeMarks.apply(comparison);
  performance.measure('compare', { start: started, end: performance.now() });
  return earlierActions(comparison);
}

/**
 * Checks the plan for its issues only and shows them at their fields and in the summary
 * (measured as `check`, of which the core's `validate`: what must fit in a frame), then
 * brings the panels up to date after `panelsAfter` ms (see `refreshPanels`): at once for a
 * plan just opened or a setting changed, after a pause in typing for an edit.
 */
function check({ panelsAfter = 0 } = {}) {
  const started = performance.now();
  const report = validate(state.plan, { ...checkOptions(), report: 'issues' });
  performance.measure('validate', { start: started, end: performance.now() });
  state.report = report;
  decorations.apply(report.issues, reportLang());
  const counts = summary.render(report, reportLang());
  if ($('issue-count').textContent !== counts) $('issue-count').textContent = counts;
  $('issues-panel').classList.toggle('has-errors', report.summary.errors > 0);
  renderOverview(report, state.full);
  performance.measure('check', { start: started, end: performance.now(), detail: { actions: report.summary.actions } });
  clearTimeout(panelsTimer);
  panelsTimer = setTimeout(refreshPanels, panelsAfter);
}

let panelsTimer;
/**
 * Checks the plan for the whole report (measured as `validate-full`) and redraws what needs
 * it: the overview's coverage, the coverage and timeline panels, and what each status was
 * read as (measured together as `panels`), each only where what it shows has changed.
 */
function refreshPanels() {
  const started = performance.now();
  const full = validate(state.plan, checkOptions());
  const plan = full.plan;
  const coverage = full.coverage;
  performance.measure('validate-full', { start: started, end: performance.now(), detail: { coverage: Object.keys(coverage).length } });
  state.full = full;
  showStatusReadings(plan);
  renderOverview(state.report ?? full, full);
  renderCoverage($('coverage-body'), full, currentProfile(), reportLang());
  renderTimeline($('timeline-body'), full, renderComparison());
  performance.measure('panels', { start: started, end: performance.now() });
  state.checks += 1;
  document.body.dataset.checks = String(state.checks);
}

let timer;
function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(() => check({ panelsAfter: PANELS_PAUSE_MS }), DEBOUNCE_MS);
}

async function setPlan(plan) {
  clearTimeout(timer);
  state.plan = plan;
  state.open = new Set();
  if (typeof plan.profile === 'string' && allProfiles.some((profile) => profile.id === plan.profile)) {
    await useProfile(plan.profile);
    $('profile').value = plan.profile;
  }
  rebuildForm();
}

function rebuildForm() {
  const started = performance.now();
  renderForm(form, state.plan, currentProfile().categories, state.open);
  decorations.reset();
  changeMarks.reset();
  summary.reset();
  performance.measure('form', { start: started, end: performance.now() });
  check();
}

/** Says what an import did; `parts` are text, or elements such as a `reportText`. */
function announce(...parts) {
  $('import-status').replaceChildren(el('span', {}, parts));
}

/** A text from the report, marked with its language where that is not the page's. */
const reportText = (text) => el('span', { lang: reportLang(), text });

async function loadJsonText(text, name) {
  let plan = null;
  try {
    plan = JSON.parse(text);
  } catch {
    // The report says where the JSON is broken.
  }
  if (!isEditable(plan)) {
    const report = validateJson(text, checkOptions());
    const reason = report.issues.find((issue) => issue.severity === 'error')?.message;
    announce(`${name} could not be opened: `, reason ? reportText(reason) : 'it is not a plan');
    return;
  }
  $('table-view').hidden = true;
  state.name = name;
  // The check that follows reads it: checking it here as well doubled the time to open.
  await setPlan(plan);
  announce(`Opened ${name}: ${plural(state.report.summary.actions, 'action')}.`);
}

async function loadTable(table) {
  $('table-view').hidden = false;
  renderTable($('table-body'), table, reportLang());
  if (table.report.plan) {
    state.name = table.name;
    await setPlan(planFromReport(table.report));
    announce(`Imported ${table.name}: ${plural(table.report.summary.actions, 'action')} are now in the form. The imported table, with the cells that have issues marked, is below the timeline.`);
  } else {
    const reason = table.report.issues.find((issue) => issue.severity === 'error')?.message;
    announce(`${table.name} could not be read as a plan: `, reason ? reportText(reason) : 'no plan was found in it');
  }
}

async function openFile(file) {
  try {
    const result = await readFile(file, checkOptions());
    if (result.kind === 'json') await loadJsonText(result.text, result.name);
    else await loadTable(result);
  } catch (error) {
    announce(error.message);
  }
}

async function loadExample(name) {
  const response = await fetch(`../pkg/examples/${name}.json`);
  if (!response.ok) {
    announce(`The example ${name} could not be loaded.`);
    return;
  }
  await loadJsonText(await response.text(), `the ${name} example`);
}

// Edits: every control carries the pointer of the field it edits.
function onEdit(event) {
  const input = event.target;
  if (!input.dataset?.pointer) return;
  const { pointer, value } = readControl(input);
  set(state.plan, pointer, value);
  if (input.dataset.kind === 'categories') check();
  else scheduleCheck();
}

const COMMANDS = {
  'add-section': () => {
    state.plan.sections ??= [];
    state.plan.sections.push({ title: `Section ${state.plan.sections.length + 1}`, actions: [] });
    return format(['sections', state.plan.sections.length - 1, 'title']);
  },
  'remove-section': ({ section }) => {
    state.plan.sections.splice(Number(section), 1);
    return null;
  },
  'add-action': ({ section }) => {
    const s = Number(section);
    const actions = (state.plan.sections[s].actions ??= []);
    actions.push(blankAction(nextActionId(state.plan, s)));
    return format(['sections', s, 'actions', actions.length - 1, 'description']);
  },
  'remove-action': ({ section, action }) => {
    state.plan.sections[Number(section)].actions.splice(Number(action), 1);
    return format(['sections', Number(section), 'title']);
  },
};

// Nothing is ever submitted: the plan stays in the page.
$('plan-form').addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('input', onEdit);
form.addEventListener('change', (event) => { if (event.target.type === 'checkbox') onEdit(event); });
/** Opens or closes a section of the form, then puts its issues at its fields. */
function onToggle(button) {
  const s = Number(button.dataset.toggle);
  const open = button.getAttribute('aria-expanded') !== 'true';
  if (open) state.open.add(s);
  else state.open.delete(s);
  const started = performance.now();
  toggleSection(state.plan, s, currentProfile().categories, open);
  if (state.report) decorations.apply(state.report.issues, reportLang());
  showStatusReadings(state.full?.plan);
  performance.measure('toggle', { start: started, end: performance.now() });
}

/** Opens the section of a field a link points at, so that the link finds it. */
function revealLinked(event) {
  const path = event.target.closest('a[data-reveal]')?.dataset.reveal;
  if (path && revealField(state.plan, path, currentProfile().categories)) {
    state.open.add(Number(path.split('/')[2]));
    if (state.report) decorations.apply(state.report.issues, reportLang());
  }
}

form.addEventListener('click', (event) => {
  const toggle = event.target.closest('button[data-toggle]');
  if (toggle) {
    onToggle(toggle);
    return;
  }
  const button = event.target.closest('button[data-command]');
  if (!button) return;
  const focusAfter = COMMANDS[button.dataset.command](button.dataset);
  rebuildForm();
  const target = focusAfter === null ? null : $(fieldId(focusAfter));
  (target ?? $('form-heading')).focus();
});

for (const [value, label] of EXAMPLES) $('example').add(new Option(label, value));
$('example').add(new Option('A blank plan', ''));
$('example').addEventListener('change', () => {
  if ($('example').value) {
    loadExample($('example').value);
    return;
  }
  $('table-view').hidden = true;
  setPlan({ sections: [{ title: 'Section 1', actions: [blankAction('1.1')] }] });
  announce('Started a blank plan.');
});
for (const profile of allProfiles) $('profile').add(new Option(profile.title, profile.id));
$('profile').addEventListener('change', async () => {
  await useProfile($('profile').value);
  rebuildForm();
});
$('locale').addEventListener('change', () => {
  state.locale = $('locale').value;
  // Every message differs between the languages, so the check redraws each of them.
  check();
});

$('file').addEventListener('change', () => {
  const [file] = $('file').files;
  if (file) openFile(file);
  $('file').value = '';
});
// A file dropped anywhere on the page is opened (not navigated to).
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => { if (!event.relatedTarget) document.body.classList.remove('dragging'); });
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const [file] = event.dataTransfer?.files ?? [];
  if (file) openFile(file);
});
// A table copied from Word, a web page, Excel, LibreOffice or Google Sheets: pasted in the
// paste box, or anywhere outside the form's fields, it is imported. Its HTML keeps merged
// cells and line breaks, so it is read when it holds a table; tab-separated text is the
// fallback.
document.addEventListener('paste', (event) => {
  const intoField = event.target.closest?.('input, textarea, select') && event.target.id !== 'paste';
  if (intoField) return;
  const html = event.clipboardData?.getData('text/html') ?? '';
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (/<table[\s>]/i.test(html)) {
    event.preventDefault();
    $('paste').value = '';
    tableFromHtml(html, 'Pasted table', checkOptions()).then(loadTable, (error) => announce(String(error.message)));
    return;
  }
  if (!text.includes('\t')) return;
  event.preventDefault();
  $('paste').value = '';
  tableFromText(text, 'Pasted rows', checkOptions()).then(loadTable, (error) => announce(String(error.message)));
});

// An earlier version to compare with: a plan file, a table or a workbook.
async function openEarlier(file) {
  try {
    const result = await readFile(file, checkOptions());
    let input;
    if (result.kind === 'json') input = result.text;
    else if (result.report.plan) input = planFromReport(result.report);
    else throw new Error(`${result.name} could not be read as a plan.`);
    ({ compare } = await import('../pkg/web.mjs'));
    state.earlier = { name: result.name, input };
    $('changes').hidden = false;
    $('stop-compare').hidden = false;
    announce(`Comparing with ${result.name}: the changes are listed under "Changes since the earlier version", marked on the form, and the earlier milestones are ghosted on the timeline.`);
    check();
  } catch (error) {
    announce(error.message);
  }
}
$('compare-file').addEventListener('change', () => {
  const [file] = $('compare-file').files;
  if (file) openEarlier(file);
  $('compare-file').value = '';
});
$('stop-compare').addEventListener('click', () => {
  state.earlier = null;
  $('changes').hidden = true;
  $('stop-compare').hidden = true;
  replace($('changes-body'));
  announce('Stopped comparing.');
  check();
});
$('changes-body').addEventListener('click', revealLinked);

$('export-plan').addEventListener('click', () => download('plan.json', 'application/json', planJson(state.plan)));
$('export-issues').addEventListener('click', () => download('issues.csv', 'text/csv', issuesCsv(state.report)));
$('print').addEventListener('click', () => window.print());

await loadExample(EXAMPLES[0][0]);
document.body.dataset.ready = 'true';

// The plan as an ordinary web form: one control per field, keyed by the field's JSON Pointer
// (the control's id is `fieldId(pointer)`, so that an issue's `path` finds its field).
import { el, replace } from './dom.mjs';
import { fieldId, format } from './pointer.mjs';
import { listToText, statusText, textToList } from './plan-model.mjs';

const PLAN_FIELDS = [
  { key: 'title', label: 'Plan title', kind: 'text' },
  { key: 'authority', label: 'Authority', kind: 'text' },
  { key: 'period', label: 'Plan period', kind: 'period', hint: 'A label such as 2015-16 or 2017/18 (financial years), or dates: 2017-04-01/2018-03-31' },
  { key: 'as_of', label: 'Progress as of', kind: 'date', hint: 'The reporting date: milestones before it that are not complete are overdue' },
];

const SECTION_FIELDS = [
  { key: 'title', label: 'Section title', kind: 'text' },
];

const ACTION_FIELDS = [
  { key: 'id', label: 'Action id', kind: 'text', width: 'short' },
  { key: 'description', label: 'Description', kind: 'textarea' },
  { key: 'objective', label: 'Objective', kind: 'textarea' },
  { key: 'outputs', label: 'Outputs', kind: 'list', hint: 'One per line' },
  { key: 'leads', label: 'Leads', kind: 'list', hint: 'One per line, by role, e.g. Prevent Coordinator' },
  { key: 'partners', label: 'Partners', kind: 'list', hint: 'One per line' },
  { key: 'milestones', label: 'Milestones', kind: 'list', hint: 'One per line, as the plan writes them: March 2016, Q3 2015-16, Quarterly, Ongoing' },
  { key: 'status', label: 'Status', kind: 'status', hint: 'In the plan\'s words: Green, On track, Complete' },
  { key: 'categories', kind: 'categories' },
];

/** Fields the schema requires: emptied, they stay as "" (a schema issue), not absent. */
const REQUIRED = /^\/sections\/\d+\/(title|actions\/\d+\/description)$/;

/** Words people use for progress, offered as suggestions (the checker reads many more). */
const STATUS_WORDS = ['Not started', 'On track', 'Green', 'Amber', 'Red', 'At risk', 'Delayed', 'Complete', 'Ongoing'];

function periodText(period) {
  if (period === null || typeof period !== 'object') return String(period ?? '');
  return period.label || `${period.start ?? ''}/${period.end ?? ''}`;
}

/** The current text of a field for its control. */
function fieldValue(kind, value) {
  if (kind === 'list') return listToText(value);
  if (kind === 'status') return statusText(value);
  if (kind === 'period') return periodText(value);
  return String(value ?? '');
}

function control(field, pointer, value) {
  const id = fieldId(pointer);
  // The hint, and for a status what the checker read it as, describe the control.
  const readingId = field.kind === 'status' ? `${id}-reading` : null;
  const describedBy = [field.hint ? `${id}-hint` : null, readingId].filter(Boolean).join(' ');
  const common = { id, name: pointer, dataset: { pointer, kind: field.kind, describedbyBase: describedBy } };
  if (describedBy) common['aria-describedby'] = describedBy;
  const text = fieldValue(field.kind, value);
  let input;
  if (field.kind === 'textarea' || field.kind === 'list') {
    input = el('textarea', { ...common, rows: field.kind === 'list' ? 2 : 3, value: text });
  } else {
    input = el('input', {
      ...common,
      type: field.kind === 'date' ? 'date' : 'text',
      value: text,
      class: field.width === 'short' ? 'input-short' : null,
      list: field.kind === 'status' ? 'status-words' : null,
      autocomplete: 'off',
    });
  }
  return el('div', { class: 'field', dataset: { field: pointer } },
    el('label', { for: id, text: field.label }),
    field.hint ? el('p', { id: `${id}-hint`, class: 'hint', text: field.hint }) : null,
    el('div', { id: `${id}-issues`, class: 'field-issues' }),
    input,
    readingId ? el('p', { class: 'hint reading', id: readingId }) : null,
  );
}

function categoryControl(pointer, chosen, categories) {
  const id = fieldId(pointer);
  const known = new Set(categories.map((category) => category.id));
  const options = [
    ...categories.map((category) => ({ id: category.id, name: category.name })),
    ...(chosen ?? []).filter((tag) => !known.has(tag)).map((tag) => ({ id: tag, name: tag })),
  ];
  return el('fieldset', { class: 'field categories', id, dataset: { field: pointer, describedbyBase: `${id}-hint` }, 'aria-describedby': `${id}-hint` },
    el('legend', { text: 'Categories' }),
    el('p', { id: `${id}-hint`, class: 'hint', text: 'Tag what this action delivers; untagged actions are read from their wording' }),
    el('div', { id: `${id}-issues`, class: 'field-issues' }),
    el('div', { class: 'checkboxes' },
      options.map((option, index) => {
        const boxId = `${id}-${index}`;
        return el('div', { class: 'checkbox' },
          el('input', { type: 'checkbox', id: boxId, value: option.id, checked: (chosen ?? []).includes(option.id), dataset: { pointer, kind: 'categories' } }),
          el('label', { for: boxId, text: option.name }));
      })),
  );
}

function fields(list, owner, base, categories) {
  return list.map((field) => {
    const pointer = format([...base, field.key]);
    return field.kind === 'categories' ? categoryControl(pointer, owner.categories, categories) : control(field, pointer, owner[field.key]);
  });
}

function actionGroup(action, s, a, categories) {
  const base = ['sections', s, 'actions', a];
  const pointer = format(base);
  const id = fieldId(pointer);
  return el('fieldset', { class: 'action', id, dataset: { field: pointer } },
    el('legend', { id: `${id}-legend`, text: `Action ${action.id || a + 1}` }),
    el('div', { id: `${id}-issues`, class: 'field-issues' }),
    el('div', { class: 'action-fields' }, fields(ACTION_FIELDS, action, base, categories)),
    el('button', { type: 'button', class: 'button-secondary button-small', dataset: { command: 'remove-action', section: s, action: a }, 'aria-describedby': `${id}-legend`, text: 'Remove this action' }),
  );
}

/**
 * Plans with more actions than this open with their sections collapsed: a collapsed section
 * renders no controls until it is opened (a 5,000-action plan was 110,000 controls).
 */
export const LAZY_ACTIONS = 250;

/** The controls of a section: its fields, its actions and its buttons. */
function sectionBody(section, s, categories, id) {
  return [
    fields(SECTION_FIELDS, section, ['sections', s], categories),
    (section.actions ?? []).map((action, a) => actionGroup(action, s, a, categories)),
    el('div', { class: 'button-group' },
      el('button', { type: 'button', class: 'button-secondary', dataset: { command: 'add-action', section: s }, 'aria-describedby': `${id}-heading`, text: 'Add an action' }),
      el('button', { type: 'button', class: 'button-secondary', dataset: { command: 'remove-section', section: s }, 'aria-describedby': `${id}-heading`, text: 'Remove this section' })),
  ];
}

function sectionGroup(section, s, categories, open) {
  const pointer = format(['sections', s]);
  const id = fieldId(pointer);
  const count = (section.actions ?? []).length;
  return el('section', { class: 'plan-section', id, dataset: { field: pointer }, 'aria-labelledby': `${id}-heading` },
    el('h3', { id: `${id}-heading` },
      el('button', { type: 'button', class: 'section-toggle', 'aria-expanded': String(open), 'aria-controls': `${id}-body`, dataset: { toggle: s } },
        `Section ${s + 1}${section.title ? `: ${section.title}` : ''}`,
        el('span', { class: 'section-count', text: ` (${count} ${count === 1 ? 'action' : 'actions'})` }))),
    el('div', { id: `${id}-issues`, class: 'field-issues' }),
    el('div', { id: `${id}-body`, class: 'section-body', hidden: !open }, ...(open ? sectionBody(section, s, categories, id) : [])),
  );
}

/** Opens or closes section `s`, building its controls the first time it opens. */
export function toggleSection(plan, s, categories, open) {
  const id = fieldId(format(['sections', s]));
  const body = document.getElementById(`${id}-body`);
  const toggle = document.querySelector(`#${id}-heading .section-toggle`);
  if (!body || !toggle) return false;
  if (open && !body.firstChild) replace(body, sectionBody(plan.sections[s], s, categories, id).flat(Infinity));
  body.hidden = !open;
  toggle.setAttribute('aria-expanded', String(open));
  return true;
}

/** Opens the section holding the field at `pointer`, if it is closed; true when it did. */
export function revealField(plan, pointer, categories) {
  const match = /^\/sections\/(\d+)\//.exec(pointer);
  const s = match ? Number(match[1]) : -1;
  if (!plan.sections?.[s]) return false;
  const toggle = document.querySelector(`#${fieldId(format(['sections', s]))}-heading .section-toggle`);
  if (toggle?.getAttribute('aria-expanded') !== 'false') return false;
  return toggleSection(plan, s, categories, true);
}

/**
 * Builds the whole form for `plan` into `root`; `categories` are the chosen profile's.
 * Sections start open unless the plan is larger than `LAZY_ACTIONS`; `open` keeps the
 * sections a person opened across rebuilds.
 */
export function renderForm(root, plan, categories, open = new Set()) {
  const sections = Array.isArray(plan.sections) ? plan.sections : [];
  const actions = sections.reduce((sum, section) => sum + (Array.isArray(section.actions) ? section.actions.length : 0), 0);
  const allOpen = actions <= LAZY_ACTIONS;
  replace(root,
    el('datalist', { id: 'status-words' }, STATUS_WORDS.map((word) => el('option', { value: word }))),
    el('fieldset', { class: 'plan-details', id: fieldId(''), dataset: { field: '' } },
      el('legend', { text: 'Plan details' }),
      el('div', { id: `${fieldId('')}-issues`, class: 'field-issues' }),
      fields(PLAN_FIELDS, plan, [], categories)),
    el('div', { id: fieldId('/sections'), dataset: { field: '/sections' } },
      el('h2', { text: 'Sections and actions' }),
      allOpen ? null : el('p', { class: 'hint', text: `${sections.length} sections and ${actions} actions: open a section to edit it.` }),
      el('div', { id: `${fieldId('/sections')}-issues`, class: 'field-issues' }),
      sections.map((section, s) => sectionGroup(section, s, categories, allOpen || open.has(s)))),
    el('button', { type: 'button', class: 'button-secondary', dataset: { command: 'add-section' }, text: 'Add a section' }),
  );
}

/** The value a control holds, in the plan's shape. */
export function readControl(input) {
  const { kind, pointer } = input.dataset;
  if (kind === 'categories') {
    const group = input.closest('fieldset');
    return { pointer, value: [...group.querySelectorAll('input:checked')].map((box) => box.value) };
  }
  if (kind === 'list') return { pointer, value: textToList(input.value) };
  const text = input.value.trim();
  // An optional field left empty is absent, as in a plan written by hand; a required one
  // stays, empty, so that the checker says it is missing.
  return { pointer, value: text === '' && !REQUIRED.test(pointer) ? undefined : text };
}

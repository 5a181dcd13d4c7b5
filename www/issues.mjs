// Issues beside their fields (found by JSON Pointer) and in a summary that jumps to them.
import { el, plural, replace } from './dom.mjs';
import { ancestry, fieldId, parse } from './pointer.mjs';
import { textToList } from './plan-model.mjs';

const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Note' };
const RANK = { error: 0, warning: 1, info: 2 };

/**
 * Field wrappers found by issue path, while they stay in the page: every keystroke checks the
 * whole plan again, and its issues name the same paths (finding each through its ancestry
 * was most of the page's share of a re-check). Cleared when the form is rebuilt.
 */
const fieldsByPath = new Map();

/** The field wrapper (element with `data-field`) that shows an issue about `path`. */
function fieldFor(path) {
  const known = fieldsByPath.get(path);
  if (known?.isConnected) return known;
  for (const pointer of ancestry(path ?? '')) {
    const node = document.getElementById(fieldId(pointer))?.closest('[data-field]');
    if (node) {
      fieldsByPath.set(path, node);
      return node;
    }
  }
  return null;
}

/** The element that holds the messages of a field. */
const slotOf = (field) => document.getElementById(`${fieldId(field.dataset.field)}-issues`);

/**
 * "Milestone 2: " for an issue about one item of a list edited as lines, unless the message
 * already quotes the item.
 */
function itemPrefix(issue, field) {
  const tokens = parse(issue.path ?? '');
  const index = Number(tokens.at(-1));
  if (tokens.length - parse(field.dataset.field).length !== 1 || !Number.isInteger(index)) return '';
  const item = textToList(field.querySelector(':scope > textarea')?.value ?? '')[index];
  if (item && issue.message.includes(`"${item}"`)) return '';
  const label = field.querySelector(':scope > label, :scope > legend')?.textContent ?? 'Items';
  return `${label.replace(/ies$/, 'y').replace(/s$/, '')} ${index + 1}: `;
}

// `lang` is the language tag of the report's texts when it is not the page's (WCAG 3.1.2):
// the messages and hints are in the checks' language, the words around them in English.
function message(issue, prefix, lang) {
  return el('p', { class: `issue-message issue-${issue.severity}` },
    el('span', { class: 'severity-tag', text: SEVERITY_WORDS[issue.severity] }),
    el('span', { class: 'visually-hidden', text: ': ' }),
    prefix,
    el('span', { lang, text: issue.message }),
    issue.hint ? el('span', { class: 'issue-hint', lang, text: ` ${issue.hint}` }) : null);
}

/** The control (or group) that aria attributes go on, inside a field wrapper. */
const controlOf = (field) => (field.matches('fieldset.categories') ? field : field.querySelector(':scope > input, :scope > textarea'));

const issueKey = (issue) => `${issue.severity}\u0000${issue.rule}\u0000${issue.path}\u0000${issue.message}`;

function describedBy(target, field, slotId) {
  const base = target.dataset.describedbyBase ?? field.dataset.describedbyBase ?? '';
  const ids = [slotId, base].filter(Boolean).join(' ');
  if (ids) target.setAttribute('aria-describedby', ids);
  else target.removeAttribute('aria-describedby');
}

/**
 * Errors and warnings beside their fields; notes stay in the summary. Only fields whose
 * issues changed are touched, so that a keystroke in a large plan costs little DOM work.
 */
export class IssueDecorations {
  #shown = new Map();

  /** Shows `issues`, whose texts are in `lang` (undefined: the page's language). */
  apply(issues, lang) {
    const byField = new Map();
    for (const issue of issues) {
      if (issue.severity === 'info') continue;
      const field = fieldFor(issue.path);
      if (!field) continue;
      const fieldIssues = byField.get(field);
      if (fieldIssues) fieldIssues.push(issue);
      else byField.set(field, [issue]);
    }
    for (const [field] of this.#shown) {
      if (!byField.has(field)) this.#show(field, []);
    }
    for (const [field, fieldIssues] of byField) {
      if (this.#shown.get(field) !== fieldIssues.map(issueKey).join('\n')) this.#show(field, fieldIssues, lang);
    }
  }

  /** Forgets every field (after the form was rebuilt). */
  reset() {
    this.#shown.clear();
    fieldsByPath.clear();
  }

  #show(field, fieldIssues, lang) {
    const hasError = fieldIssues.some((issue) => issue.severity === 'error');
    // Fields get a coloured edge; groups (the plan, a section, an action) only their messages.
    const isControl = field.classList.contains('field');
    field.classList.toggle('field-error', isControl && hasError);
    field.classList.toggle('field-warning', isControl && fieldIssues.length > 0 && !hasError);
    const slot = slotOf(field);
    if (slot) replace(slot, fieldIssues.map((issue) => message(issue, itemPrefix(issue, field), lang)));
    const target = controlOf(field);
    if (target) {
      if (hasError) target.setAttribute('aria-invalid', 'true');
      else target.removeAttribute('aria-invalid');
      describedBy(target, field, fieldIssues.length ? slot?.id : null);
    }
    if (fieldIssues.length) this.#shown.set(field, fieldIssues.map(issueKey).join('\n'));
    else this.#shown.delete(field);
  }
}

/** Moves focus to the field of an issue (its message, when it has no control of its own). */
export function focusField(path) {
  const field = fieldFor(path);
  if (!field) return false;
  let target = controlOf(field);
  if (target?.matches('fieldset')) target = target.querySelector('input');
  if (!target) {
    target = slotOf(field) ?? field;
    target.tabIndex = -1;
  }
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
  return true;
}

function summaryItem(issue, lang) {
  const field = fieldFor(issue.path);
  const where = issue.cell ? ` (cell ${issue.sheet ? `${issue.sheet}!` : ''}${issue.cell})` : '';
  const text = [el('span', { lang, text: issue.message }), where];
  let body;
  if (issue.rule.startsWith('category-')) {
    body = el('a', { href: '#coverage' }, text);
  } else if (field) {
    body = el('a', { href: `#${fieldId(field.dataset.field)}`, onclick: (event) => { if (focusField(issue.path)) event.preventDefault(); } }, text);
  } else {
    body = el('span', {}, text);
  }
  return el('li', { class: `issue-${issue.severity}` }, el('span', { class: 'severity-tag', text: SEVERITY_WORDS[issue.severity] }), ' ', body, ' ', el('code', { class: 'rule', text: issue.rule }));
}

/**
 * The issues panel: errors and warnings as links, notes folded away. The items of issues that
 * did not change are kept, so that a plan with hundreds of issues costs little per keystroke.
 */
export class IssueSummary {
  #root;
  #key = null;
  #items = new Map();
  #list = el('ol', { class: 'issue-list' });
  #none = el('p', { text: 'No errors or warnings.' });
  #notesTitle = el('summary');
  #notesList = el('ol', { class: 'issue-list' });
  #notes = el('details', { class: 'notes' }, this.#notesTitle, this.#notesList);

  constructor(root) {
    this.#root = root;
  }

  /**
   * Shows `report`'s issues, whose texts are in `lang` (undefined: the page's language);
   * returns the counts as words ("2 errors, 1 warning, 0 notes").
   */
  render(report, lang) {
    const { errors, warnings, infos } = report.summary;
    const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')}`;
    const sorted = [...report.issues].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const occurrences = new Map();
    const keyed = sorted.map((issue) => {
      const base = `${issueKey(issue)}\u0000${issue.sheet ?? ''}!${issue.cell ?? ''}`;
      const n = (occurrences.get(base) ?? 0) + 1;
      occurrences.set(base, n);
      return { issue, key: `${base}#${n}` };
    });
    const key = keyed.map((item) => item.key).join('\n');
    if (key === this.#key) return counts;
    this.#key = key;
    const items = new Map();
    const itemOf = ({ issue, key: itemKey }) => {
      const item = this.#items.get(itemKey) ?? summaryItem(issue, lang);
      items.set(itemKey, item);
      return item;
    };
    const serious = keyed.filter(({ issue }) => issue.severity !== 'info').map(itemOf);
    const notes = keyed.filter(({ issue }) => issue.severity === 'info').map(itemOf);
    this.#items = items;
    replace(this.#list, serious);
    replace(this.#notesList, notes);
    this.#notesTitle.textContent = `Notes (${notes.length})`;
    replace(this.#root, serious.length ? this.#list : this.#none, notes.length ? this.#notes : null);
    return counts;
  }

  /** Forgets the items (after the form was rebuilt, their links may point elsewhere). */
  reset() {
    this.#key = null;
    this.#items.clear();
  }
}

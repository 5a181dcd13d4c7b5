// The coverage panel: every category of the chosen profile, covered (tagged), inferred (from
// the wording, with the phrase highlighted where it was found) or missing.
import { el, plural, replace } from './dom.mjs';
import { fieldId, get, parse } from './pointer.mjs';
import { itemText } from './plan-model.mjs';
import { focusField } from './issues.mjs';

const STATUS_WORDS = { covered: 'Covered', inferred: 'Inferred from wording', missing: 'Missing' };
const BASIS_WORDS = { must: 'Must (legal duty)', should: 'Should (expected)', advice: 'Advice' };
const EVIDENCE_SHOWN = 3;
const CONTEXT_CHARS = 50;

/** The UTF-16 index of UTF-8 byte offset `byte` of `text` (the core's spans count bytes). */
export function utf16Index(text, byte) {
  let bytes = 0;
  let index = 0;
  while (index < text.length && bytes < byte) {
    const point = text.codePointAt(index);
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    index += point > 0xffff ? 2 : 1;
  }
  return index;
}

const FIELD_WORDS = { description: 'description', objective: 'objective', outputs: 'output', outcomes: 'outcome', milestones: 'milestone', leads: 'lead', partners: 'partner', categories: 'category tag', title: 'title', status: 'status' };

/** "Action 2 description", "Section 3 title", "Plan title". */
function fieldName(pointer, action) {
  const tokens = parse(pointer);
  const key = tokens.findLast((token) => Number.isNaN(Number(token)));
  const owner = tokens.includes('actions') ? `Action ${action ?? Number(tokens[3]) + 1}` : tokens[0] === 'sections' ? `Section ${Number(tokens[1]) + 1}` : 'Plan';
  return `${owner} ${Object.hasOwn(FIELD_WORDS, key) ? FIELD_WORDS[key] : key}`;
}

/** The evidence phrase in its sentence: "…refer people to <mark>Channel</mark> and…". */
function snippet(text, span) {
  if (!span) return [text];
  const start = utf16Index(text, span.start);
  const end = utf16Index(text, span.end);
  const from = Math.max(0, start - CONTEXT_CHARS);
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  return [
    `${from > 0 ? '…' : ''}${text.slice(from, start)}`,
    el('mark', { text: text.slice(start, end) }),
    `${text.slice(end, to)}${to < text.length ? '…' : ''}`,
  ];
}

function evidenceItem(evidence, plan) {
  const text = itemText(get(plan, evidence.field));
  return el('li', {},
    el('a', { href: `#${fieldId(evidence.field.replace(/\/\d+$/, ''))}`, text: fieldName(evidence.field, evidence.action), onclick: (event) => { event.preventDefault(); focusField(evidence.field); } }),
    ': ',
    el('q', {}, snippet(text, evidence.span)));
}

/** The category's `name` or `description` in `lang` where the profile translates it. */
function translated(category, key, lang) {
  const text = lang ? category.translations?.[lang]?.[key] : undefined;
  return text ? { text, lang } : { text: category[key] };
}

function categoryItem(category, coverage, plan, lang) {
  const status = coverage?.status ?? 'missing';
  const evidence = coverage?.evidence ?? [];
  return el('li', { class: `coverage-item coverage-${status}`, dataset: { category: category.id, status } },
    el('div', { class: 'coverage-head' },
      el('h3', translated(category, 'name', lang)),
      el('strong', { class: `tag tag-${status}`, text: STATUS_WORDS[status] })),
    el('p', { class: 'coverage-meta' },
      `${BASIS_WORDS[category.basis] ?? category.basis}${category.required ? ', required' : ', recommended'}`,
      coverage?.actions?.length ? ` · ${plural(coverage.actions.length, 'action')}: ${coverage.actions.join(', ')}` : ''),
    evidence.length
      ? el('ul', { class: 'evidence' },
          evidence.slice(0, EVIDENCE_SHOWN).map((item) => evidenceItem(item, plan)),
          evidence.length > EVIDENCE_SHOWN ? el('li', { class: 'more', text: `and ${evidence.length - EVIDENCE_SHOWN} more` }) : null)
      : el('p', { class: 'hint', ...translated(category, 'description', lang) }));
}

const drawn = new WeakMap();

/** Draws the panel; category names and descriptions in `lang` (undefined: the page's language). */
export function renderCoverage(root, report, profile, lang) {
  const shownTexts = Object.values(report.coverage ?? {}).flatMap((coverage) => (coverage.evidence ?? []).slice(0, EVIDENCE_SHOWN).map((evidence) => itemText(get(report.plan, evidence.field))));
  const key = JSON.stringify([profile?.id, lang, report.coverage, shownTexts]);
  if (drawn.get(root) === key) return;
  drawn.set(root, key);
  const categories = profile?.categories ?? [];
  const required = categories.filter((category) => category.required);
  const status = (category) => report.coverage?.[category.id]?.status ?? 'missing';
  const missing = required.filter((category) => status(category) === 'missing').length;
  const inferred = required.filter((category) => status(category) === 'inferred').length;
  replace(root,
    el('p', { class: 'coverage-summary', text: `${required.length - missing - inferred} of ${required.length} required categories tagged, ${inferred} inferred from wording, ${missing} missing.` }),
    report.plan
      ? el('ul', { class: 'coverage-list' }, categories.map((category) => categoryItem(category, report.coverage?.[category.id], report.plan, lang)))
      : el('p', { text: 'The plan could not be read, so its coverage is unknown.' }),
  );
}

// The plan being edited: the input shape of the schema (milestones and status as the plan
// writes them), never the report's derived fields, so that checking it again gives the
// same reading.
import { format, get, parse } from './pointer.mjs';

/** The text of a list item: a milestone may be `{ text, parsed }` or a plain string. */
export const itemText = (item) => (item !== null && typeof item === 'object' ? String(item.text ?? '') : String(item ?? ''));

/** A list field's lines (one item per line) and back; text where a list belongs stays visible. */
export const listToText = (items) => (Array.isArray(items) ? items.map(itemText).join('\n') : itemText(items));
export const textToList = (text) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The status as the plan writes it ("Green", "On track"), whatever its shape. */
export function statusText(status) {
  if (status === null || typeof status !== 'object') return String(status ?? '');
  return String(status.text || status.value || '');
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Whether the form can show `plan`: sections and actions must be objects in lists. Wrong
 * field types inside them are fine: the form shows them, and the checker says what is wrong.
 */
export function isEditable(plan) {
  return isObject(plan) && Array.isArray(plan.sections) && plan.sections.every((section) => isObject(section)
    && (section.actions === undefined || (Array.isArray(section.actions) && section.actions.every(isObject))));
}

export function blankAction(id) {
  return { id, description: '', leads: [], milestones: [], status: '' };
}

/** An id for a new action of section `index` that no other action has. */
export function nextActionId(plan, index) {
  const taken = new Set(plan.sections.flatMap((section) => section.actions.map((action) => action.id)));
  const base = plan.sections[index].id ?? String(index + 1);
  for (let n = (plan.sections[index].actions?.length ?? 0) + 1; ; n += 1) {
    const id = `${base}.${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The plan of a report as a plan to edit: an imported table's report holds the plan as
 * understood, with milestones parsed, statuses normalised and categories inferred from the
 * wording. Only what the table said is kept; categories stay only where the table tagged them.
 */
export function planFromReport(report) {
  const understood = structuredClone(report.plan);
  const tagged = new Map();
  for (const coverage of Object.values(report.coverage ?? {})) {
    for (const evidence of coverage.evidence ?? []) {
      const tokens = parse(evidence.field);
      const at = tokens.indexOf('categories');
      if (evidence.source !== 'explicit' || at < 0) continue;
      const owner = format(tokens.slice(0, at));
      const ids = tagged.get(owner) ?? new Set();
      ids.add(get(understood, format(tokens.slice(0, at + 2))));
      tagged.set(owner, ids);
    }
  }
  const keepTagged = (owner, pointer) => {
    if (tagged.has(pointer)) owner.categories = [...tagged.get(pointer)].filter((id) => typeof id === 'string');
    else delete owner.categories;
  };
  understood.sections.forEach((section, s) => {
    keepTagged(section, format(['sections', s]));
    section.actions.forEach((action, a) => {
      action.milestones = (action.milestones ?? []).map(itemText);
      action.status = statusText(action.status);
      keepTagged(action, format(['sections', s, 'actions', a]));
    });
  });
  return understood;
}

// The changes since an earlier version of the plan: a panel listing them (from the core's
// `compare`), and a note on each changed action's group in the form.
import { el, plural, replace } from './dom.mjs';
import { fieldId } from './pointer.mjs';

const STATUS_WORDS = { not_started: 'not started', on_track: 'on track', at_risk: 'at risk', delayed: 'delayed', complete: 'complete', ongoing: 'ongoing', unknown: 'no status' };
/** Rows listed in the panel; the rest are counted (a 5,000-action plan can change a lot). */
const ROWS_SHOWN = 200;

const months = (count) => plural(Math.abs(count), 'month');

/** One change in words. */
export function changeText(change) {
  const status = (value) => STATUS_WORDS[value] ?? value;
  switch (change.kind) {
    case 'added': return 'added';
    case 'removed': return `removed while ${status(change.status)}`;
    case 'renumbered': return `renumbered ${change.from ?? '–'} → ${change.to ?? '–'}`;
    case 'reworded': return 're-worded';
    case 'lead_changed': return `lead ${change.from.join('; ') || '–'} → ${change.to.join('; ') || '–'}`;
    case 'status_moved': return `${status(change.from)} → ${status(change.to)}`;
    case 'completed': return `completed (was ${status(change.from)})`;
    case 'milestone_slipped': return `slipped ${months(change.months)}: "${change.from}" → "${change.to}"`;
    case 'milestone_advanced': return `brought forward ${months(change.months)}: "${change.from}" → "${change.to}"`;
    case 'newly_overdue': return `newly overdue: "${change.milestone}"`;
    default: return change.kind;
  }
}

/** The action at `/sections/i/actions/j` of a report's plan. */
export function actionAt(report, pointer) {
  const match = /^\/sections\/(\d+)\/actions\/(\d+)$/.exec(pointer ?? '');
  return match ? report?.plan?.sections?.[Number(match[1])]?.actions?.[Number(match[2])] : undefined;
}

function countsText(summary) {
  const parts = [
    `${plural(summary.matched, 'action')} in both versions (${summary.bySimilarity} matched by their text), ${summary.added} added, ${summary.removed} removed, ${summary.unchanged} unchanged`,
    `${plural(summary.slipped, 'deadline')} slipped, ${summary.completed} completed, ${summary.statusMoved} other status changes, ${summary.newlyOverdue} newly overdue`,
  ];
  return `${parts.join('; ')}.`;
}

function actionCell(action, comparison) {
  const side = action.after ? 'after' : 'before';
  const located = action[side];
  const text = actionAt(comparison[side], located.path)?.description ?? '';
  const name = located.id ? `Action ${located.id}` : located.path;
  const label = action.before && action.after && action.before.id !== action.after.id ? `${name} (was ${action.before.id ?? 'unnumbered'})` : name;
  return el('td', {},
    action.after ? el('a', { href: `#${fieldId(located.path)}`, dataset: { reveal: located.path }, text: label }) : el('span', { text: label }),
    el('span', { class: 'change-description', text: ` ${text.length > 90 ? `${text.slice(0, 89)}…` : text}` }));
}

/** Draws the comparison into `root` (the form's `lang` for texts from the report). */
export function renderChanges(root, comparison, names, lang) {
  const { summary } = comparison;
  const rows = comparison.actions.slice(0, ROWS_SHOWN).map((action) => {
    const how = action.match === 'similarity' ? ` (matched by its text, ${action.score}% alike)` : '';
    return el('tr', { class: action.changes.some((change) => change.kind === 'removed') ? 'change-removed' : null },
      actionCell(action, comparison),
      el('td', { text: `${action.changes.map(changeText).join('; ')}${how}` }));
  });
  const coverage = comparison.coverage.map((change) => el('li', { class: `coverage-${change.change}` },
    `${change.change === 'gained' ? 'Coverage gained' : 'Coverage lost'}: `, el('span', { lang, text: change.name }), ` (${change.category})`));
  const problems = comparison.issues.map((issue) => el('li', { class: `severity-${issue.severity}` },
    el('strong', { text: issue.severity === 'error' ? 'Error: ' : issue.severity === 'warning' ? 'Warning: ' : 'Note: ' }),
    el('span', { lang, text: issue.message }), ' ', el('code', { text: issue.rule })));
  replace(root,
    el('p', { class: 'changes-files', text: `From ${names.before} to ${names.after}.` }),
    el('p', { class: 'changes-counts', text: countsText(summary) }),
    coverage.length ? el('ul', { class: 'changes-coverage' }, coverage) : null,
    problems.length
      ? el('div', { class: 'changes-problems' }, el('h3', { text: `Problems in the changes (${problems.length})` }), el('ul', {}, problems))
      : el('p', { text: 'No problems in the changes.' }),
    rows.length
      ? el('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Changed actions (scrolls)' },
          el('table', { class: 'changes-table' },
            el('caption', { text: `Changed actions (${comparison.actions.length})` }),
            el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Action' }), el('th', { scope: 'col', text: 'What changed' }))),
            el('tbody', {}, rows)))
      : el('p', { text: 'No action changed.' }),
    comparison.actions.length > ROWS_SHOWN ? el('p', { class: 'hint', text: `The first ${ROWS_SHOWN} are listed; ${comparison.actions.length - ROWS_SHOWN} more changed.` }) : null,
  );
}

/** Notes beside the changed actions of the form, replacing those of the last comparison. */
export class ChangeMarks {
  constructor() {
    this.marks = [];
  }

  apply(comparison) {
    this.reset();
    for (const action of comparison?.actions ?? []) {
      if (!action.after) continue;
      const legend = document.getElementById(`${fieldId(action.after.path)}-legend`);
      if (!legend) continue;
      const mark = el('span', { class: 'change-mark', text: ` changed: ${action.changes.map(changeText).join('; ')}` });
      legend.append(mark);
      this.marks.push(mark);
    }
  }

  reset() {
    for (const mark of this.marks) mark.remove();
    this.marks = [];
  }
}

/**
 * The earlier version of each changed action, by the later one's path: the timeline draws
 * its milestones ghosted behind the current ones (unchanged actions need no ghost).
 */
export function earlierActions(comparison) {
  const earlier = new Map();
  for (const action of comparison.actions) {
    if (action.before && action.after) earlier.set(action.after.path, actionAt(comparison.before, action.before.path));
  }
  return earlier;
}

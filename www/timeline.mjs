// The timeline: every action's milestones as read by the checker, drawn across the plan
// period in SVG. Kinds are told apart by shape as well as colour (bars for dated work, a
// diamond for a deadline, an arrow for open-ended work, dots for recurring work, a dashed
// line for ongoing work); overdue milestones are hatched and outlined.
import { el, plural, replace, svg } from './dom.mjs';
import { format } from './pointer.mjs';

const WIDTH = 960;
const LABEL_WIDTH = 64;
const ROW_HEIGHT = 18;
const AXIS_HEIGHT = 40;
const DAY_MS = 86_400_000;
/** How far past the plan period the chart reaches for milestones outside it. */
const OVERHANG_DAYS = 366;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Months between occurrences; weekly and fortnightly work is drawn as a dotted line. */
const RECURRENCE_MONTHS = { monthly: 1, bi_monthly: 2, quarterly: 3, termly: 4, twice_yearly: 6, annually: 12 };

const day = (iso) => (iso ? Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS) : null);
const isoOf = (days) => new Date(days * DAY_MS).toISOString().slice(0, 10);
function humanDate(iso) {
  const [year, month, date] = iso.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

function describe(action, milestone, overdue) {
  const { kind, start, end, recurrence } = milestone.parsed ?? {};
  const when = start && end ? (start === end ? humanDate(start) : `${humanDate(start)} to ${humanDate(end)}`) : start ? `from ${humanDate(start)}` : 'no date';
  const how = kind === 'recurring' ? `recurring ${String(recurrence ?? '').replace('_', ' ')}` : String(kind ?? '').replace('_', ' ');
  return `Action ${action.id ?? ''}: "${milestone.text}" (${how}, ${when})${overdue ? ', overdue' : ''}`;
}

/** The chart's first and last day: the plan period, widened for milestones outside it. */
function domain(plan) {
  const dates = plan.sections.flatMap((section) => section.actions.flatMap((action) => action.milestones.flatMap((m) => [day(m.parsed?.start), day(m.parsed?.end)])))
    .filter((value) => value !== null);
  const periodStart = day(plan.period?.start);
  const periodEnd = day(plan.period?.end);
  if (!dates.length && periodStart === null) return null;
  // Folds, not Math.min(...dates): a list spread into arguments overflows the stack.
  let first = dates.reduce((earliest, date) => Math.min(earliest, date), periodStart ?? Infinity);
  let last = dates.reduce((latest, date) => Math.max(latest, date), periodEnd ?? -Infinity);
  if (periodStart !== null) first = Math.max(first, periodStart - OVERHANG_DAYS);
  if (periodEnd !== null) last = Math.min(last, periodEnd + OVERHANG_DAYS);
  return last > first ? { first, last } : { first: first - 15, last: first + 15 };
}

function monthStarts(first, last) {
  const starts = [];
  const date = new Date(first * DAY_MS);
  date.setUTCDate(1);
  while (date.getTime() / DAY_MS <= last) {
    starts.push({ days: date.getTime() / DAY_MS, month: date.getUTCMonth(), year: date.getUTCFullYear() });
    date.setUTCMonth(date.getUTCMonth() + 1);
  }
  return starts;
}

function axis(scale, first, last, height) {
  const months = monthStarts(first, last);
  const step = months.length <= 18 ? 1 : months.length <= 48 ? 3 : 12;
  return months
    // A label needs about 40 units; one too near the right edge would be cut off.
    .filter((month) => month.days >= first && month.month % step === 0 && scale(month.days) < WIDTH - 40)
    .map((month, index) => svg('g', { class: 'tl-tick' },
      svg('line', { x1: scale(month.days), x2: scale(month.days), y1: AXIS_HEIGHT - 8, y2: height }),
      svg('text', { x: scale(month.days) + 3, y: AXIS_HEIGHT - 12, text: index === 0 || step === 12 || month.month === 0 ? `${MONTHS[month.month]} ${month.year}` : MONTHS[month.month] })));
}

function occurrences(start, last, months) {
  const days = [];
  const date = new Date(start * DAY_MS);
  for (let guard = 0; date.getTime() / DAY_MS <= last && guard < 200; guard += 1) {
    days.push(date.getTime() / DAY_MS);
    date.setUTCMonth(date.getUTCMonth() + months);
  }
  return days;
}

/** The marks of one milestone on row `y`. */
function marks(milestone, scale, bounds, y, overdue) {
  const parsed = milestone.parsed ?? {};
  const start = day(parsed.start);
  const end = day(parsed.end);
  const middle = y + ROW_HEIGHT / 2;
  const cls = (name) => `tl-${name}${overdue ? ' tl-overdue' : ''}`;
  const bar = (from, to) => svg('rect', { class: cls('bar'), x: scale(from), y: y + 4, width: Math.max(3, scale(to + 1) - scale(from)), height: ROW_HEIGHT - 8 });
  switch (parsed.kind) {
    case 'date':
      return [bar(start, end), svg('path', { class: cls('deadline'), d: `M${scale(end + 1)} ${y + 2}l5 ${ROW_HEIGHT / 2 - 2}l-5 ${ROW_HEIGHT / 2 - 2}l-5 -${ROW_HEIGHT / 2 - 2}z` })];
    case 'range':
      return [bar(start, end)];
    case 'multiple':
      return (parsed.parts ?? [{ start: parsed.start, end: parsed.end }]).map((part) => bar(day(part.start), day(part.end)));
    case 'open_ended': {
      const from = scale(start);
      const to = scale(bounds.last);
      return [svg('path', { class: cls('open'), d: `M${from} ${y + 5}H${to - 7}V${y + 2}L${to} ${middle}L${to - 7} ${y + ROW_HEIGHT - 2}V${y + ROW_HEIGHT - 5}H${from}z` })];
    }
    case 'recurring': {
      const every = RECURRENCE_MONTHS[parsed.recurrence];
      const from = start ?? bounds.first;
      if (!every) return [svg('line', { class: cls('recurring-line'), x1: scale(from), x2: scale(bounds.last), y1: middle, y2: middle })];
      return occurrences(from, bounds.last, every).map((at) => svg('circle', { class: cls('recurring'), cx: scale(at), cy: middle, r: 4 }));
    }
    case 'ongoing':
      return [svg('line', { class: cls('ongoing'), x1: scale(start ?? bounds.first), x2: scale(end ?? bounds.last), y1: middle, y2: middle })];
    default:
      return start !== null && end !== null ? [bar(start, end)] : [];
  }
}

/**
 * Draws the timeline of `report.plan` into `root`. Overdue milestones are those of the
 * report's `overdue` issues, so the chart and the issue list always agree.
 */
const drawn = new WeakMap();

export function renderTimeline(root, report, earlier = new Map()) {
  const plan = report.plan;
  const overdue = new Set(report.issues.filter((issue) => issue.rule === 'overdue').map((issue) => issue.path));
  // Most edits (a description, a lead) change nothing drawn here: keep the chart.
  const ghosts = [...earlier].map(([path, action]) => [path, action?.milestones]);
  const key = JSON.stringify([plan?.period, plan?.as_of, [...overdue], ghosts, plan?.sections.map((section) => section.actions.map((action) => [action.id, action.milestones]))]);
  if (drawn.get(root) === key) return;
  drawn.set(root, key);
  const bounds = plan && domain(plan);
  if (!bounds) {
    root.replaceChildren(el('p', { text: plan ? 'No milestone has a date yet, so there is nothing to draw.' : 'The plan could not be read, so there is nothing to draw.' }));
    return;
  }
  const rows = plan.sections.flatMap((section, s) => section.actions.map((action, a) => ({ action, base: ['sections', s, 'actions', a] })));
  const height = AXIS_HEIGHT + rows.length * ROW_HEIGHT + 4;
  const scale = (days) => LABEL_WIDTH + ((days - bounds.first) / (bounds.last + 1 - bounds.first)) * (WIDTH - LABEL_WIDTH - 8);
  const asOf = day(plan.as_of);
  let undated = 0;
  const overdueTexts = [];
  const stripes = [];
  const drawnRows = [];
  let ghosted = 0;
  rows.forEach(({ action, base }, index) => {
    const y = AXIS_HEIGHT + index * ROW_HEIGHT;
    // The earlier version's milestones, ghosted behind the current ones.
    const previous = earlier.get(format(base));
    const ghost = previous ? previous.milestones.flatMap((milestone) => marks(milestone, scale, bounds, y, false)) : [];
    if (ghost.length) {
      ghosted += 1;
      drawnRows.push(svg('g', { class: 'tl-ghost' }, svg('title', { text: `Action ${action.id ?? ''} in the earlier version: ${previous.milestones.map((milestone) => `"${milestone.text}"`).join(', ')}` }), ghost));
    }
    const shapes = action.milestones.flatMap((milestone, m) => {
      const late = overdue.has(format([...base, 'milestones', m]));
      if (late) overdueTexts.push(describe(action, milestone, true));
      const drawnMarks = marks(milestone, scale, bounds, y, late);
      if (!drawnMarks.length) undated += 1;
      return drawnMarks.length ? [svg('g', {}, svg('title', { text: describe(action, milestone, late) }), drawnMarks)] : [];
    });
    stripes.push(
      svg('rect', { class: `tl-stripe${index % 2 ? ' tl-stripe-odd' : ''}`, x: 0, y, width: WIDTH, height: ROW_HEIGHT }),
      svg('text', { class: 'tl-label', x: 4, y: y + ROW_HEIGHT - 5, text: String(action.id ?? index + 1).slice(0, 8) }));
    if (!shapes.length) {
      const why = action.milestones.length ? 'no date to draw' : 'no milestone';
      shapes.push(svg('text', { class: 'tl-undated', x: LABEL_WIDTH + 4, y: y + ROW_HEIGHT - 5, text: why }));
    }
    drawnRows.push(svg('g', { class: 'tl-row' }, shapes));
  });
  const periodStart = day(plan.period?.start);
  const periodEnd = day(plan.period?.end);
  const descriptionText = `${plural(rows.length, 'action')} from ${humanDate(isoOf(bounds.first))} to ${humanDate(isoOf(bounds.last))}`
    + `${plan.period?.start ? `; plan period ${humanDate(plan.period.start)} to ${humanDate(plan.period.end)}` : ''}`
    + `${asOf !== null ? `; as of ${humanDate(plan.as_of)}` : ''}; ${plural(overdue.size, 'overdue milestone')}; ${plural(undated, 'milestone')} without a date`
    + `${ghosted ? `; ${plural(ghosted, 'changed action')} with the earlier version's milestones ghosted behind` : ''}.`;
  const chart = svg('svg', { class: 'timeline-chart', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-labelledby': 'timeline-title timeline-desc' },
    svg('title', { id: 'timeline-title', text: 'Milestones of every action across the plan period' }),
    svg('desc', { id: 'timeline-desc', text: descriptionText }),
    svg('defs', {}, svg('pattern', { id: 'tl-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { class: 'tl-hatch-back', width: 6, height: 6 }), svg('line', { class: 'tl-hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 }))),
    stripes,
    periodStart !== null ? svg('rect', { class: 'tl-period', x: scale(periodStart), y: AXIS_HEIGHT, width: scale(periodEnd + 1) - scale(periodStart), height: height - AXIS_HEIGHT }) : null,
    axis(scale, bounds.first, bounds.last, height),
    drawnRows,
    asOf !== null && asOf >= bounds.first && asOf <= bounds.last
      ? svg('g', { class: 'tl-as-of' },
          svg('line', { x1: scale(asOf), x2: scale(asOf), y1: 12, y2: height }),
          // Past the middle, the label reads leftwards from the line so that it stays inside.
          svg('text', { x: scale(asOf) + (scale(asOf) > WIDTH / 2 ? -4 : 4), y: 12, 'text-anchor': scale(asOf) > WIDTH / 2 ? 'end' : 'start', text: `As of ${humanDate(plan.as_of)}` }))
      : null);
  replace(root,
    el('p', { class: 'timeline-summary', text: descriptionText }),
    el('div', { class: 'timeline-scroll', tabindex: 0, role: 'region', 'aria-label': 'Timeline chart (scrolls)' }, chart),
    overdueTexts.length ? el('details', { class: 'overdue-list' }, el('summary', { text: `Overdue milestones (${overdueTexts.length})` }), el('ul', {}, overdueTexts.map((text) => el('li', { text })))) : null,
  );
}

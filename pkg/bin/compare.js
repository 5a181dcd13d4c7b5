'use strict';
// `prevent-plan-check compare OLD NEW`: what changed between two versions of a plan.

const fs = require('node:fs');
const path = require('node:path');
const api = require('../index.cjs');

const EXIT_OK = 0;
const EXIT_PLAN_ERRORS = 1;

const WORKBOOKS = new Set(['.xlsx', '.ods']);
const TEXTS = new Set(['.json', '.csv', '.tsv']);

/** A version as `compare` takes it: JSON or CSV text, or a workbook's bytes. */
function readVersion(file, readText, usage) {
  const type = path.extname(file).toLowerCase();
  if (WORKBOOKS.has(type)) return fs.readFileSync(file);
  if (!TEXTS.has(type)) throw usage('unsupportedType', { file, types: [...TEXTS, ...WORKBOOKS].join(', ') });
  return readText(file);
}

/**
 * Plan text shown on a terminal: control characters (ESC, OSC, newlines in a description)
 * are written as escapes, so that a plan cannot move the cursor or retitle the window.
 */
function printable(text) {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The action at a JSON Pointer `/sections/i/actions/j` of a report's plan. */
function actionAt(report, pointer) {
  const match = /^\/sections\/(\d+)\/actions\/(\d+)$/.exec(pointer ?? '');
  return match ? report.plan?.sections?.[Number(match[1])]?.actions?.[Number(match[2])] : undefined;
}

function shorten(text, length = 60) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

/** One change in words. */
function describeChange(change, t) {
  const status = (value) => t(`status_${value}`);
  switch (change.kind) {
    case 'added':
      return t('compareAdded');
    case 'removed':
      return t('compareRemoved', { status: status(change.status) });
    case 'renumbered':
      return t('compareRenumbered', { from: change.from ?? '-', to: change.to ?? '-' });
    case 'reworded':
      return t('compareReworded', { from: shorten(change.from), to: shorten(change.to) });
    case 'lead_changed':
      return t('compareLeadChanged', { from: change.from.join('; ') || '-', to: change.to.join('; ') || '-' });
    case 'status_moved':
      return t('compareStatusMoved', { from: status(change.from), to: status(change.to) });
    case 'completed':
      return t('compareCompleted', { from: status(change.from) });
    case 'milestone_slipped':
      return t('compareSlipped', { count: change.months, from: change.from, to: change.to });
    case 'milestone_advanced':
      return t('compareAdvanced', { count: -change.months, from: change.from, to: change.to });
    case 'newly_overdue':
      return t('compareNewlyOverdue', { milestone: change.milestone });
    default:
      return change.kind;
  }
}

/** How a person names an action of the comparison: "4 -> 5", "3", or its description. */
function actionLabel(action, comparison) {
  const id = (side) => action[side]?.id;
  if (action.before && action.after && id('before') !== id('after')) return `${id('before') ?? '?'} -> ${id('after') ?? '?'}`;
  const side = action.after ? 'after' : 'before';
  return id(side) ?? shorten(actionAt(comparison[side], action[side].path)?.description ?? action[side].path, 30);
}

function formatComparison(comparison, files, t) {
  const summary = comparison.summary;
  let out = `${printable(files.before)} -> ${printable(files.after)}\n`;
  out += `  ${t('compareCounts', summary)}\n`;
  const rows = comparison.actions.map((action) => {
    const side = action.after ? 'after' : 'before';
    const description = actionAt(comparison[side], action[side].path)?.description ?? '';
    const how = action.match === 'similarity' ? ` (${t('compareByText', { score: action.score })})` : '';
    const changes = action.changes.map((change) => describeChange(change, t)).join('; ');
    return [printable(actionLabel(action, comparison)), `${printable(changes)}${how}: ${printable(shorten(description))}`];
  });
  if (rows.length > 0) {
    const width = Math.max(...rows.map(([label]) => label.length));
    out += `\n${rows.map(([label, text]) => `  ${label.padEnd(width)}  ${text}`).join('\n')}\n`;
  }
  if (comparison.coverage.length > 0) {
    out += '\n';
    for (const category of comparison.coverage) {
      out += `  ${t(category.change === 'gained' ? 'compareCoverageGained' : 'compareCoverageLost', { name: printable(category.name), id: category.category })}\n`;
    }
  }
  if (comparison.issues.length > 0) {
    out += '\n';
    for (const issue of comparison.issues) {
      out += `  ${issue.path || t('wholePlan')}  ${t(issue.severity)}  ${printable(issue.message)}  ${issue.rule}\n`;
    }
  }
  const problems = comparison.issues.length;
  out += `\n${problems === 0 ? t('compareNoProblems') : t('problems', { count: problems })}\n`;
  return out;
}

/**
 * Runs `compare OLD NEW`. `cli` gives what the command line shares: `readText(file)`,
 * `displayName(file)`, `options` (those of a check) and `usage(key, args)` (a usage error).
 */
function compare(files, values, out, t, cli) {
  const format = values.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw cli.usage('compareFormat', { format });
  if (files.length !== 2) throw cli.usage('compareNeedsFiles');
  const options = { ...cli.options };
  if (values['max-slips'] !== undefined) {
    if (!/^\d+$/.test(values['max-slips'])) throw cli.usage('compareMaxSlips', { value: values['max-slips'] });
    options.maxSlips = Number(values['max-slips']);
  }
  const [before, after] = files.map((file) => readVersion(file, cli.readText, cli.usage));
  const workbook = files.some((file) => WORKBOOKS.has(path.extname(file).toLowerCase()));
  let comparison;
  try {
    comparison = workbook ? require('../xlsx.cjs').compareWorkbooks(before, after, options) : api.compare(before, after, options);
  } catch (error) {
    if (error.code === 'ERR_INVALID_OPTION') throw cli.usage('compareOption', { message: error.message });
    throw error;
  }
  const names = { before: cli.displayName(files[0]), after: cli.displayName(files[1]) };
  if (format === 'json') {
    out.write(`${JSON.stringify({ files: names, ...comparison }, null, 2)}\n`);
  } else {
    out.write(formatComparison(comparison, names, t));
  }
  const errors = comparison.summary.errors + comparison.after.summary.errors;
  return errors > 0 ? EXIT_PLAN_ERRORS : EXIT_OK;
}

module.exports = { compare, formatComparison, printable };

'use strict';
// `prevent-plan-check compare OLD NEW`: what changed between two versions of a plan.

const path = require('node:path');
const api = require('../index.cjs');
const cli = require('./cli.js');
const { escapeControl: printable, formatJson } = require('./format.js');

const options = {
  profile: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  'max-slips': { type: 'string' },
};

const WORKBOOKS = new Set(['.xlsx', '.ods']);
const TEXTS = new Set(['.json', '.csv', '.tsv']);

/** A version as `compare` takes it: JSON or CSV text, or a workbook's bytes (read within the input limit). */
function readVersion(file, t) {
  const type = path.extname(file).toLowerCase();
  if (!WORKBOOKS.has(type) && !TEXTS.has(type)) throw new cli.UsageError(t('unsupportedType', { file: printable(file), types: [...TEXTS, ...WORKBOOKS].join(', ') }));
  const bytes = cli.readFileBounded(file, api.limits().maxInputBytes, t);
  return WORKBOOKS.has(type) ? bytes : cli.decodeText(bytes);
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
    const width = rows.reduce((widest, [label]) => Math.max(widest, label.length), 0);
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

/** Runs `compare OLD NEW`. */
function run(files, values, io, t) {
  const format = values.format ?? 'text';
  if (!['text', 'json'].includes(format)) throw new cli.UsageError(t('compareFormat', { format: printable(format) }));
  if (files.length !== 2) throw new cli.UsageError(t('compareNeedsFiles'));
  const settings = cli.checkOptions(values);
  if (values['max-slips'] !== undefined) {
    if (!/^\d{1,9}$/.test(values['max-slips'])) throw new cli.UsageError(t('compareMaxSlips', { value: printable(values['max-slips']) }));
    settings.maxSlips = Number(values['max-slips']);
  }
  let versions;
  try {
    versions = files.map((file) => readVersion(file, t));
  } catch (error) {
    if (!(error instanceof cli.InputError)) throw error;
    io.err.write(`prevent-plan-check: ${printable(error.message)}\n`);
    return cli.EXIT_USAGE;
  }
  const workbook = files.some((file) => WORKBOOKS.has(path.extname(file).toLowerCase()));
  let comparison;
  try {
    comparison = workbook ? require('../xlsx.cjs').compareWorkbooks(versions[0], versions[1], settings) : api.compare(versions[0], versions[1], settings);
  } catch (error) {
    if (error.code === 'ERR_INVALID_OPTION') throw cli.optionError(error);
    throw error;
  }
  const names = { before: cli.displayName(files[0]), after: cli.displayName(files[1]) };
  const text = format === 'json' ? `${formatJson({ files: names, ...comparison })}\n` : formatComparison(comparison, names, t);
  cli.writeOutput(values, text, io.out);
  const errors = comparison.summary.errors + comparison.after.summary.errors;
  return errors > 0 ? cli.EXIT_PLAN_ERRORS : cli.EXIT_OK;
}

module.exports = { options, run, formatComparison };

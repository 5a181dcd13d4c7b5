'use strict';
// `prevent-plan-check milestone [--period P] [--json] -- TEXT`: how a milestone phrase is read.

const api = require('../index.cjs');
const cli = require('./cli.js');
const { formatJson } = require('./format.js');

const options = { json: { type: 'boolean' }, period: { type: 'string' } };

function run(words, values, io, t) {
  if (words.length === 0) throw new cli.UsageError(t('needsText'));
  const settings = values.period === undefined ? undefined : { period: values.period };
  let reading;
  try {
    reading = api.parseMilestone(words.join(' '), settings);
  } catch (error) {
    throw error.code === 'ERR_INVALID_OPTION' ? cli.optionError(error) : new cli.UsageError(error.message);
  }
  if (values.json) {
    cli.writeOutput(values, `${formatJson(reading, 0)}\n`, io.out);
  } else {
    const when = reading.start || reading.end ? ` ${t('span', { start: reading.start ?? '…', end: reading.end ?? '…' })}` : '';
    cli.writeOutput(values, `${reading.kind}${when}\n`, io.out);
  }
  return cli.EXIT_OK;
}

module.exports = { options, run };

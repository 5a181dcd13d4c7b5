'use strict';
// `prevent-plan-check profiles [--json]`: the coverage profiles.

const api = require('../index.cjs');
const cli = require('./cli.js');
const { formatJson } = require('./format.js');

const options = { json: { type: 'boolean' } };

function run(args, values, io, t) {
  const all = api.profiles();
  if (values.json) {
    cli.writeOutput(values, `${formatJson(all)}\n`, io.out);
    return cli.EXIT_OK;
  }
  const width = all.reduce((widest, profile) => Math.max(widest, profile.id.length), 0);
  const lines = all.map((profile, index) => {
    const required = profile.categories.filter((category) => category.required).length;
    const title = profile.translations?.[values.locale]?.title ?? profile.title;
    const line = t('profileLine', { title, default: index === 0 ? t('default') : '', required, total: profile.categories.length });
    return `${profile.id.padEnd(width)}  ${line}\n`;
  });
  cli.writeOutput(values, lines.join(''), io.out);
  return cli.EXIT_OK;
}

module.exports = { options, run };

// The demo page: live validation of a plan typed or pasted as JSON.
import { validateJson } from '../pkg/web.mjs';

const EXAMPLES = ['haringey-2008-11', 'haringey-2013-14', 'harrow-2015-16', 'cumbria-2015-16'];
const DEBOUNCE_MS = 150;

const text = document.getElementById('plan-text');
const example = document.getElementById('example');
const summary = document.getElementById('summary');
const list = document.getElementById('issues');

const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

function render(report) {
  const { errors, warnings, infos, actions } = report.summary;
  summary.textContent = `${count(actions, 'action')}: ${count(errors, 'error')}, ${count(warnings, 'warning')}, ${count(infos, 'note')}.`;
  text.setAttribute('aria-invalid', String(!report.valid));
  list.replaceChildren(
    ...report.issues.map((issue) => {
      const item = document.createElement('li');
      const severity = document.createElement('span');
      severity.className = `severity severity-${issue.severity}`;
      severity.textContent = issue.severity;
      const where = document.createElement('span');
      where.className = 'where';
      where.textContent = issue.line ? `line ${issue.line}:${issue.column}` : issue.path || 'plan';
      const rule = document.createElement('span');
      rule.className = 'rule';
      rule.textContent = issue.rule;
      // textContent, never innerHTML: plan text is untrusted.
      item.append(severity, document.createTextNode(`${issue.message} `), where, document.createTextNode(' '), rule);
      return item;
    }),
  );
}

let timer;
function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(() => render(validateJson(text.value)), DEBOUNCE_MS);
}

async function loadExample(name) {
  const response = await fetch(`../pkg/examples/${name}.json`);
  text.value = response.ok ? await response.text() : '{"sections": []}';
  render(validateJson(text.value));
}

for (const name of EXAMPLES) example.add(new Option(name, name));
example.addEventListener('change', () => loadExample(example.value));
text.addEventListener('input', scheduleCheck);
await loadExample(EXAMPLES[0]);
document.body.dataset.ready = 'true';

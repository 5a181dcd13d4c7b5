// No list of unbounded length is spread into a function call's arguments anywhere in the
// package, the demo or the samples: engines take a few hundred thousand arguments at most
// and then throw "Maximum call stack size exceeded" (issue 17: a CSV of 150,000 blank lines
// broke the demo's table view at `Math.max(...rows)`). Folds and loops have no such limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['www', 'pkg/src', 'pkg/bin', 'pkg/scripts', 'samples'];
const GENERATED = /(^|\/)(node|web|dist|xlsx|node_modules)(\/|$)/;

function* sources(folder) {
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (GENERATED.test(relative(ROOT, join(ROOT, path)).replace(/^pkg\//, ''))) continue;
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(mjs|cjs|js)$/.test(entry.name)) yield path;
  }
}

// Arguments spread into a call (`f(...list)`, `f(a, ...list)`) or given as an array to
// `apply`: a rest parameter in a definition (`function f(...args)`) is not a call.
const SPREAD_CALL = /(?<!function\s*[\w$]*\s*)\b[\w$.#]+\??\.?\(\s*(?:[^(){}]*?,\s*)?\.\.\.[\w$[(]|\.apply\(\s*null/;

/** The spreads that are bounded by construction, each with why. */
const BOUNDED = new Map([
  // Forwards the arguments of one API call (a handful), as given.
  ['pkg/src/api.mjs', /return fn\(\.\.\.args\)/],
  // Calls with units in chunks of 8,192 (`push` flushes them).
  ['samples/apps-script/polyfills.js', /String\.fromCharCode\.apply\(null, units\)/],
]);

test('no list is spread into the arguments of a call', () => {
  const found = [];
  for (const folder of FOLDERS) {
    for (const file of sources(folder)) {
      readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, index) => {
        if (/^\s*(\/\/|\*)/.test(line) || !SPREAD_CALL.test(line)) return;
        if (BOUNDED.get(file)?.test(line)) return;
        found.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
  }
  assert.deepEqual(found, []);
});

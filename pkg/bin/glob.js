'use strict';
// Glob patterns expanded by the command itself: Windows shells (cmd, PowerShell) pass
// `plans/*.json` through unexpanded, and a quoted pattern reaches us on every system.
// Supports `*`, `?`, `[...]`, `{a,b}` and `**` (any number of folders), with `/` or `\`.

const fs = require('node:fs');
const path = require('node:path');

const MAGIC = /[*?[{]/;

/** Whether `text` is a pattern rather than a plain path. */
function isGlob(text) {
  return MAGIC.test(text);
}

/** One path segment's pattern as a regular expression (no `/` inside). */
function segmentRegExp(segment) {
  let source = '';
  let braces = 0;
  for (let index = 0; index < segment.length; index += 1) {
    const char = segment[index];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = segment.indexOf(']', index + 2);
      if (end < 0) source += '\\[';
      else {
        const body = segment.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        index = end;
      }
    } else if (char === '{') {
      braces += 1;
      source += '(?:';
    } else if (char === '}' && braces > 0) {
      braces -= 1;
      source += ')';
    } else if (char === ',' && braces > 0) source += '|';
    else source += char.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${source}${')'.repeat(braces)}$`);
}

/**
 * The files matching `pattern`, sorted; folders are walked from the pattern's fixed prefix.
 * Dot files and `node_modules` are only matched when the pattern names them.
 */
function expand(pattern) {
  const segments = pattern.split(/[\\/]+/);
  const fixed = [];
  while (segments.length > 1 && !isGlob(segments[0])) fixed.push(segments.shift());
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  const matchers = segments.map((segment) =>
    segment === '**' ? '**' : { regExp: segmentRegExp(segment), named: segment.startsWith('.') || segment.startsWith('node_modules') },
  );
  const found = [];
  walk(base, matchers, found);
  return found.sort();
}

/** Dot files and node_modules are passed over unless the pattern's segment names them. */
function hidden(name, matcher) {
  return (name.startsWith('.') || name === 'node_modules') && !(matcher && matcher !== '**' && matcher.named);
}

function walk(folder, matchers, found) {
  if (matchers.length === 0) return;
  const [matcher, ...rest] = matchers;
  let entries;
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  if (matcher === '**') {
    walk(folder, rest, found); // `**` as no folder at all
    for (const entry of entries) {
      if (entry.isDirectory() && !hidden(entry.name, rest[0])) walk(path.join(folder, entry.name), matchers, found);
    }
    return;
  }
  for (const entry of entries) {
    if (!matcher.regExp.test(entry.name) || hidden(entry.name, matcher)) continue;
    const full = folder === '.' ? entry.name : path.join(folder, entry.name);
    if (rest.length === 0) {
      if (!entry.isDirectory()) found.push(full);
    } else if (entry.isDirectory()) walk(full, rest, found);
  }
}

module.exports = { isGlob, expand };

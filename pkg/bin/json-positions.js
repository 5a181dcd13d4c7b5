'use strict';
// Maps JSON Pointers back to where their values start in the JSON text (1-based line and
// column, columns in UTF-16 code units as SARIF counts them by default), so that results
// for JSON plans carry a `region`. One pass over the text; only the pointers asked for (and
// their ancestors, the fallback for a field that is missing) are kept. Malformed text is
// scanned as far as it goes: every step moves forward, so it ends in linear time.

/** `/a/b` -> ['', '/a', '/a/b']: the pointer and every ancestor. */
function withAncestors(pointer) {
  const found = [''];
  let at = 0;
  while ((at = pointer.indexOf('/', at + 1)) !== -1) found.push(pointer.slice(0, at));
  if (pointer) found.push(pointer);
  return found;
}

const escapeSegment = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The end (index after the closing quote) of the string starting at `start`. */
function stringEnd(text, start) {
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '"' || char === '\n') return index + 1;
    else index += 1;
  }
  return text.length;
}

/**
 * `Map(pointer -> { line, column })` for each of `pointers` (JSON Pointers of the plan)
 * whose value is in `text`; a pointer that is not gets its nearest ancestor's place.
 */
function jsonPositions(text, pointers) {
  const wanted = new Set([...pointers].flatMap(withAncestors));
  const starts = new Map();
  const path = [];
  const frames = []; // { array, index } per open container
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  const valueStarts = (at) => {
    const frame = frames[frames.length - 1];
    if (frame?.array) path[path.length - 1] = String(frame.index);
    const pointer = path.length === 0 ? '' : `/${path.join('/')}`;
    if (wanted.has(pointer) && !starts.has(pointer)) starts.set(pointer, { line, column: at - lineStart + 1 });
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === '\n') {
      line += 1;
      lineStart = index + 1;
      index += 1;
    } else if (char === '{' || char === '[') {
      valueStarts(index);
      frames.push({ array: char === '[', index: 0 });
      path.push('');
      expectKey = char === '{';
      index += 1;
    } else if (char === '}' || char === ']') {
      frames.pop();
      path.pop();
      expectKey = false;
      index += 1;
    } else if (char === ',') {
      const frame = frames[frames.length - 1];
      if (frame?.array) frame.index += 1;
      else expectKey = frame !== undefined;
      index += 1;
    } else if (char === '"') {
      const end = stringEnd(text, index);
      if (expectKey) {
        let key;
        try {
          key = JSON.parse(text.slice(index, end));
        } catch {
          key = text.slice(index + 1, end - 1);
        }
        path[path.length - 1] = escapeSegment(String(key));
        expectKey = false;
      } else {
        valueStarts(index);
      }
      index = end;
    } else if (/[-0-9tfn]/.test(char)) {
      valueStarts(index);
      index += 1;
      while (index < text.length && /[-+.0-9a-zA-Z]/.test(text[index])) index += 1;
    } else {
      index += 1; // whitespace, ':' and anything malformed
    }
  }
  const places = new Map();
  for (const pointer of pointers) {
    const known = withAncestors(pointer).reverse().find((candidate) => starts.has(candidate));
    if (known !== undefined) places.set(pointer, starts.get(known));
  }
  return places;
}

module.exports = { jsonPositions };

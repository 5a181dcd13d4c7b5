// JSON Pointers (RFC 6901): the report's `path` of every issue and the key of every form field.
import { pointerKeys } from '../pkg/src/adapters.mjs';

export function parse(pointer) {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function format(tokens) {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function get(document, pointer) {
  let value = document;
  for (const token of parse(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, token)) return undefined;
    value = value[token];
  }
  return value;
}

/** Whether `token` names an element of an array (not `length` or another member). */
const isIndex = (token) => /^(0|[1-9][0-9]{0,8})$/.test(token);

/**
 * Sets the value at `pointer`, creating objects on the way; `undefined` deletes the key.
 * Walks own properties only, and refuses a pointer through a prototype (`__proto__`,
 * `constructor`, `prototype`) or to an array member that is not an element (`length`):
 * returns whether the value was set.
 */
export function set(document, pointer, value) {
  const tokens = parse(pointer);
  if (tokens.length === 0 || pointerKeys(pointer).length !== tokens.length) return false;
  const last = tokens.pop();
  let parent = document;
  for (const token of tokens) {
    if (Array.isArray(parent) && !isIndex(token)) return false;
    if (!Object.hasOwn(parent, token) || parent[token] === null || typeof parent[token] !== 'object') parent[token] = {};
    parent = parent[token];
  }
  if (Array.isArray(parent) && !isIndex(last)) return false;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return true;
}

/** The id of the form control that edits `pointer`: a valid, unique HTML id. */
export function fieldId(pointer) {
  return `field${pointer.replace(/[^A-Za-z0-9_]/g, (c) => (c === '/' ? '-' : `_${c.charCodeAt(0).toString(16)}`))}`;
}

/**
 * The pointers from `pointer` up to the root: an issue about a list item
 * (`.../milestones/1`) belongs to the list's field (`.../milestones`) when the form edits
 * the list as one control.
 */
export function* ancestry(pointer) {
  const tokens = parse(pointer);
  for (let length = tokens.length; length >= 0; length -= 1) yield format(tokens.slice(0, length));
}

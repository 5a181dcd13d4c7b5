// Element builders. Text goes in as text nodes only: plan text is untrusted, so nothing
// here ever parses markup (no innerHTML anywhere in the demo).

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Set as properties: the live state of a control, which its attribute only initialises. */
const PROPERTIES = new Set(['value', 'checked']);

function fill(node, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** `el('p', { class: 'hint', text: 'Hello' })`, `el('ul', {}, items)`. */
export function el(tag, props, ...children) {
  return fill(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function svg(tag, props, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), props, children);
}

export const plural = (n, word, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/**
 * Replaces the children of `root`, skipping absent ones (`null`, `false`); arrays of children
 * are flattened. Appended one by one into a fragment: spreading a list into a call's
 * arguments overflows the stack past about 100,000 (a table of 150,000 blank lines did).
 */
export function replace(root, ...children) {
  const fragment = document.createDocumentFragment();
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) fragment.append(child);
  }
  root.replaceChildren(fragment);
}

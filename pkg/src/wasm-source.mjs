// Where an entry's `.wasm` is read from. Each entry names its file as the literal
// `new URL('./….wasm', import.meta.url)`, the pattern webpack, Vite and Parcel recognise to
// copy the file into a build; this module only adapts that URL for Node.

/**
 * `url` itself, or the file's bytes where it is a `file:` URL that `fetch` cannot read (Node
 * importing the browser entry directly). `process.getBuiltinModule` keeps `node:fs` out of
 * the reach of bundlers, which would otherwise try to bundle it for the browser.
 */
export function wasmSource(url) {
  if (url.protocol !== 'file:' || typeof globalThis.process?.versions?.node !== 'string') return url;
  const fs = globalThis.process.getBuiltinModule?.('node:fs');
  if (!fs) {
    // Node before 20.16 has no getBuiltinModule, and its fetch cannot read files.
    throw new Error(`cannot read ${url.pathname} here: in Node, import 'prevent-plan-check' (its Node build), or pass the bytes: init({ module_or_path: bytes })`);
  }
  return fs.readFileSync(url);
}

// Browser and bundler entry: loads the `.wasm` beside it with top-level await, then exposes
// the API. For bundlers or targets without top-level await, `prevent-plan-check/init`.
import { init } from './init.mjs';

await init();

export * from './init.mjs';
export { default } from './init.mjs';

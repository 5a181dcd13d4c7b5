// The package loaded with its WASM memory observable. The wasm-bindgen glue keeps its
// instance private: note every instance made while the package loads, to read the size of
// its memory.
import { createRequire } from 'node:module';

const instances = [];
const OriginalInstance = WebAssembly.Instance;
WebAssembly.Instance = new Proxy(OriginalInstance, {
  construct(target, args) {
    const instance = Reflect.construct(target, args);
    instances.push(instance);
    return instance;
  },
});
const require = createRequire(import.meta.url);
export const api = require('prevent-plan-check');
WebAssembly.Instance = OriginalInstance;

/** The core module's memory size in bytes. */
export const coreMemory = () => instances.find((instance) => instance.exports.memory).exports.memory.buffer.byteLength;

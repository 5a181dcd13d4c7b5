// The browser entries without top-level await (`prevent-plan-check/init`, `/form/init`):
// nothing is fetched until `init()` (or `initSync()`), and the API's functions throw
// ERR_NOT_INITIALIZED before that.
import { notInitialized } from './api.mjs';

/**
 * The frozen API of one such entry: `names` are its functions; `initModule` and
 * `initModuleSync` are the wasm-bindgen glue's loaders, `defaultSource()` where the `.wasm`
 * is (the entry's own `new URL(..., import.meta.url)`, which bundlers see), and `createApi()`
 * builds the functions once the module is there.
 */
export function lazyEntry({ names, initModule, initModuleSync, defaultSource, createApi }) {
  let api;
  let loading;

  function loaded() {
    if (api === undefined) throw notInitialized();
    return api;
  }

  /**
   * Loads the module, once: `init()` fetches the `.wasm` beside the entry; `init({ module_or_path })`
   * takes its URL, a `Response`, its bytes or a compiled `WebAssembly.Module`. Resolves to the API.
   */
  function init(input) {
    loading ??= initModule(input ?? { module_or_path: defaultSource() }).then(
      () => {
        api ??= createApi();
        return checker;
      },
      (error) => {
        loading = undefined; // a failed fetch may be retried
        throw error;
      },
    );
    return loading;
  }

  /** Loads the module from its bytes or a compiled module, synchronously: `initSync({ module })`. */
  function initSync(input) {
    if (api === undefined) {
      initModuleSync(input);
      api = createApi();
    }
    return checker;
  }

  const checker = Object.freeze(Object.fromEntries([...names.map((name) => [name, (...args) => loaded()[name](...args)]), ['init', init], ['initSync', initSync]]));
  return checker;
}

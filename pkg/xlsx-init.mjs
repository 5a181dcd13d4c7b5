// Browser and bundler workbook entry without top-level await: `prevent-plan-check/xlsx/init`.
// `init()` loads the core (see ./init.mjs) and the workbook module, once, and resolves to
// `{ validateWorkbook, validateFile, readWorkbook, readFile, compareWorkbooks }`; `init({ module_or_path })` says where the workbook
// module's `.wasm` is (`prevent-plan-check/xlsx.wasm`), `init({ module_or_path, core })` the
// core's too.
import initReader, * as reader from './xlsx/web/prevent_plan_check_xlsx.js';
import * as core from './web/prevent_plan_check.js';
import { createWorkbookApi } from './src/api.mjs';
import { init as initCore } from './init.mjs';
import { wasmSource } from './src/wasm-source.mjs';

let loading;

export function init(input) {
  const { core: coreInput, ...readerInput } = input ?? {};
  loading ??= Promise.all([
    initCore(coreInput),
    initReader(input ? readerInput : { module_or_path: wasmSource(new URL('./xlsx/web/prevent_plan_check_xlsx_bg.wasm', import.meta.url)) }),
  ]).then(
    () => Object.freeze(createWorkbookApi(reader, core)),
    (error) => {
      loading = undefined; // a failed fetch may be retried
      throw error;
    },
  );
  return loading;
}

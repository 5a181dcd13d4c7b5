// Browser and bundler workbook entry: `import('prevent-plan-check/xlsx')` when a workbook is
// dropped, so that forms which never open one never download this module (about 270 KB brotli).
import initReader, * as reader from './xlsx/web/prevent_plan_check_xlsx.js';
import * as core from './web/prevent_plan_check.js';
import { createWorkbookApi } from './src/api.mjs';
import { init } from './init.mjs';
import { wasmSource } from './src/wasm-source.mjs';

await Promise.all([init(), initReader({ module_or_path: wasmSource(new URL('./xlsx/web/prevent_plan_check_xlsx_bg.wasm', import.meta.url)) })]);

const api = createWorkbookApi(reader, core);
export const { validateWorkbook, readWorkbook } = api;
export default api;

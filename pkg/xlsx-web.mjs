// Browser and bundler workbook entry: `import('prevent-plan-check/xlsx')` when a workbook or a
// document is dropped, so that forms which never open one never download this module.
import initReader, * as reader from './xlsx/web/prevent_plan_check_xlsx.js';
import * as core from './web/prevent_plan_check.js';
import { createWorkbookApi } from './src/api.mjs';
import './web.mjs'; // instantiates the core module first

await initReader({ module_or_path: new URL('./xlsx/web/prevent_plan_check_xlsx_bg.wasm', import.meta.url) });

const api = createWorkbookApi(reader, core);
export const { validateWorkbook, validateFile, readWorkbook, readFile } = api;
export default api;

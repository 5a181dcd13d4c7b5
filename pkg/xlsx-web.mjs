// Browser and bundler workbook entry: `import('prevent-plan-check/xlsx')` when a workbook or a
// document is dropped, so that forms which never open one never download this module (about
// 300 KB brotli). Loads with top-level await; `prevent-plan-check/xlsx/init` is the same without.
import { init } from './xlsx-init.mjs';

const api = await init();
export const { validateWorkbook, validateFile, readWorkbook, readFile, compareWorkbooks } = api;
export { init };
export default api;

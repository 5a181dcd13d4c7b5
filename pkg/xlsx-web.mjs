// Browser and bundler workbook entry: `import('prevent-plan-check/xlsx')` when a workbook is
// dropped, so that forms which never open one never download this module (about 270 KB
// brotli). Loads with top-level await; `prevent-plan-check/xlsx/init` is the same without.
import { init } from './xlsx-init.mjs';

const api = await init();
export const { validateWorkbook, readWorkbook, compareWorkbooks } = api;
export { init };
export default api;

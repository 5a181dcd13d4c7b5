// Node (ES module) workbook entry.
import api from './xlsx.cjs';

export const { validateWorkbook, readWorkbook, compareWorkbooks, init } = api;
export default api;

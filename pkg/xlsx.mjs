// Node (ES module) workbook entry.
import api from './xlsx.cjs';

export const { validateWorkbook, validateFile, readWorkbook, readFile, compareWorkbooks, init } = api;
export default api;

// Node (ES module) workbook entry.
import api from './xlsx.cjs';

export const { validateWorkbook, readWorkbook, compareWorkbooks } = api;
export default api;

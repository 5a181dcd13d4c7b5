// Node (ES module) workbook entry.
import api from './xlsx.cjs';

export const { validateWorkbook, readWorkbook } = api;
export default api;

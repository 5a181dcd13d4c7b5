// Node (ES module) workbook entry.
import api from './xlsx.cjs';

export const { validateWorkbook } = api;
export default api;

// @hyedu/excel: templates, safe reading with per-row Chinese errors, and formula-safe export (ExcelJS).
export { checkFileName, checkXlsx, DEFAULT_LIMITS, ExcelFileError, type FileLimits } from './file-check.ts';
export { EXAMPLE_MARK, escapeFormula, type Column } from './columns.ts';
export { writeTemplate, writeWorkbook, type CellValue, type SheetData, type TemplateSheet } from './write.ts';
export { formatRowError, readSheet, validateRows, type RowError, type SheetRow } from './read.ts';

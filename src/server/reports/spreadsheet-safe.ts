// Keeps text typed by users out of spreadsheet formulas: CSV and XLSX exports pass every cell through here.

/**
 * Excel, LibreOffice and Google Sheets treat a cell starting with = + - @ (or tab / carriage return, or the
 * full-width forms Excel also accepts) as a formula — in CSV on opening, in XLSX as soon as someone edits the cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain signed number ("-5", "+1.5") is not a formula and stays as it is. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The text with a leading apostrophe when a spreadsheet would read it as a formula (the apostrophe keeps it text). */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** A cell value for an XLSX row: strings neutralised, numbers, dates and empty cells untouched. */
export function safeCell<T>(v: T): T | string {
  return typeof v === 'string' ? neutraliseFormula(v) : v;
}

/** A CSV field (RFC 4180 quoting) with formulas neutralised; objects are written as JSON, dates as ISO 8601. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : typeof v === 'string' ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

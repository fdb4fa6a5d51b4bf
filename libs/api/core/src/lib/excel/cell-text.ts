/** Excel refuses longer cell texts. */
export const MAX_CELL_LENGTH = 32_767;

/** Media type of an .xlsx workbook. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Characters a spreadsheet reads as the start of a formula (=, +, -, @) or that hide one (tab,
 * carriage return, line feed, NUL), OWASP "CSV injection" and ASVS 1.2.10.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0]/;

/** Characters XML 1.0 cannot carry: an .xlsx holding them does not open. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text that a spreadsheet could read as a formula is prefixed with an apostrophe, so it always
 * stays text, even if the cell is copied or the sheet saved as CSV.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text as an exported cell holds it: formula-neutral, without characters XML refuses, cut to Excel's limit. */
export function safeCellText(text: string): string {
  return neutralizeFormula(text).replace(NOT_XML, '').slice(0, MAX_CELL_LENGTH);
}

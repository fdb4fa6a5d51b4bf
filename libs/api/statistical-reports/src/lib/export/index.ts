export * from './report-export.types';
export * from './report-export.service';
export { CSV_BOM, CSV_CONTENT_TYPE, CSV_HEADER } from './report-csv';
export { KEYS_SHEET, KEYS_HEADER } from './report-xlsx';
export { exportFileName } from './paper-text';

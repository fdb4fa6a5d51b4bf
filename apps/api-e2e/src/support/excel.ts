import ExcelJS from 'exceljs';
import { withDb } from './db';
import { apiUrl } from './http';
import { citizenId, RECORDS, uniqueWomanName } from './records';

/**
 * Excel files for the register import tests and the access matrix: workbooks written with exceljs
 * as an officer's spreadsheet program would, uploads as multipart forms, downloads as bytes.
 */

export interface Upload<T> {
  status: number;
  body: T;
}

export interface ImportProblem {
  row: number;
  column: string | null;
  header: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportDetail {
  id: string;
  status: string;
  facilityCode: string;
  fileName: string;
  fileSha256: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  created: number;
  updated: number;
  outcomes: Record<string, number>;
  errors: ImportProblem[];
  errorsTruncated: boolean;
  code?: string;
  message?: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importForm(file: Buffer, name = 'so-kham-thai.xlsx'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: XLSX_TYPE }), name);
  return form;
}

/** POST …/{register}/imports with the file as multipart/form-data. */
export async function uploadImport(
  token: string,
  register: string,
  file: Buffer,
  name?: string,
  query = '',
): Promise<Upload<ImportDetail>> {
  const response = await fetch(apiUrl(`${RECORDS}/${register}/imports${query ? `?${query}` : ''}`), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: importForm(file, name),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // kept as text for the assertion message
  }
  return { status: response.status, body: body as ImportDetail };
}

export async function download(
  path: string,
  token: string,
): Promise<{ status: number; type: string | null; disposition: string | null; file: Buffer }> {
  const response = await fetch(apiUrl(path), { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    file: Buffer.from(await response.arrayBuffer()),
  };
}

/** A workbook whose first row holds the template's machine keys (hidden, as in the template) and whose next rows hold the values. */
export async function keyedWorkbook(keys: readonly string[], rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  sheet.addRow([...keys]).hidden = true;
  for (const row of rows) sheet.addRow(keys.map((key) => (row[key] ?? null) as ExcelJS.CellValue));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A day of the month two months back: not in the future, not today's month (which other tests lock). */
export function pastDay(day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, day));
}

export const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** An antenatal visit row, by the template's keys. */
export function ancRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'person.fullName': uniqueWomanName(),
    'person.dateOfBirth': new Date(Date.UTC(1996, 5, 20)),
    'person.sex': 'Nữ',
    'person.citizenId': citizenId(1996, 'FEMALE'),
    visitDate: pastDay(10),
    place: 'Tại cơ sở ghi sổ',
    gaWeeks: 20,
    hivResult: 'Âm tính',
    ...overrides,
  };
}

export const ANC_KEYS = [
  'person.fullName',
  'person.dateOfBirth',
  'person.sex',
  'person.citizenId',
  'visitDate',
  'place',
  'gaWeeks',
  'hivResult',
];

/** A previewed import of one antenatal visit by the account of `token`; its id. */
export async function previewedImport(token: string): Promise<string> {
  const file = await keyedWorkbook(ANC_KEYS, [ancRow()]);
  const answer = await uploadImport(token, 'anc-visits', file, `ma-tran-${Date.now()}.xlsx`);
  if (answer.status !== 200) throw new Error(`Import not previewed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** The stored state of an import (status and counts), to prove a refused commit changed nothing. */
export async function importState(id: string): Promise<unknown> {
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT status, created, updated, committed_at, (SELECT count(*)::int FROM anc_visit v WHERE v.import_id = i.id) AS written
       FROM register_import i WHERE id = $1`,
      [id],
    ),
  );
  return rows[0] ?? null;
}

export async function importsNamed(fileName: string): Promise<number> {
  const { rows } = await withDb((db) =>
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM register_import WHERE file_name = $1', [fileName]),
  );
  return rows[0].n;
}

import ExcelJS from 'exceljs';
import { download } from './support/excel';
import { act, ancVisit, facilityReportingTo, reportAccount, reportOf, REPORTS } from './support/reports';

/**
 * The report's downloads carry the numbers of the screen: the Excel workbook in the official
 * layout (headers of the form) and the CSV, read back cell by cell through their stable keys,
 * for a draft (live values) and for a sent report (the frozen values, not later entries).
 */

const MONTH = '2025-10';
let officer = '';
let stationId = 0;

beforeAll(async () => {
  const station = await facilityReportingTo('CDC.11');
  stationId = station.id;
  officer = (await reportAccount(station.code, 'TYT')).token;
  await ancVisit(officer, '2025-10-07');
  await ancVisit(officer, '2025-10-21');
});

/** Cell key → value as the workbook prints it, read through its hidden sheet of keys. */
async function workbookValues(file: Buffer): Promise<{ texts: string[]; values: Record<string, number | null> }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const keys = workbook.getWorksheet('keys');
  const form = workbook.worksheets.find((sheet) => sheet.name !== 'keys');
  if (!keys || !form) throw new Error('The workbook lacks its form or keys sheet');
  const texts: string[] = [];
  form.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text))));
  const values: Record<string, number | null> = {};
  keys.eachRow((row, index) => {
    if (index === 1) return;
    const [address, , , key] = [1, 2, 3, 4].map((c) => String(row.getCell(c).text));
    if (!address || !key) return;
    const value = form.getCell(address).value;
    values[key] = typeof value === 'number' ? value : null;
  });
  return { texts, values };
}

function csvValues(text: string): Record<string, number> {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  const at = (name: string) => columns.indexOf(name);
  const values: Record<string, number> = {};
  for (const line of lines) {
    // The labels may hold quoted commas; the keys and the value do not.
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
    values[`${cells[at('row_key')]}:${cells[at('column_key')]}`] = Number(cells[at('value')]);
  }
  return values;
}

/** The screen's values of the printed cells (the table shows commune rows; unprinted keys are not compared). */
const onScreen = (screen: Record<string, number>, printed: Record<string, number | null>) =>
  Object.fromEntries(Object.keys(printed).map((key) => [key, screen[key] ?? null]));

describe('report downloads', () => {
  it('the Excel workbook has the official headers and the same numbers as the screen, for a draft and once sent', async () => {
    const draft = await reportOf(officer, stationId, MONTH);
    const xlsx = await download(`${REPORTS}/commune/${stationId}/${MONTH}/export.xlsx`, officer);
    expect([xlsx.status, xlsx.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const book = await workbookValues(xlsx.file);
    const header = book.texts.join(' | ');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Báo cáo 4 (TYT)',
      'Báo cáo tháng 10 năm 2025',
    ]) {
      expect(header).toContain(text);
    }
    expect(Object.keys(book.values).length).toBeGreaterThan(100);
    expect(book.values['I.3:station']).toBe(2);
    expect(book.values).toEqual(onScreen(draft.draft ?? {}, book.values));

    expect((await act(officer, 'send', stationId, MONTH)).status).toBe(200);
    // A late entry after sending: the screen shows it as a change; the report and its downloads keep the values sent.
    await ancVisit(officer, '2025-10-28');
    const sent = await reportOf(officer, stationId, MONTH);
    expect([sent.sent?.['I.3:station'], sent.draft?.['I.3:station'], sent.changedSinceSent]).toEqual([2, 3, true]);
    const afterSend = await workbookValues((await download(`${REPORTS}/commune/${stationId}/${MONTH}/export.xlsx`, officer)).file);
    expect(afterSend.values).toEqual(onScreen(sent.sent ?? {}, afterSend.values));
    expect(afterSend.texts.join(' | ')).toContain('Đã gửi');
  });

  it('the CSV carries every printed cell with its stable keys and the same numbers', async () => {
    const report = await reportOf(officer, stationId, MONTH);
    const csv = await download(`${REPORTS}/commune/${stationId}/${MONTH}/export.csv`, officer);
    expect([csv.status, csv.type?.startsWith('text/csv')]).toEqual([200, true]);
    const text = csv.file.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const values = csvValues(text);
    expect(values['I.3:station']).toBe(2);
    for (const [key, value] of Object.entries(values)) expect({ key, value }).toEqual({ key, value: report.sent?.[key] ?? 0 });
  });

  it('refuses another station’s report (404) and a form not exported per month (400)', async () => {
    const other = (await reportAccount((await facilityReportingTo('CDC.12')).code, 'TYT')).token;
    const refused = await download(`${REPORTS}/commune/${stationId}/${MONTH}/export.xlsx`, other);
    expect(refused.status).toBe(404);
    const facilityForm = await download(`${REPORTS}/maternal-care/${stationId}/${MONTH}/export.xlsx`, officer);
    expect(facilityForm.status).toBe(400);
  });
});

import ExcelJS from 'exceljs';
import { download } from './support/excel';
import { request } from './support/http';
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

/** Cell key → the value field as written (empty: no number). */
function csvFields(text: string): Record<string, string> {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header.split(',');
  const at = (name: string) => columns.indexOf(name);
  const values: Record<string, string> = {};
  for (const line of lines) {
    // The labels may hold quoted commas; the keys and the value do not.
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
    values[`${cells[at('row_key')]}:${cells[at('column_key')]}`] = cells[at('value')];
  }
  return values;
}

function csvValues(text: string): Record<string, number> {
  return Object.fromEntries(Object.entries(csvFields(text)).map(([key, value]) => [key, Number(value)]));
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

  it('refuses another station’s report and a form the station does not send (404)', async () => {
    const other = (await reportAccount((await facilityReportingTo('CDC.12')).code, 'TYT')).token;
    const refused = await download(`${REPORTS}/commune/${stationId}/${MONTH}/export.xlsx`, other);
    expect(refused.status).toBe(404);
    const notDue = await download(`${REPORTS}/maternal-care/${stationId}/${MONTH}/export.xlsx`, officer);
    expect([notDue.status, JSON.parse(notDue.file.toString('utf8')).code]).toEqual([404, 'FORM_NOT_DUE']);
  });
});

interface AggregateLine {
  key: string;
  kind: 'group' | 'unit' | 'district';
  label: string;
  values: Record<string, number | null>;
}
interface Aggregate {
  level: string;
  version: { key: string; officialCode: string; title: string };
  facility: { code: string; name: string };
  columns: { key: string; label: string }[];
  lines: AggregateLine[];
}

/** Line key:column key → value of every cell of the aggregate (null: grey, not collected or missing). */
const aggregateCells = (aggregate: { lines: AggregateLine[] }): Record<string, number | null> =>
  Object.fromEntries(
    aggregate.lines.flatMap((line) => Object.entries(line.values).map(([column, value]) => [`${line.key}:${column}`, value])),
  );

/** The printed cells must be the aggregate's, and every number of the aggregate printed. */
function expectSameNumbers(printed: Record<string, number | null>, aggregate: { lines: AggregateLine[] }): void {
  const cells = aggregateCells(aggregate);
  expect(printed).toEqual(Object.fromEntries(Object.keys(printed).map((key) => [key, key in cells ? cells[key] : 'not in the aggregate'])));
  const numbers = Object.entries(cells).filter(([, value]) => value !== null);
  expect(numbers.filter(([key]) => !(key in printed))).toEqual([]);
}

/**
 * Biểu 4–8 of an aggregating unit downloaded for a period: one line per reporting unit, the
 * subtotals and the total, with the same numbers as the aggregate the screen shows (getAggregateReport).
 * Two stations of their own under the CDC of Điện Biên send and have approved their September 2025
 * commune reports (TT 23/2025: Báo cáo 4 at the province level).
 */
describe('aggregate downloads (Biểu 4–8 of a district or province)', () => {
  const SEPTEMBER = '2025-09';
  let cdc = '';
  let cdcId = 0;
  const stations: { id: number; code: string; name: string }[] = [];

  beforeAll(async () => {
    cdc = (await reportAccount('CDC.11', 'CDC')).token;
    for (const visits of [['2025-09-03', '2025-09-17'], ['2025-09-09']]) {
      const station = await facilityReportingTo('CDC.11');
      const sender = (await reportAccount(station.code, 'TYT')).token;
      for (const day of visits) await ancVisit(sender, day);
      expect((await act(sender, 'send', station.id, SEPTEMBER)).status).toBe(200);
      expect((await act(cdc, 'approve', station.id, SEPTEMBER)).status).toBe(200);
      stations.push(station);
    }
    cdcId = (await reportOf(cdc, stations[0].id, SEPTEMBER)).approver?.id ?? 0;
  });

  const aggregateOf = async (period: string): Promise<Aggregate> => {
    const answer = await request<Aggregate>(`${REPORTS}/aggregates/maternal-care/${cdcId}?period=${period}`, { token: cdc });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('the workbook has the official header, a line per reporting unit and the numbers of the aggregate', async () => {
    const aggregate = await aggregateOf(SEPTEMBER);
    const xlsx = await download(`${REPORTS}/aggregates/maternal-care/${cdcId}/export.xlsx?period=${SEPTEMBER}`, cdc);
    expect([xlsx.status, xlsx.type]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(xlsx.disposition).toContain(`maternal-care_CDC.11_${SEPTEMBER}.xlsx`);
    const book = await workbookValues(xlsx.file);
    const texts = book.texts.join(' | ');
    for (const text of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      aggregate.version.officialCode,
      aggregate.version.title.toLocaleUpperCase('vi'),
      'Báo cáo tháng 09 năm 2025',
      `Đơn vị báo cáo: ${aggregate.facility.name}`,
      'Tên đơn vị',
      'Tổng số',
      'Cấp xã',
      ...aggregate.columns.slice(0, 5).map((c) => c.label),
      ...stations.map((s) => s.name),
    ]) {
      expect(texts).toContain(text);
    }
    // Each station's line carries its approved antenatal visits; the total adds up every unit.
    expect(stations.map((s) => book.values[`unit:${s.code}:ancVisits`])).toEqual([2, 1]);
    const units = aggregate.lines.filter((l) => l.kind === 'unit');
    expect(book.values['group:total:ancVisits']).toBe(units.reduce((sum, l) => sum + (l.values['ancVisits'] ?? 0), 0));
    expectSameNumbers(book.values, aggregate);
  });

  it('the CSV carries the same lines and numbers, and a quarter view its own', async () => {
    const aggregate = await aggregateOf(SEPTEMBER);
    const csv = await download(`${REPORTS}/aggregates/maternal-care/${cdcId}/export.csv?period=${SEPTEMBER}`, cdc);
    expect([csv.status, csv.type?.startsWith('text/csv')]).toEqual([200, true]);
    const text = csv.file.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const fields = csvFields(text);
    expect(stations.map((s) => fields[`unit:${s.code}:ancVisits`])).toEqual(['2', '1']);
    expectSameNumbers(
      Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === '' ? null : Number(value)])),
      aggregate,
    );

    const quarter = await aggregateOf('2025-Q3');
    const book = await workbookValues(
      (await download(`${REPORTS}/aggregates/maternal-care/${cdcId}/export.xlsx?period=2025-Q3`, cdc)).file,
    );
    expect(book.texts.join(' | ')).toContain('Kỳ báo cáo: Quý III năm 2025 (từ ngày 01/07/2025 đến ngày 30/09/2025)');
    expectSameNumbers(book.values, quarter);
  });

  it('the facility’s own Biểu 4–8 export: the aggregating unit’s lines, a hospital’s own line', async () => {
    const aggregate = await aggregateOf(SEPTEMBER);
    const own = await workbookValues((await download(`${REPORTS}/maternal-care/${cdcId}/${SEPTEMBER}/export.xlsx`, cdc)).file);
    expect(own.texts.join(' | ')).toContain('Bản nháp');
    expectSameNumbers(own.values, aggregate);

    const hospital = await facilityReportingTo('CDC.11', 'CENTRAL_FACILITY');
    const file = await download(`${REPORTS}/maternal-care/${hospital.id}/${SEPTEMBER}/export.csv`, cdc);
    expect(file.status).toBe(200);
    const fields = csvFields(file.file.toString('utf8'));
    expect([fields[`unit:${hospital.code}:ancVisits`], fields['group:total:ancVisits']]).toEqual(['0', '0']);
  });

  it('refuses the commune form (400) and a unit outside the caller’s scope (404)', async () => {
    const commune = await download(`${REPORTS}/aggregates/commune/${cdcId}/export.xlsx?period=${SEPTEMBER}`, cdc);
    expect([commune.status, JSON.parse(commune.file.toString('utf8')).code]).toEqual([400, 'VALIDATION_FAILED']);
    const outside = (await reportAccount('CDC.12', 'CDC')).token;
    const refused = await download(`${REPORTS}/aggregates/maternal-care/${cdcId}/export.csv?period=${SEPTEMBER}`, outside);
    expect([refused.status, JSON.parse(refused.file.toString('utf8')).code]).toEqual([404, 'FACILITY_NOT_FOUND']);
  });
});

import { cellLabel, formLayout, headerRowsOf } from './form-layout';

describe('the form layouts', () => {
  const commune = formLayout('commune', '2026-01', 'COMMUNE_HEALTH_STATION');

  it('heads the commune form with its official code and title of the month’s version', () => {
    expect(commune.officialCode).toBe('Báo cáo 4 (TYT)');
    expect(commune.title.vi).toBe('Hoạt động chăm sóc sức khỏe bà mẹ và trẻ em');
    expect(formLayout('commune', '2024-05', 'COMMUNE_HEALTH_STATION').officialCode).toBe('Biểu số: 3/BCX');
    expect(headerRowsOf(commune).map((row) => row.map((h) => h.label.vi))).toEqual([
      ['Tổng số (TYT + ngoài CSYT)', 'Trong đó', 'CSYT khác'],
      ['Tại TYT', 'Ngoài CSYT (tại nhà, trên đường…)'],
    ]);
  });

  it('prints the rows in order under their sections, grey where a cell does not apply', () => {
    expect(commune.lines[0]).toMatchObject({ kind: 'section', number: 'I' });
    const visits = commune.lines.find((line) => line.id === 'I.3');
    expect(visits?.label.vi).toBe('Tổng số lượt khám thai');
    expect(visits?.cells.map((cell) => cell.key)).toEqual(['I.3:total', 'I.3:station', 'I.3:outside', null]);
    expect(visits?.cells[3].grey).toBe(true);
    const pregnant = commune.lines.find((line) => line.id === 'I.1');
    expect(pregnant?.cells.map((cell) => cell.grey)).toEqual([false, true, true, true]);
  });

  it('splits complications into Mắc and TV, and live births into Nam and Nữ', () => {
    const haemorrhage = commune.lines.filter((line) => line.id.startsWith('I.9.1:'));
    expect(haemorrhage.map((line) => [line.number, line.part?.vi, line.cells.map((c) => c.key)])).toEqual([
      ['9.1', 'Mắc', ['I.9.1:cases.total', 'I.9.1:cases.station', 'I.9.1:cases.outside', null]],
      ['', 'TV', ['I.9.1:deaths.total', 'I.9.1:deaths.station', 'I.9.1:deaths.outside', null]],
    ]);
    expect(commune.lines.filter((line) => line.id.startsWith('III.1.1:')).map((line) => line.part?.vi)).toEqual(['Nam', 'Nữ']);
  });

  it('lays Biểu 4–8 out as the facility’s line under the indicator columns', () => {
    const maternal = formLayout('maternal-care', '2026-01', 'PROVINCIAL_FACILITY');
    expect(maternal.kind).toBe('units');
    expect(maternal.officialCode).toBe('Báo cáo 4');
    expect(maternal.numbers.slice(0, 3)).toEqual(['3a', '3b', '4a']);
    const [line] = maternal.lines;
    // "PN mới có thai" is grey on a facility's line; antenatal visits come from the commune cell I.3.
    expect(line.cells[0].grey).toBe(true);
    expect(line.cells[maternal.numbers.indexOf('5')].key).toBe('I.3:total');
  });

  it('names a cell as the form prints it', () => {
    expect(cellLabel('I.3', 'station').vi).toBe('I.3 Tổng số lượt khám thai – Tại TYT');
    expect(cellLabel('I.9.1', 'deaths.outside').vi).toBe('I.9.1 Băng huyết – TV – Ngoài CSYT');
  });
});

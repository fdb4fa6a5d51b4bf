import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CellValues, COLUMNS_OF, communeRow } from './commune-rows';
import { columnRuleKey } from './facility-forms';
import { FACILITY_INDICATOR_KEYS, FACILITY_INDICATORS } from './facility-indicators';
import {
  AGGREGATED_ROWS,
  columnAggregation,
  FORM_VERSIONS,
  formRowValues,
  formsOfFacility,
  formVersionOn,
  formVersionsOver,
  isCellApplicable,
  REPORT_FORM_CODES,
  UnitFormVersion,
} from './forms';
import { combineMonths, monthsOf } from './periods';

const unit = (code: (typeof REPORT_FORM_CODES)[number], month: string): UnitFormVersion => {
  const version = formVersionOn(code, month);
  if (version.layout !== 'units') throw new Error(`${code} is not a unit form`);
  return version;
};

const greyColumns = (version: UnitFormVersion, rowGroup: string) =>
  version.columns.filter((c) => !isCellApplicable(version, rowGroup, c.key)).map((c) => c.number);

describe('form versions', () => {
  it('switches every form from TT 37/2019 to TT 23/2025 on 2025-07-01', () => {
    for (const code of REPORT_FORM_CODES) {
      expect(formVersionOn(code, '2025-06').regime).toBe('TT37_2019');
      expect(formVersionOn(code, '2025-07').regime).toBe('TT23_2025');
      expect(formVersionOn(code, '2027-12').regime).toBe('TT23_2025');
    }
    expect(() => formVersionOn('commune', '2020-03')).toThrow(RangeError);
    expect(() => formVersionOn('commune', '2025-7')).toThrow(RangeError);
  });

  it('carries the codes and titles printed on the forms', () => {
    expect(formVersionOn('commune', '2025-06').officialCodes.commune).toBe('Biểu số: 3/BCX');
    expect(formVersionOn('commune', '2025-07').officialCodes.commune).toBe('Báo cáo 4 (TYT)');
    expect(formVersionOn('commune', '2025-07').title).toBe('Hoạt động chăm sóc sức khỏe bà mẹ và trẻ em');
    const maternal37 = formVersionOn('maternal-care', '2025-06');
    expect(maternal37.officialCodes).toEqual({ district: 'Biểu số: 4/BCH', province: 'Biểu số: 4/BCT' });
    expect(maternal37.title).toBe('HOẠT ĐỘNG CHĂM SÓC BÀ MẸ');
    expect(formVersionOn('maternal-care', '2025-07').officialCodes.province).toBe('Báo cáo 4');
    expect(formVersionOn('child-health', '2025-07').officialCodes.province).toBe('Báo cáo 8');
    expect(formVersionOn('obstetric-complications', '2025-06').officialCodes.district).toBe('Biểu số: 5/BCH');
  });

  it('has unique keys and versions of one form that never overlap', () => {
    expect(new Set(FORM_VERSIONS.map((v) => v.key)).size).toBe(FORM_VERSIONS.length);
    for (const code of REPORT_FORM_CODES) {
      const [first, second] = FORM_VERSIONS.filter((v) => v.code === code);
      expect(first.validTo).toBe('2025-06-30');
      expect(second.validFrom).toBe('2025-07-01');
    }
  });

  it('keeps a row list per version of the commune form: HPV doses (II.2.2) only from TT 23', () => {
    const before = formVersionOn('commune', '2025-06');
    const after = formVersionOn('commune', '2025-07');
    if (before.layout !== 'commune' || after.layout !== 'commune') throw new Error('commune layout expected');
    expect(before.rows.map((r) => r.key)).not.toContain('II.2.2');
    expect(after.rows.map((r) => r.key)).toContain('II.2.2');
    expect(after.rows).toHaveLength(before.rows.length + 1);
    expect(isCellApplicable(before, 'II.2.2', 'total')).toBe(false);
    expect(isCellApplicable(after, 'II.2.2', 'station')).toBe(true);
    expect(isCellApplicable(after, 'I.4', 'other')).toBe(true);
    expect(isCellApplicable(after, 'I.3', 'other')).toBe(false);
  });

  it('lists the versions a year view spans', () => {
    expect(formVersionsOver('maternal-care', monthsOf({ kind: 'year', year: 2025 })).map((v) => v.regime)).toEqual([
      'TT37_2019',
      'TT23_2025',
    ]);
  });
});

describe('columns of Biểu 4–8', () => {
  const docs = readFileSync(join(__dirname, '../../../../../docs/report-forms.md'), 'utf8');

  it('maps every column to an existing commune cell, a documented facility indicator, or a reason', () => {
    for (const version of FORM_VERSIONS) {
      if (version.layout !== 'units') continue;
      for (const column of version.columns) {
        const source = column.source;
        if (source.kind === 'commune') {
          const row = communeRow(source.row);
          expect({ column: column.key, row: row?.key }).toEqual({ column: column.key, row: source.row });
          expect(COLUMNS_OF[row?.columns ?? 'totalOnly']).toContain(source.column);
        } else if (source.kind === 'facility') {
          expect(FACILITY_INDICATOR_KEYS).toContain(source.indicator);
          expect(docs).toContain(`\`${source.indicator}\``);
        } else {
          expect(source.reason.vi).not.toBe('');
          expect(source.reason.en).not.toBe('');
        }
      }
    }
  });

  it('gives each column a unique key and header number within its form', () => {
    for (const version of FORM_VERSIONS) {
      if (version.layout !== 'units') continue;
      expect(new Set(version.columns.map((c) => c.key)).size).toBe(version.columns.length);
      expect(new Set(version.columns.map((c) => c.number)).size).toBe(version.columns.length);
    }
  });

  it('numbers Biểu 4 and reads its cells as the reference gives them', () => {
    const form = unit('maternal-care', '2025-07');
    expect(form.columns.map((c) => c.number)).toEqual(
      '3a 3b 4a 4b 5 6 7 8a 8b 8c 8d 9a 9b 10a 10b 10c 11a 11b 11c 12a 12b 13a 13b 14 15a 15b 16 17 18a 18b 18c 19 20 21a 21b 22a 22b'.split(
        ' ',
      ),
    );
    const rule = (number: string) =>
      columnRuleKey(form.columns.find((c) => c.number === number)?.source ?? { kind: 'notCollected', reason: { vi: '', en: '' } });
    expect(rule('7')).toBe('I.5:total');
    expect(rule('18a')).toBe('I.5:outside');
    expect(rule('17')).toBe('F.caesarean');
    expect(rule('16')).toBe('F.instrumentalDelivery');
    expect(form.columns.find((c) => c.number === '7')?.label).toBe('Tổng số phụ nữ đẻ');
    expect(form.columns.find((c) => c.number === '18a')?.label).toBe('Số PN đẻ ngoài CSYT');
  });

  it('numbers Biểu 5–8 from 3 as the reference does', () => {
    expect(unit('obstetric-complications', '2025-07').columns.map((c) => c.number)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 3)),
    );
    expect(unit('gynaecology', '2025-07').columns.map((c) => c.number)).toEqual('3a 3b 4 5 6 7 8 9 10 11 12 13 14 15 16'.split(' '));
    expect(unit('family-planning', '2025-07').columns.map((c) => c.number)).toEqual('3 4 5a 5b 5c 6 6a 7 8 9 9a 9b 9c 9d'.split(' '));
    expect(unit('child-health', '2025-07').columns.map((c) => c.number)).toEqual(
      '3 3a 3b 3c 3d 3e 3f 3g 4 4a 4b 5 6 6a 7 8 8a 9 10 11 12 12a 13 13a'.split(' '),
    );
  });

  it('marks the columns the registers cannot fill as not collected', () => {
    const notCollected = FORM_VERSIONS.filter((v): v is UnitFormVersion => v.layout === 'units' && v.regime === 'TT23_2025').flatMap((v) =>
      v.columns.filter((c) => c.source.kind === 'notCollected').map((c) => `${v.code}:${c.number}`),
    );
    expect(notCollected).toEqual(['gynaecology:14', 'gynaecology:16', 'child-health:8a']);
  });

  it('uses every facility indicator in some column', () => {
    const used = new Set(
      FORM_VERSIONS.flatMap((v) => (v.layout === 'units' ? v.columns : [])).map((c) =>
        c.source.kind === 'facility' ? c.source.indicator : null,
      ),
    );
    for (const indicator of FACILITY_INDICATORS) {
      expect(used).toContain(indicator.key);
      expect(indicator.rule).not.toBe('');
    }
  });

  it('sums columns over months as their commune rows do: pregnant women (4a, 4b) take the last month', () => {
    const form = unit('maternal-care', '2025-07');
    const stock = form.columns.filter((c) => columnAggregation(c) === 'last').map((c) => c.number);
    expect(stock).toEqual(['4a', '4b']);
  });
});

describe('grey cells (domain-reference-2 §2.2)', () => {
  it('Báo cáo 4: facility rows grey on 3a, 3b, 4a, 4b, 18a; commune rows on 14, 16, 17, 22b', () => {
    const form = unit('maternal-care', '2025-07');
    for (const group of ['central', 'provincial', 'private', 'facility'])
      expect(greyColumns(form, group)).toEqual(['3a', '3b', '4a', '4b', '18a']);
    expect(greyColumns(form, 'commune')).toEqual(['14', '16', '17', '22b']);
    // Subtotals: A "Y tế công" sums facilities and communes; I "Cấp TW" only facilities.
    expect(greyColumns(form, 'total')).toEqual([]);
    expect(greyColumns(form, 'public')).toEqual([]);
    expect(isCellApplicable(form, 'provinceCommune', 'caesareans')).toBe(false);
    expect(isCellApplicable(form, 'province', 'caesareans')).toBe(true);
  });

  it('Báo cáo 6: commune rows grey on 5–9 and 13–16', () => {
    expect(greyColumns(unit('gynaecology', '2025-07'), 'commune')).toEqual(['5', '6', '7', '8', '9', '13', '14', '15', '16']);
    expect(greyColumns(unit('gynaecology', '2025-07'), 'provincial')).toEqual([]);
  });

  it('Báo cáo 8: commune rows grey on 7, 8, 8a; Báo cáo 5 and 7 have none', () => {
    expect(greyColumns(unit('child-health', '2025-07'), 'commune')).toEqual(['7', '8', '8a']);
    for (const code of ['obstetric-complications', 'family-planning'] as const) {
      for (const group of ['commune', 'central', 'private']) expect(greyColumns(unit(code, '2025-07'), group)).toEqual([]);
    }
  });

  it('TT 37 district form: "Tuyến huyện" rows as facility rows, "Tuyến xã" as commune rows', () => {
    const form = unit('maternal-care', '2025-06');
    expect(form.views.district?.map((g) => g.label.vi)).toEqual(['Tổng số', 'Tuyến huyện', 'Tuyến xã']);
    expect(greyColumns(form, 'districtLevel')).toEqual(['3a', '3b', '4a', '4b', '18a']);
    expect(greyColumns(form, 'communeLevel')).toEqual(['14', '16', '17', '22b']);
    expect(() => isCellApplicable(form, 'public', 'caesareans')).toThrow(RangeError);
    expect(isCellApplicable(form, 'total', 'no-such-column')).toBe(false);
  });

  it('TT 23 province layout groups as the MoH software does', () => {
    const groups = unit('family-planning', '2025-07').views.province ?? [];
    expect(groups.map((g) => [g.number, g.label.vi, g.parent])).toEqual([
      [null, 'Tổng số', null],
      ['A', 'Y tế công', 'total'],
      ['I', 'Cấp TW, Y tế ngành', 'public'],
      ['II', 'Cấp tỉnh', 'public'],
      ['III', 'Cấp xã', 'public'],
      ['B', 'Y tế tư nhân', 'total'],
    ]);
    const national = unit('family-planning', '2025-07').views.national ?? [];
    expect(national.filter((g) => g.parent === 'province').map((g) => g.label.vi)).toEqual([
      'Cấp trung ương',
      'Cấp tỉnh',
      'Cấp xã',
      'Tư nhân',
    ]);
  });
});

describe('a unit row of a form', () => {
  it('reads commune cells and facility indicators, with null in grey and not-collected cells', () => {
    const form = unit('maternal-care', '2025-07');
    const values: CellValues = {
      'I.5': { total: 12, station: 10, outside: 2, other: 3 },
      'I.2': { total: 4 },
      'F.caesarean': { total: 3 },
    };
    const hospital = formRowValues(form, 'facility', values);
    expect(hospital['deliveries']).toBe(12);
    expect(hospital['caesareans']).toBe(3);
    expect(hospital['pregnantNew']).toBeNull();
    expect(hospital['deliveriesOutsideFacility']).toBeNull();
    expect(hospital['maternalDeaths']).toBe(0);
    const commune = formRowValues(form, 'commune', values);
    expect(commune['pregnantNew']).toBe(4);
    expect(commune['deliveriesOutsideFacility']).toBe(2);
    expect(commune['caesareans']).toBeNull();
    expect(formRowValues(unit('gynaecology', '2025-07'), 'facility', {})['hpvPositive']).toBeNull();
  });

  it('combines months of a unit with stock rows and facility indicators', () => {
    const months: CellValues[] = [
      { 'I.1': { total: 30 }, 'F.caesarean': { total: 1 } },
      { 'I.1': { total: 28 }, 'F.caesarean': { total: 2 } },
    ];
    const row = formRowValues(unit('maternal-care', '2025-07'), 'commune', combineMonths(months, AGGREGATED_ROWS));
    expect(row['pregnant']).toBe(28);
    expect(formRowValues(unit('maternal-care', '2025-07'), 'facility', combineMonths(months, AGGREGATED_ROWS))['caesareans']).toBe(3);
  });
});

describe('formsOfFacility', () => {
  it('gives a commune station its commune form and a hospital the forms of its services', () => {
    const station = { kind: 'COMMUNE_HEALTH_STATION' as const, maternalServices: true, childServices: true };
    expect(formsOfFacility(station, '2025-07').map((v) => v.key)).toEqual(['commune@TT23_2025']);
    const maternity = { kind: 'PROVINCIAL_FACILITY' as const, maternalServices: true, childServices: false };
    expect(formsOfFacility(maternity, '2025-06').map((v) => v.code)).toEqual([
      'maternal-care',
      'obstetric-complications',
      'gynaecology',
      'family-planning',
    ]);
    const department = { kind: 'DEPARTMENT_OF_HEALTH' as const, maternalServices: true, childServices: true };
    expect(formsOfFacility(department, '2025-07')).toEqual([]);
  });
});

import { COMMUNE_ROWS, FACILITY_INDICATOR_KEYS } from '@skss/domain';
import { COMMUNE_REPORT_PROFILE, profileStatements } from './commune-cells';
import { computeFacilityCells, FACILITY_PROFILE } from './facility-cells';
import { COMMUNE_ROW_INDICATORS } from './facility-choices';
import { SqlRunner } from './sql-runner';
import { listingSql } from './statement-context';

const usedParams = (sql: string) => [...new Set([...sql.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])))].sort((a, b) => a - b);

describe('the facility statements', () => {
  const statements = profileStatements(FACILITY_PROFILE, [40, 41], '2025-06');

  it('use every parameter they carry, and no other', () => {
    for (const s of statements)
      expect({ name: s.name, used: usedParams(s.sql) }).toEqual({ name: s.name, used: s.params.map((_, i) => i + 1) });
  });

  it('compute every commune row but the stock rows, and every facility indicator', () => {
    const rows = new Set(statements.flatMap((s) => s.measures.map((m) => m.row)));
    const expected = [...COMMUNE_ROWS.filter((r) => r.aggregation !== 'last').map((r) => r.key), ...FACILITY_INDICATOR_KEYS];
    expect([...rows].sort()).toEqual(expected.sort());
  });

  it('never look for other facilities’ rows (no CSYT khác, no lineage of units)', () => {
    for (const s of statements) {
      expect(s.sql).not.toMatch(/'other'/);
      expect(s.sql).not.toMatch(/absorbed/);
    }
  });
});

describe('the commune report statements', () => {
  it('add the commune rows’ indicators and use every parameter', () => {
    const statements = profileStatements(COMMUNE_REPORT_PROFILE, [3], '2025-07');
    const indicators = statements.flatMap((s) => s.measures.map((m) => m.row)).filter((row) => row.startsWith('F.'));
    expect(indicators.sort()).toEqual([...COMMUNE_ROW_INDICATORS].sort());
    for (const s of statements) expect(usedParams(s.sql)).toEqual(s.params.map((_, i) => i + 1));
  });
});

describe('listingSql', () => {
  it('lists the rows of any measure with the parameters it uses, the station and the columns among them', () => {
    for (const s of profileStatements(COMMUNE_REPORT_PROFILE, [3], '2025-07')) {
      for (const measure of s.measures) {
        const { sql, params } = listingSql(s, { stationId: 3, cols: ['station', 'outside'], measure });
        expect(usedParams(sql)).toEqual(params.map((_, i) => i + 1));
        expect(params).toContainEqual(['station', 'outside']);
        expect(params).toContain(3);
        expect(sql).not.toMatch(/GROUP BY/);
      }
    }
  });
});

describe('computeFacilityCells', () => {
  it('answers every facility asked without stock rows or CSYT khác, with the indicators at zero', async () => {
    const db: SqlRunner = { query: async <T>() => [] as T[] };
    const values = await computeFacilityCells(db, [8, 9], '2025-06');
    const cells = values.get(8) ?? {};
    expect(cells['I.1']).toBeUndefined();
    expect(cells['I.5']).toEqual({ total: 0, station: 0, outside: 0 });
    expect(cells['F.caesarean']).toEqual({ total: 0 });
    expect(
      Object.keys(cells)
        .filter((k) => k.startsWith('F.'))
        .sort(),
    ).toEqual([...FACILITY_INDICATOR_KEYS].sort());
  });

  it('adds an indicator measured on own rows to its total, whatever the place', async () => {
    const statements = profileStatements(FACILITY_PROFILE, [8], '2025-06');
    const index = statements.findIndex((s) => s.measures.some((m) => m.row === 'F.caesarean'));
    const alias = `m${statements[index].measures.findIndex((m) => m.row === 'F.caesarean')}`;
    let call = 0;
    const db: SqlRunner = {
      query: async <T>() => {
        const mine = call++ === index;
        return (
          mine
            ? [
                { station_id: 8, col: 'station', [alias]: 2 },
                { station_id: 8, col: 'outside', [alias]: 1 },
              ]
            : []
        ) as T[];
      },
    };
    const values = await computeFacilityCells(db, [8], '2025-06');
    expect(values.get(8)?.['F.caesarean']).toEqual({ total: 3 });
  });
});

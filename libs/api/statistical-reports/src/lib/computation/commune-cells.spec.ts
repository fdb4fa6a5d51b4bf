import { COMMUNE_ROWS, COLUMNS_OF, emptyCommuneValues } from '@skss/domain';
import { addStatementRows, communeStatements, computeCommuneCells, fillTotals } from './commune-cells';
import { monthBounds, SqlParams } from './sql-fragments';
import { SqlRunner, sqlRunnerOf } from './sql-runner';
import { CommuneStatement } from './statement-context';

describe('monthBounds', () => {
  it('gives the first and last day, leap years included', () => {
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthBounds('2025-02')).toEqual({ first: '2025-02-01', last: '2025-02-28' });
    expect(monthBounds('2025-12')).toEqual({ first: '2025-12-01', last: '2025-12-31' });
  });

  it('refuses anything but YYYY-MM', () => {
    for (const bad of ['2025-13', '2025-1', '2025-10-01', '', "2025-10'; DROP TABLE x"]) expect(() => monthBounds(bad)).toThrow(RangeError);
  });
});

describe('SqlParams', () => {
  it('numbers typed placeholders in order', () => {
    const p = new SqlParams();
    expect(p.add([1, 2], 'int[]')).toBe('$1::int[]');
    expect(p.add('2025-10-01', 'date')).toBe('$2::date');
    expect(p.values).toEqual([[1, 2], '2025-10-01']);
  });
});

describe('sqlRunnerOf', () => {
  it('spreads the parameters into Prisma $queryRawUnsafe', async () => {
    const calls: unknown[][] = [];
    const prisma = {
      $queryRawUnsafe: async <T>(sql: string, ...values: unknown[]) => {
        calls.push([sql, ...values]);
        return [{ n: 1 }] as T;
      },
    };
    await expect(sqlRunnerOf(prisma).query('SELECT $1, $2', [1, 'a'])).resolves.toEqual([{ n: 1 }]);
    expect(calls).toEqual([['SELECT $1, $2', 1, 'a']]);
  });

  it('passes the parameters as an array to a pg client and returns its rows', async () => {
    const calls: unknown[] = [];
    const pg = {
      query: async (text: string, values?: unknown[]) => {
        calls.push({ text, values });
        return { rows: [{ n: 2 }] };
      },
    };
    await expect(sqlRunnerOf(pg).query('SELECT $1', [7])).resolves.toEqual([{ n: 2 }]);
    expect(calls).toEqual([{ text: 'SELECT $1', values: [7] }]);
  });
});

describe('the statements', () => {
  const statements = communeStatements([12, 7, 12], '2025-07');

  it('use every parameter they carry, and no other', () => {
    for (const s of statements) {
      const used = new Set([...s.sql.matchAll(/\$(\d+)::/g)].map((m) => Number(m[1])));
      expect({ name: s.name, used: [...used].sort((a, b) => a - b) }).toEqual({
        name: s.name,
        used: s.params.map((_, i) => i + 1),
      });
    }
  });

  it('ask each station once, for the month given, and quote no value into the SQL', () => {
    for (const s of statements) {
      expect(s.params).toContainEqual([12, 7]);
      expect(s.sql).not.toMatch(/2025-07/);
    }
    expect(statements.flatMap((s) => s.params)).toContain('2025-07-31');
  });

  it('between them compute every row of the form', () => {
    const rows = new Set(statements.flatMap((s) => s.measures.map((m) => m.row)));
    expect([...rows].sort()).toEqual(COMMUNE_ROWS.map((r) => r.key).sort());
  });
});

describe('filling the cells', () => {
  const statement: CommuneStatement = {
    name: 'test',
    sql: '',
    params: [],
    measures: [
      { row: 'I.3', sql: '' },
      { row: 'I.4', sql: '' },
      { row: 'I.9.1', part: 'deaths', sql: '' },
      { row: 'I.2', sql: '' },
    ],
  };

  it('puts each measure in its column, drops CSYT khác where the row has none, and sums Tổng số', () => {
    const values = new Map([[5, emptyCommuneValues()]]);
    addStatementRows(values, statement, [
      { station_id: 5, col: 'station', m0: 3, m1: 2, m2: 1, m3: 0 },
      { station_id: 5, col: 'outside', m0: 4, m1: 1, m2: 2, m3: 0 },
      { station_id: 5, col: 'other', m0: 9, m1: 6, m2: 0, m3: 0 },
      { station_id: 5, col: 'total', m0: 0, m1: 0, m2: 0, m3: 8 },
      { station_id: 99, col: 'station', m0: 1, m1: 1, m2: 1, m3: 1 },
    ]);
    const cells = values.get(5) ?? emptyCommuneValues();
    fillTotals(cells);
    expect(cells['I.3']).toEqual({ total: 7, station: 3, outside: 4 });
    expect(cells['I.4']).toEqual({ total: 3, station: 2, outside: 1, other: 6 });
    expect(cells['I.9.1']).toEqual({
      'cases.total': 0,
      'cases.station': 0,
      'cases.outside': 0,
      'deaths.total': 3,
      'deaths.station': 1,
      'deaths.outside': 2,
    });
    expect(cells['I.2']).toEqual({ total: 8 });
  });

  it('refuses a measure of a row the form does not have', () => {
    const bad: CommuneStatement = { ...statement, measures: [{ row: 'I.99', sql: '' }] };
    expect(() => addStatementRows(new Map([[1, emptyCommuneValues()]]), bad, [{ station_id: 1, col: 'station', m0: 1 }])).toThrow(/I\.99/);
  });
});

describe('computeCommuneCells', () => {
  it('answers every station asked, with every cell, and sends nothing for none', async () => {
    const sent: string[] = [];
    const db: SqlRunner = {
      query: async <T>(sql: string) => {
        sent.push(sql);
        return [] as T[];
      },
    };
    await expect(computeCommuneCells(db, [], '2025-10')).resolves.toEqual(new Map());
    expect(sent).toHaveLength(0);
    const values = await computeCommuneCells(db, [3, 4, 3], '2025-10');
    expect([...values.keys()]).toEqual([3, 4]);
    expect(sent.length).toBeLessThanOrEqual(12);
    const form = values.get(3) ?? {};
    for (const row of COMMUNE_ROWS) expect(Object.keys(form[row.key])).toEqual([...COLUMNS_OF[row.columns]]);
    expect(values.get(4)).toEqual(emptyCommuneValues());
  });
});

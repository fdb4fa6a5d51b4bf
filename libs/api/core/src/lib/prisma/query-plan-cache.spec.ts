import { markersOnlyInParameters, parameterize } from './query-plan-cache';

describe('parameterize', () => {
  it('only the values of filters become markers: pages, sort orders, dates and comparison modes stay in the shape', () => {
    const request = {
      modelName: 'Facility',
      action: 'findMany',
      query: {
        arguments: {
          where: {
            code: 'TYT.1',
            name: { contains: 'x', mode: 'insensitive' },
            validFrom: { lte: { $type: 'DateTime', value: '2026-01-01T00:00:00.000Z' } },
            id: { in: [3, 4] },
            active: true,
            closedOn: null,
          },
          orderBy: [{ code: 'asc' }],
          take: 20,
          skip: 40,
        },
        selection: { $scalars: true, reportingUp: { arguments: { where: { reportsToId: 7 }, take: 1 }, selection: { $scalars: true } } },
      },
    };
    const { shape, values } = parameterize(request);
    expect(values).toEqual(['TYT.1', 'x', 3, 4, 7]);
    const text = JSON.stringify(shape);
    for (const kept of [
      '"mode":"insensitive"',
      '"2026-01-01T00:00:00.000Z"',
      '"code":"asc"',
      '"take":20',
      '"skip":40',
      '"take":1',
      '"active":true',
      '"closedOn":null',
    ])
      expect(text).toContain(kept);
    expect(text).not.toContain('TYT.1');
  });
});

describe('markersOnlyInParameters', () => {
  const statement = (chunk: string, args: unknown[]) => ({
    type: 'query',
    args: { type: 'templateSql', fragments: [{ type: 'stringChunk', chunk }, { type: 'parameter' }], args, argTypes: [] },
  });

  it('accepts markers among the parameters of a statement', () => {
    expect(markersOnlyInParameters(statement('SELECT 1 WHERE a LIKE ', ['%\u0001m0\u0001%', '2100000001', [2100000002]]))).toBe(true);
  });

  it('refuses a marker in SQL text or elsewhere in the plan', () => {
    expect(markersOnlyInParameters(statement(`SELECT 1 WHERE path = '\u0001m0\u0001'`, []))).toBe(false);
    expect(markersOnlyInParameters(statement('SELECT 1 LIMIT 2100000001', []))).toBe(false);
    expect(markersOnlyInParameters({ type: 'process', args: undefined, operations: { take: 2100000003 } })).toBe(false);
  });

  it('takes other numbers for what they are', () => {
    expect(markersOnlyInParameters(statement('SELECT 1 LIMIT 21000000012', []))).toBe(true);
  });
});

import { aggregateRows, AggregateLineInput, periodKeyOf } from './aggregate-layout';

const line = (over: Partial<AggregateLineInput> & Pick<AggregateLineInput, 'key' | 'kind' | 'group'>): AggregateLineInput => ({
  number: null,
  label: over.key,
  rowKind: null,
  values: {},
  missingMonths: [],
  ...over,
});

describe('periodKeyOf', () => {
  it('names the span holding a month as the API keys it', () => {
    expect(['month', 'quarter', 'half', 'nine', 'year'].map((span) => periodKeyOf('2025-09', span as never))).toEqual([
      '2025-09',
      '2025-Q3',
      '2025-H2',
      '2025-9M',
      '2025',
    ]);
    expect([periodKeyOf('2025-04', 'quarter'), periodKeyOf('2025-06', 'half')]).toEqual(['2025-Q2', '2025-H1']);
  });
});

describe('aggregateRows', () => {
  // TT 23/2025 province view of Báo cáo 4: total › A public › III communes; a commune line is grey in the caesarean column.
  const rows = aggregateRows('maternal-care', '2025-09', 'province', [
    line({ key: 'group:total', kind: 'group', group: 'total', values: { ancVisits: 3, caesareans: 0 } }),
    line({ key: 'group:public', kind: 'group', group: 'public', number: 'A', values: { ancVisits: 3 } }),
    line({ key: 'group:commune', kind: 'group', group: 'commune', number: 'III', values: { ancVisits: 3, caesareans: null } }),
    line({ key: 'unit:TYT.A', kind: 'unit', group: 'commune', rowKind: 'commune', values: { ancVisits: 2 } }),
    line({
      key: 'unit:TYT.B',
      kind: 'unit',
      group: 'commune',
      rowKind: 'commune',
      values: { ancVisits: null },
      missingMonths: ['2025-09'],
    }),
  ]);
  const cell = (key: string, column: string) => rows.find((r) => r.key === key)?.cells.find((c) => c.column === column);

  it('numbers units within their group and indents them under it', () => {
    expect(rows.map((r) => [r.style, r.number, r.depth])).toEqual([
      ['total', '', 0],
      ['group', 'A', 1],
      ['group', 'III', 2],
      ['unit', '1', 3],
      ['unit', '2', 3],
    ]);
  });

  it('keeps the numbers as computed, a missing unit empty, and greys what does not apply to the row', () => {
    expect([cell('group:total', 'ancVisits')?.value, cell('unit:TYT.A', 'ancVisits')?.value]).toEqual([3, 2]);
    expect([cell('unit:TYT.B', 'ancVisits')?.value, rows[4].missing]).toEqual([null, true]);
    expect([
      cell('unit:TYT.A', 'caesareans')?.grey,
      cell('group:commune', 'caesareans')?.grey,
      cell('group:total', 'caesareans')?.grey,
    ]).toEqual([true, true, false]);
  });
});

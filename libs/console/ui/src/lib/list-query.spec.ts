import { isFiltered, listParams, listQuery, sortFrom, withFilters, withPage } from './list-query';

const facility = { code: 'TYT.03160.2025', name: 'Trạm Y tế Xã Mường Nhé', kind: 'COMMUNE_HEALTH_STATION', level: 'commune' } as const;

describe('list queries', () => {
  it('start on the first page, unsorted and unfiltered', () => {
    expect(listQuery()).toEqual({ page: 0, pageSize: 20, sort: null, search: '', month: null, facility: null });
    expect(listQuery({ month: '2026-03' }).month).toBe('2026-03');
  });

  it('go back to the first page when a filter or the sort changes', () => {
    const onPage3 = withPage(listQuery(), 3);
    expect(onPage3.page).toBe(3);
    expect(withFilters(onPage3, { search: 'muong nhe' })).toMatchObject({ page: 0, search: 'muong nhe' });
    expect(withFilters(onPage3, { sort: sortFrom('visitDay', 'desc') })).toMatchObject({
      page: 0,
      sort: { active: 'visitDay', direction: 'desc' },
    });
  });

  it('start again from the first page when the page size changes', () => {
    expect(withPage(withPage(listQuery(), 2), 2, 50)).toMatchObject({ page: 0, pageSize: 50 });
  });

  it('count search and facility as narrowing, not the month', () => {
    expect(isFiltered(listQuery({ month: '2026-03' }))).toBe(false);
    expect(isFiltered(listQuery({ search: 'a' }))).toBe(true);
    expect(isFiltered(listQuery({ facility }))).toBe(true);
  });

  it('clear the sort when a header cycles back to none', () => {
    expect(sortFrom('name', '')).toBeNull();
    expect(sortFrom('', 'asc')).toBeNull();
  });

  it('become the parameters of a list endpoint', () => {
    const query = listQuery({
      page: 1,
      pageSize: 50,
      sort: { active: 'visitDay', direction: 'desc' },
      search: 'Mường',
      month: '2026-02',
      facility,
    });
    expect(listParams(query)).toEqual({
      page: 2,
      pageSize: 50,
      sort: '-visitDay',
      q: 'Mường',
      facility: 'TYT.03160.2025',
      month: '2026-02',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(listParams(listQuery())).toEqual({
      page: 1,
      pageSize: 20,
      sort: undefined,
      q: undefined,
      facility: undefined,
      month: undefined,
      from: undefined,
      to: undefined,
    });
  });
});

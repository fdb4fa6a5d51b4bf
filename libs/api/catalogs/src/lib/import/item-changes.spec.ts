import { ItemVersion, planAdd, planImport, planRelabel, planRetire } from './item-changes';

const version = (id: number, validFrom: string | null, validTo: string | null, name = 'Tên cũ', code = '01'): ItemVersion => ({
  id,
  code,
  name,
  nameEn: 'Old',
  nameFolded: name === 'HMông' ? 'hmong | mong | meo' : name.toLowerCase(),
  sortOrder: 3,
  validFrom,
  validTo,
});

describe('planRelabel', () => {
  it('closes the version in force the day before and opens the new label from the day', () => {
    const plan = planRelabel([version(1, null, null)], { name: 'Tên mới' }, '2026-01-01');
    expect(plan).toEqual({
      close: [{ id: 1, validTo: '2025-12-31' }],
      create: [{ code: '01', name: 'Tên mới', nameEn: 'Old', nameFolded: 'ten moi', sortOrder: 3, validFrom: '2026-01-01', validTo: null }],
      update: [],
      remove: [],
    });
  });

  it('keeps the other names a code is searched by', () => {
    const plan = planRelabel([version(1, null, null, 'HMông')], { name: 'Mông' }, '2026-01-01');
    expect(plan !== 'unchanged' && plan !== 'not-in-force' && plan.create[0].nameFolded).toBe('mong | meo');
  });

  it('changes in place a version starting that day, and refuses a day the code is not valid', () => {
    expect(
      planRelabel([version(1, null, '2025-12-31'), version(2, '2026-01-01', null)], { name: 'Khác', nameEn: null }, '2026-01-01'),
    ).toEqual({
      close: [],
      create: [],
      update: [{ id: 2, name: 'Khác', nameEn: null, nameFolded: 'khac', sortOrder: 3 }],
      remove: [],
    });
    expect(planRelabel([version(1, null, '2025-12-31')], { name: 'Khác' }, '2026-01-01')).toBe('not-in-force');
    expect(planRelabel([version(1, null, null)], { name: 'Tên cũ' }, '2026-01-01')).toBe('unchanged');
  });
});

describe('planAdd and planRetire', () => {
  it('adds a code that is not valid that day, and refuses one that is', () => {
    expect(planAdd([], '56', { name: 'Mới', nameEn: null, sortOrder: null }, 57, '2026-01-01')).toMatchObject({
      create: [{ code: '56', name: 'Mới', sortOrder: 57, validFrom: '2026-01-01', validTo: null }],
    });
    expect(planAdd([version(1, null, null)], '01', { name: 'x', nameEn: null, sortOrder: null }, 1, '2026-01-01')).toBe('exists');
    // A code retired earlier comes back.
    expect(planAdd([version(1, null, '2020-12-31')], '01', { name: 'x', nameEn: null, sortOrder: 9 }, 1, '2026-01-01')).toMatchObject({
      create: [{ sortOrder: 9, validFrom: '2026-01-01' }],
    });
  });

  it('retires from a day: the day before is the last, later versions go', () => {
    expect(planRetire([version(1, null, '2026-05-31'), version(2, '2026-06-01', null)], '2026-01-01')).toEqual({
      close: [{ id: 1, validTo: '2025-12-31' }],
      create: [],
      update: [],
      remove: [2],
    });
    expect(planRetire([version(1, null, '2025-12-31')], '2026-01-01')).toBe('retired');
  });
});

describe('planImport', () => {
  const existing = [version(1, null, null, 'Kinh', '01'), version(2, null, null, 'Tày', '02')];
  const row = (r: number, code: string, name: string, nameEn?: string | null) => ({ row: r, code, name, nameEn, sortOrder: undefined });

  it('adds new codes, relabels changed ones and leaves the rest', () => {
    const plan = planImport(existing, [row(2, '01', 'Kinh'), row(3, '02', 'Tày (mới)'), row(4, '99', 'Khác')], '2026-01-01', {
      fixed: false,
      nextSortOrder: 10,
    });
    expect([plan.created, plan.relabelled, plan.unchanged, plan.problems]).toEqual([1, 1, 1, []]);
    expect(plan.changes.close).toEqual([{ id: 2, validTo: '2025-12-31' }]);
    expect(plan.changes.create.map((c) => [c.code, c.name, c.sortOrder])).toEqual([
      ['02', 'Tày (mới)', 3],
      ['99', 'Khác', 10],
    ]);
  });

  it('refuses new codes in a fixed catalog, row by row', () => {
    const plan = planImport(existing, [row(2, '01', 'Kinh mới'), row(5, 'NEW', 'Mới')], '2026-01-01', { fixed: true, nextSortOrder: 1 });
    expect(plan.problems).toEqual([expect.objectContaining({ row: 5, column: 'code', code: 'CATALOG_FIXED' })]);
    expect(plan.relabelled).toBe(1);
  });
});

import { findPage } from './find-page';

/** A list of `size` rows read as findMany would, and a count that records whether it ran. */
function list(size: number) {
  const counted = { times: 0 };
  const rows = ({ skip, take }: { skip: number; take: number }) =>
    Promise.resolve(Array.from({ length: Math.max(0, Math.min(take, size - skip)) }, (_, i) => skip + i));
  const count = () => {
    counted.times++;
    return Promise.resolve(size);
  };
  return { rows, count, counted };
}

describe('findPage', () => {
  it('takes the total from a page shorter than asked for: one statement', async () => {
    const { rows, count, counted } = list(47);
    expect(await findPage({ skip: 0, take: 50 }, rows, count)).toMatchObject({ total: 47 });
    expect(await findPage({ skip: 40, take: 20 }, rows, count)).toMatchObject({ total: 47 });
    expect(counted.times).toBe(0);
  });

  it('knows an empty first page means nothing matches', async () => {
    const { rows, count, counted } = list(0);
    expect(await findPage({ skip: 0, take: 50 }, rows, count)).toEqual({ rows: [], total: 0 });
    expect(counted.times).toBe(0);
  });

  it('counts when the page is full, or empty past the first', async () => {
    const full = list(120);
    expect(await findPage({ skip: 50, take: 50 }, full.rows, full.count)).toMatchObject({ total: 120 });
    const past = list(30);
    expect(await findPage({ skip: 50, take: 50 }, past.rows, past.count)).toEqual({ rows: [], total: 30 });
    expect([full.counted.times, past.counted.times]).toEqual([1, 1]);
  });
});

/** One page of a list and how many rows match its filters. */
export interface Page<Row> {
  rows: Row[];
  total: number;
}

/**
 * A page of a list and its total, in one statement whenever the page itself tells the total: a
 * page shorter than asked for is the last one, so total = skip + its rows. Only a full page (or
 * an empty one past the first) needs the count, which then follows as a second plain read: no
 * transaction, as both read committed data and a page is a snapshot of a moving list anyway.
 *
 * Prisma cannot add a window count to `findMany`, and raw SQL would bypass the scope and audit
 * extension, so the shortcut is the one the ORM allows. Reads go through the caller's client
 * (scoped), with relations joined in the same statement (`relationJoins`).
 */
export async function findPage<Row>(
  range: { skip: number; take: number },
  rows: (range: { skip: number; take: number }) => PromiseLike<Row[]>,
  count: () => PromiseLike<number>,
): Promise<Page<Row>> {
  const page = await rows(range);
  const known = page.length > 0 ? page.length < range.take : range.skip === 0;
  return { rows: page, total: known ? range.skip + page.length : await count() };
}

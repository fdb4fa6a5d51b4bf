import { createPrismaService, loadAppConfig, PrismaService } from '@skss/api/core';
import { Client } from 'pg';

/**
 * The query-plan cache (libs/api/core/src/lib/prisma/query-plan-cache.ts) compiles a read once per
 * shape and fills in each request's values: the answers stay those of PostgreSQL for every value,
 * special characters included, and a new value of a known shape is not compiled again.
 */
const url = process.env['SKSS_TEST_DATABASE_URL'] ?? '';

interface Compiler {
  prototype: { compile(request: string): unknown };
}

describe('query plans are compiled once per shape', () => {
  let prisma: PrismaService;
  let db: Client;
  let compiled = 0;
  const verify = process.env['PRISMA_PLAN_CACHE_VERIFY'];

  beforeAll(async () => {
    // Count the compiler's own work: this wrapper goes in before the cache wraps it.
    const { QueryCompiler } = require('@prisma/client/runtime/query_compiler_bg.postgresql.js') as { QueryCompiler: Compiler };
    const compile = QueryCompiler.prototype.compile;
    QueryCompiler.prototype.compile = function (this: unknown, request: string) {
      compiled++;
      return compile.call(this, request);
    };
    // The cache as in production: shapes checked on their first uses only.
    delete process.env['PRISMA_PLAN_CACHE_VERIFY'];
    process.env['PRISMA_PLAN_CACHE_SHAPES'] = 'on';
    prisma = createPrismaService(loadAppConfig({ DATABASE_URL: url }));
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    if (verify !== undefined) process.env['PRISMA_PLAN_CACHE_VERIFY'] = verify;
    await prisma?.$disconnect();
    await db?.end();
  });

  const search = (term: string) =>
    prisma.raw.adminUnit.findMany({
      where: { nameFolded: { contains: term }, validTo: null },
      orderBy: { id: 'asc' },
      take: 30,
      select: { id: true },
    });
  const searchInSql = async (term: string) =>
    (
      await db.query<{ id: number }>(
        `SELECT id FROM admin_unit WHERE name_folded LIKE '%' || $1 || '%' AND valid_to IS NULL ORDER BY id LIMIT 30`,
        [term],
      )
    ).rows;

  it('a search typed anew reuses the plan of its shape, and answers as PostgreSQL does', async () => {
    const terms = ['muong', 'nam', 'ha', 'xa tan', 'phuong 1', 'dien bien', 'son', 'an', 'lai chau', 'y'];
    for (const term of terms.slice(0, 3)) expect(await search(term)).toEqual(await searchInSql(term));
    const before = compiled;
    for (const term of terms.slice(3)) expect(await search(term)).toEqual(await searchInSql(term));
    expect(compiled).toBe(before);
    expect((await search('muong')).length).toBeGreaterThan(0);
  });

  it('values with quotes, backslashes, wildcards, markers and Vietnamese letters are put in as they are', async () => {
    const odd = ['a%b', '_', `o'neil`, 'say "x"', 'back\\slash', 'ường', '\u0001m0\u0001', '2100000001', '%', ''];
    for (const term of odd) expect({ term, rows: await search(term) }).toEqual({ term, rows: await searchInSql(term) });
  });

  it('numbers, lists and enums of a filter', async () => {
    const { rows } = await db.query<{ id: number; parent_id: number }>(
      `SELECT id, parent_id FROM admin_unit WHERE parent_id IS NOT NULL ORDER BY id LIMIT 6`,
    );
    for (const row of rows) {
      const found = await prisma.raw.adminUnit.findMany({
        where: { parentId: row.parent_id, id: { in: [row.id, rows[0].id] }, level: 'commune' },
        select: { id: true, parentId: true, level: true },
        orderBy: { id: 'asc' },
      });
      const expected = await db.query(
        `SELECT id, parent_id AS "parentId", level::text FROM admin_unit WHERE parent_id = $1 AND id = ANY($2::int[]) AND level = 'commune' ORDER BY id`,
        [row.parent_id, [row.id, rows[0].id]],
      );
      expect(found).toEqual(expected.rows);
    }
    const counts = await Promise.all(
      ['province', 'commune'].map((level) => prisma.raw.adminUnit.count({ where: { level: level as 'commune' } })),
    );
    const sql = await db.query<{ level: string; n: number }>(`SELECT level::text, count(*)::int AS n FROM admin_unit GROUP BY level`);
    expect(counts).toEqual(['province', 'commune'].map((level) => sql.rows.find((r) => r.level === level)?.n ?? 0));
  });
});

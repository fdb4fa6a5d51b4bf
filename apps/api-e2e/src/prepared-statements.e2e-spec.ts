import { createPrismaService, loadAppConfig, preparedStatementName, PrismaService } from '@skss/api/core';
import { Client } from 'pg';

/**
 * PrismaService.queryPrepared (the report drafts' statements): prepared once per connection under
 * a name of its text, answering as a plain statement does, and still answering when a table changes
 * under a statement prepared before.
 */
const url = process.env['SKSS_TEST_DATABASE_URL'] ?? '';

describe('prepared statements of the data-access layer', () => {
  let prisma: PrismaService;
  let db: Client;

  beforeAll(async () => {
    // One connection, so that what it prepared can be read back from it.
    prisma = createPrismaService(loadAppConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '1' }));
    db = new Client({ connectionString: url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.query('DROP TABLE IF EXISTS prepared_probe');
    await prisma?.$disconnect();
    await db?.end();
  });

  it('a statement is prepared under the name of its text and answers as a plain one', async () => {
    const sql =
      'SELECT kind::text AS kind, count(*)::int AS n FROM facility WHERE kind::text = ANY($1::text[]) GROUP BY kind ORDER BY kind';
    const kinds = ['CDC', 'COMMUNE_HEALTH_STATION'];
    const plain = (await db.query(sql, [kinds])).rows;
    expect(plain.length).toBe(2);
    for (let i = 0; i < 7; i++) expect(await prisma.queryPrepared(sql, [kinds])).toEqual(plain);
    const prepared = await prisma.queryPrepared<{ name: string; statement: string }>(
      'SELECT name, statement FROM pg_prepared_statements',
      [],
    );
    expect(prepared).toContainEqual({ name: preparedStatementName(sql), statement: sql });
  });

  it('a table changed under a prepared statement is read again unprepared', async () => {
    await db.query('DROP TABLE IF EXISTS prepared_probe');
    await db.query('CREATE TABLE prepared_probe (id int)');
    await db.query('INSERT INTO prepared_probe VALUES (1)');
    const sql = 'SELECT * FROM prepared_probe WHERE id >= $1';
    expect(await prisma.queryPrepared(sql, [0])).toEqual([{ id: 1 }]);
    await db.query(`ALTER TABLE prepared_probe ADD COLUMN note text DEFAULT 'x'`);
    expect(await prisma.queryPrepared(sql, [0])).toEqual([{ id: 1, note: 'x' }]);
  });

  it('an idle connection ended by the server leaves the pool, and the next statement gets a new one', async () => {
    const [{ pid }] = await prisma.queryPrepared<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
    await db.query('SELECT pg_terminate_backend($1)', [pid]);
    await new Promise((done) => setTimeout(done, 200));
    const [again] = await prisma.queryPrepared<{ pid: number }>('SELECT pg_backend_pid() AS pid', []);
    expect(again.pid).not.toBe(pid);
  });

  it('errors of the statement itself reach the caller', async () => {
    await expect(prisma.queryPrepared('SELECT 1 / $1::int AS x', [0])).rejects.toMatchObject({ code: '22012' });
    expect(await prisma.queryPrepared('SELECT 1 / $1::int AS x', [1])).toEqual([{ x: 1 }]);
  });
});

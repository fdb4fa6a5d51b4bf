import { createHash } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool, types } from 'pg';
import { BareCaller, MixContext, mixOf } from './mix';

/**
 * The yardstick of the load benchmark: a bare Node `http` + `pg` server answering the rows of the
 * mix (mix.ts) with the same SQL as the API and nothing else: no framework, no validation, no
 * ORM. A bearer token is resolved once with one statement and kept in memory, as the API's
 * session cache does. Started by load.ts: `DATABASE_URL=... PORT=... BENCH_MIX_CONTEXT=<JSON of a MixContext>
 * node tools/run-ts.js tools/bench/bare-server.ts`.
 */
const CALLER = `SELECT u.id AS "userId", u.username, u.full_name AS "fullName", u.email, u.phone, u.totp_enabled AS "totpEnabled",
    json_build_object('id', f.id, 'code', f.code, 'name', f.name, 'kind', f.kind) AS facility,
    coalesce(json_agg(json_build_object('code', r.code, 'name', r.name, 'permissions', r.permissions) ORDER BY r.code)
      FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
  FROM session s JOIN user_account u ON u.id = s.user_id JOIN facility f ON f.id = u.facility_id
  LEFT JOIN user_role ur ON ur.user_id = u.id LEFT JOIN role r ON r.id = ur.role_id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.status = 'active'
  GROUP BY u.id, f.id`;

// Days as the text they are (the API's Prisma reads a date as UTC midnight, not local), and
// timestamps without time zone as UTC, as Prisma reads them.
types.setTypeParser(types.builtins.DATE, (value) => value);
types.setTypeParser(types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(' ', 'T')}Z`));

const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['DATABASE_POOL_SIZE'] ?? 10) });
const callers = new Map<string, Promise<BareCaller | null>>();
const context = JSON.parse(process.env['BENCH_MIX_CONTEXT'] ?? 'null') as MixContext | null;
if (!context) throw new Error('BENCH_MIX_CONTEXT is not set (load.ts sets it)');
const routes = new Map(mixOf(context).map((row) => [new URL(row.path, 'http://bare').pathname, row]));

function callerOf(req: IncomingMessage): Promise<BareCaller | null> {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return Promise.resolve(null);
  const hash = createHash('sha256').update(header.slice(7).trim()).digest('hex');
  let caller = callers.get(hash);
  if (!caller) {
    caller = pool.query<BareCaller>(CALLER, [hash]).then((result) => result.rows[0] ?? null);
    callers.set(hash, caller);
  }
  return caller;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://bare');
  if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
  const row = routes.get(url.pathname);
  if (!row || req.method !== 'GET') return send(res, 404, { code: 'NOT_FOUND' });
  const caller = await callerOf(req);
  if (!caller) return send(res, 401, { code: 'UNAUTHENTICATED' });
  send(res, 200, await row.bare(pool, caller, url));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    send(res, 500, { code: 'INTERNAL_ERROR' });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env['PORT'] ?? 3100), '127.0.0.1');

const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

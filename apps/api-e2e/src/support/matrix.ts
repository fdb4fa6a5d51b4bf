import { authenticator } from 'otplib';
import { createTestUser, uniqueName, withDb } from './db';
import { apiUrl, signIn } from './http';

/**
 * Plumbing of the access matrix (access-matrix.e2e-spec.ts): raw calls, disposable accounts and
 * targets, and snapshots of records to prove that a refused write changed nothing.
 */

/** The default roles that have a facility in force today, and a request without any session. */
export const COLUMNS = ['NCHI_ADMIN', 'VU_BMTE', 'SO_Y_TE', 'CDC', 'TYT', 'anonymous'] as const;
export type Column = (typeof COLUMNS)[number];
export type RoleColumn = Exclude<Column, 'anonymous'>;

/** The demonstration account that plays each default role, and its facility. */
export const ACTORS: Readonly<Record<RoleColumn, { username: string; facility: string }>> = {
  NCHI_ADMIN: { username: 'nchi.admin', facility: 'BYT.TTTTYTQG' },
  VU_BMTE: { username: 'vu.bmte', facility: 'BYT.VBMTE' },
  SO_Y_TE: { username: 'syt.dienbien', facility: 'SYT.11' },
  CDC: { username: 'cdc.dienbien', facility: 'CDC.11' },
  TYT: { username: 'tyt.dienbienphu', facility: 'TYT.03127.2025' },
};

export const DEMO_USERNAMES = [
  'nchi.admin',
  'vu.bmte',
  'syt.dienbien',
  'cdc.dienbien',
  'cdc.laichau',
  'tyt.dienbienphu',
  'tyt.muongnhe',
] as const;

/** Password of the accounts the matrix creates, and the one they change to. */
export const PASSWORD = 'Trạm-Xá#2026!kq';
export const NEW_PASSWORD = 'Mường-Tè#2027!zx';

export interface Answer {
  status: number;
  /** The `code` of a JSON error answer, else null. */
  code: string | null;
  body: unknown;
  headers: Headers;
}

/** One call as an API client makes it: redirects are answers (not followed), any content type. */
export async function send(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  // A form (file uploads) goes as multipart/form-data with the boundary fetch chooses.
  const form = options.body instanceof FormData ? options.body : null;
  const response = await fetch(apiUrl(path), {
    method,
    redirect: 'manual',
    headers: {
      ...(options.body !== undefined && !form ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = (response.headers.get('content-type') ?? '').includes('json') ? await response.text() : null;
  if (text === null) await response.arrayBuffer();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  const code =
    body && typeof body === 'object' && typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : null;
  return { status: response.status, code, body, headers: response.headers };
}

/** Every page of a paginated list. */
export async function allPages<T>(path: string, token: string): Promise<{ status: number; items: T[] }> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await send('GET', `${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`, { token });
    if (answer.status !== 200) return { status: answer.status, items };
    const body = answer.body as { items: T[]; total: number };
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) return { status: 200, items };
  }
}

export async function idsOf(usernames: readonly string[]): Promise<Record<string, string>> {
  const { rows } = await withDb((db) =>
    db.query<{ id: string; username: string }>('SELECT id, username FROM user_account WHERE username = ANY($1)', [usernames]),
  );
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}

/** Codes of the facilities in the reporting subtree of one, today (as the API computes view scope). */
export async function subtreeOf(code: string): Promise<Set<string>> {
  const { rows } = await withDb((db) =>
    db.query<{ code: string }>(
      `WITH RECURSIVE t(id) AS (
         SELECT id FROM facility WHERE code = $1
         UNION
         SELECT l.facility_id FROM facility_reporting_line l JOIN t ON l.reports_to_id = t.id
         WHERE (l.valid_from IS NULL OR l.valid_from <= CURRENT_DATE) AND (l.valid_to IS NULL OR l.valid_to >= CURRENT_DATE))
       SELECT f.code FROM facility f JOIN t ON t.id = f.id`,
      [code],
    ),
  );
  return new Set(rows.map((r) => r.code));
}

/** A new signed-in account of a default role at the facility of that role's demonstration account. */
export async function disposableAccount(role: RoleColumn): Promise<{ id: string; username: string; token: string }> {
  const username = uniqueName(`matrix.self.${role.toLowerCase().replace(/_/g, '')}`);
  const id = await createTestUser({ username, facility: ACTORS[role].facility, role, password: PASSWORD });
  return { id, username, token: await signIn(username, PASSWORD) };
}

/** Enrols a signed-in account in two-factor sign-in through the API; returns its secret. */
export async function enrolTotp(token: string): Promise<string> {
  const setup = await send('POST', '/api/v1/auth/totp/setup', { token });
  const secret = (setup.body as { secret?: string }).secret;
  if (!secret) throw new Error(`TOTP setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const enabled = await send('POST', '/api/v1/auth/totp/enable', { token, body: { code: authenticator.generate(secret) } });
  if (enabled.status !== 204) throw new Error(`TOTP enable failed: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  return secret;
}

/** Where a target account lives: inside the reporting subtree of Điện Biên (province 11) or in Lai Châu (12). */
export type Where = 'in' | 'out';
export const TARGET_FACILITY: Readonly<Record<Where, { facility: string; role: string }>> = {
  in: { facility: 'TYT.03160.2025', role: 'TYT' },
  out: { facility: 'CDC.12', role: 'CDC' },
};

export interface TargetArrangement {
  /** Open a session of the target first, so that ending sessions shows in its snapshot. */
  signedIn?: boolean;
  /** SET clause applied to its row afterwards (a disabled, locked or enrolled account). */
  set?: string;
}

/** A fresh account to act on, so that writes never touch accounts that other spec files use. */
export async function targetAccount(where: Where, arrange: TargetArrangement = {}, facility = TARGET_FACILITY[where]): Promise<string> {
  const username = uniqueName(`matrix.target.${where}`);
  const id = await createTestUser({ username, facility: facility.facility, role: facility.role, password: PASSWORD });
  if (arrange.signedIn) await signIn(username, PASSWORD);
  if (arrange.set) await withDb((db) => db.query(`UPDATE user_account SET ${arrange.set} WHERE id = $1`, [id]));
  return id;
}

/** An account as nchi.admin reads it through the API, and its row (password, second factor, roles, open sessions). */
export async function accountState(id: string, adminToken: string): Promise<unknown> {
  const api = await send('GET', `/api/v1/users/${id}`, { token: adminToken });
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT u.username, u.full_name, u.email, u.phone, u.status, u.password_hash, u.password_changed_at, u.must_change_password,
              u.locked_until, u.totp_enabled, u.totp_secret, u.sso_subject, u.updated_at, f.code AS facility,
              ARRAY(SELECT r.code FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.code) AS roles,
              (SELECT count(*)::int FROM session s WHERE s.user_id = u.id AND s.revoked_at IS NULL) AS open_sessions
       FROM user_account u JOIN facility f ON f.id = u.facility_id WHERE u.id = $1`,
      [id],
    ),
  );
  return { api: [api.status, api.body], row: rows[0] ?? null };
}

export const roleCode = (prefix: string) => `${prefix}_${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;

/** A custom role created for the test (directly: the roles API has its own rows in the matrix). */
export async function customRole(prefix: string, permissions: readonly string[]): Promise<string> {
  const code = roleCode(prefix);
  await withDb((db) =>
    db.query(`INSERT INTO role (code, name, permissions, updated_at) VALUES ($1, $2, $3, now())`, [
      code,
      `Vai trò thử ${code}`,
      permissions,
    ]),
  );
  return code;
}

export async function roleState(code: string, adminToken: string): Promise<unknown> {
  const api = await send('GET', `/api/v1/roles/${code}`, { token: adminToken });
  const { rows } = await withDb((db) =>
    db.query('SELECT code, name, description, permissions, require_totp, updated_at FROM role WHERE code = $1', [code]),
  );
  return { api: [api.status, api.body], row: rows[0] ?? null };
}

/** A fresh integration account, created by nchi.admin through the API; returns its client id. */
export async function integrationClient(adminToken: string): Promise<string> {
  const created = await send('POST', '/api/v1/integration-clients', {
    token: adminToken,
    body: { name: uniqueName('Ma trận quyền'), system: 'HIS', facilityCodes: ['TYT.03127.2025'], operations: ['records.push'] },
  });
  const clientId = (created.body as { client?: { clientId?: string } }).client?.clientId;
  if (created.status !== 201 || !clientId)
    throw new Error(`Integration account not created: ${created.status} ${JSON.stringify(created.body)}`);
  return clientId;
}

export async function integrationClientState(clientId: string, adminToken: string): Promise<unknown> {
  const api = await send('GET', `/api/v1/integration-clients/${clientId}`, { token: adminToken });
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT c.name, c.system, c.secret_hash, c.operations, c.status, c.rotated_at, c.revoked_at, c.updated_at,
              ARRAY(SELECT f.facility_id FROM integration_client_facility f WHERE f.client_id = c.id ORDER BY f.facility_id) AS facilities
       FROM integration_client c WHERE c.client_id = $1`,
      [clientId],
    ),
  );
  return { api: [api.status, api.body], row: rows[0] ?? null };
}

/** How many rows of a table have a value in a column (a refused create must leave none). */
export async function countWhere(
  table: 'user_account' | 'role' | 'integration_client' | 'facility' | 'catalog_item',
  column: string,
  value: string,
): Promise<number> {
  const { rows } = await withDb((db) => db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [value]));
  return rows[0].n;
}

/** A catalog of its own for a row of the matrix (catalogs come from the seed, not the API), with one item A1. */
export async function testCatalog(prefix: string): Promise<string> {
  const code = roleCode(`MATRIX_${prefix}`);
  await withDb(async (db) => {
    await db.query(`INSERT INTO catalog (code, name, updated_at) VALUES ($1, $2, now())`, [code, `Danh mục thử ${code}`]);
    await db.query(
      `INSERT INTO catalog_item (catalog_code, code, name, name_folded, sort_order, updated_at) VALUES ($1, 'A1', 'Mục thử', 'muc thu', 1, now())`,
      [code],
    );
  });
  return code;
}

/** Every version of every item of a catalog, as stored. */
export async function catalogState(code: string): Promise<unknown> {
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT code, name, name_en, sort_order, valid_from, valid_to, updated_at FROM catalog_item WHERE catalog_code = $1 ORDER BY code, valid_from NULLS FIRST`,
      [code],
    ),
  );
  return rows;
}

/** The multipart body of a catalog import: a small CSV adding one code. */
export function catalogImportForm(): FormData {
  const form = new FormData();
  form.append('validFrom', '2026-01-01');
  form.append('file', new Blob(['Mã,Tên\nB2,Mục nhập từ tệp\n'], { type: 'text/csv' }), 'danh-muc.csv');
  return form;
}

/** A fresh facility (a central hospital in Lai Châu reporting to its Department of Health), created by nchi.admin through the API. */
export async function facilityRecord(adminToken: string): Promise<string> {
  const code = `BV.MATRIX.${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1e4)}`;
  const created = await send('POST', '/api/v1/administration/facilities', {
    token: adminToken,
    body: {
      code,
      name: 'Bệnh viện của ma trận',
      kind: 'CENTRAL_FACILITY',
      adminUnitCode: '12',
      validFrom: '2026-01-01',
      reportsToCode: 'SYT.12',
    },
  });
  if (created.status !== 201) throw new Error(`Facility not created: ${created.status} ${JSON.stringify(created.body)}`);
  return code;
}

/** A facility's row and reporting lines, as stored. */
export async function facilityState(code: string): Promise<unknown> {
  const { rows } = await withDb((db) =>
    db.query(
      `SELECT f.name, f.kind, f.ownership, f.maternal_services, f.child_services, f.address, f.valid_from, f.valid_to, f.updated_at,
              ARRAY(SELECT l.reports_to_id || '@' || coalesce(l.valid_from::text, '') || '..' || coalesce(l.valid_to::text, '')
                    FROM facility_reporting_line l WHERE l.facility_id = f.id ORDER BY l.id) AS lines
       FROM facility f WHERE f.code = $1`,
      [code],
    ),
  );
  return rows[0] ?? null;
}

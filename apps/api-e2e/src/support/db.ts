import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { APP_LOGIN } from '@skss/tooling/testing';

/**
 * Direct access to the test database as its owner, to arrange states the API cannot (time travel),
 * or with the API's own privileges (`asApplication`: the harness's login member of skss_app).
 */
export async function withDb<T>(work: (db: Client) => Promise<T>, asApplication = false): Promise<T> {
  const db = new Client({
    connectionString: asApplication ? applicationUrl(process.env['SKSS_TEST_DATABASE_URL'] ?? '') : process.env['SKSS_TEST_DATABASE_URL'],
  });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export interface TestUser {
  username: string;
  facility: string;
  role: string;
  password: string;
  mustChangePassword?: boolean;
}

/** Inserts an account directly (the accounts API has its own tests); returns its id. */
export function createTestUser(user: TestUser): Promise<string> {
  return withDb(async (db) => {
    const passwordHash = await hash(user.password);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO user_account (id, username, full_name, full_name_folded, facility_id, password_hash, password_changed_at, must_change_password, updated_at)
       SELECT gen_random_uuid(), $1, $1, $1, f.id, $2, now(), $3, now() FROM facility f WHERE f.code = $4 RETURNING id`,
      [user.username, passwordHash, user.mustChangePassword ?? false, user.facility],
    );
    if (!rows[0]) throw new Error(`No facility ${user.facility}`);
    await db.query('INSERT INTO user_role (user_id, role_id) SELECT $1, id FROM role WHERE code = $2', [rows[0].id, user.role]);
    return rows[0].id;
  });
}

export const uniqueName = (prefix: string) => `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The same database as `ownerUrl`, connected as the harness's application login. */
export function applicationUrl(ownerUrl: string): string {
  return Object.assign(new URL(ownerUrl), { username: APP_LOGIN, password: APP_LOGIN }).toString();
}

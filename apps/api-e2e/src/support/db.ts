import { hash } from '@node-rs/argon2';
import { Client } from 'pg';

/** Direct access to the test database as its owner, to arrange states the API cannot (time travel). */
export async function withDb<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: process.env['SKSS_TEST_DATABASE_URL'] });
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

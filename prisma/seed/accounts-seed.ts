import { hash, Algorithm } from '@node-rs/argon2';
import type { Client } from 'pg';
import { DEFAULT_ROLES, FACILITY_KINDS, foldVietnamese, Permission } from '@skss/domain';

/**
 * Permissions added to the vocabulary after databases were first seeded. The default roles that
 * hold one get it once on databases seeded before (seed_run remembers the grant), so that an
 * administrator who takes it away later is not overridden.
 */
export const PERMISSIONS_ADDED_LATER: readonly Permission[] = ['facilities.manage'];

/** Default roles (Điều 5): inserted when missing, never overwritten, so administrators' edits stay. */
export async function seedDefaultRoles(client: Client): Promise<void> {
  const roles = FACILITY_KINDS.map((kind) => DEFAULT_ROLES[kind]);
  await client.query(
    `INSERT INTO role (code, name, description, permissions, is_system, updated_at)
     SELECT x.code, x.name, x.description, string_to_array(x.permissions, ','), true, now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(code, name, description, permissions)
     ON CONFLICT (code) DO NOTHING`,
    [roles.map((r) => r.code), roles.map((r) => r.nameVi), roles.map((r) => r.nameEn), roles.map((r) => r.permissions.join(','))],
  );
  await grantPermissionsAddedLater(client);
}

/** Gives the default roles the permissions added since they were seeded, once per role and permission. */
async function grantPermissionsAddedLater(client: Client): Promise<void> {
  const grants = FACILITY_KINDS.map((kind) => DEFAULT_ROLES[kind]).flatMap((role) =>
    PERMISSIONS_ADDED_LATER.filter((p) => role.permissions.includes(p)).map((permission) => ({ role: role.code, permission })),
  );
  for (const { role, permission } of grants) {
    await client.query('BEGIN');
    try {
      const recorded = await client.query(
        `INSERT INTO seed_run (name, checksum) VALUES ($1, 'granted') ON CONFLICT (name) DO NOTHING RETURNING name`,
        [`grant:${role}:${permission}`],
      );
      if (recorded.rowCount) {
        await client.query(
          `UPDATE role SET permissions = array_append(permissions, $2), updated_at = now() WHERE code = $1 AND NOT ($2 = ANY(permissions))`,
          [role, permission],
        );
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}

/** Password of the demonstration accounts (`npm start` on the embedded database only). */
export const DEMO_PASSWORD = 'Demo@SKSS-2026!';

export const DEMO_ACCOUNTS = [
  { username: 'nchi.admin', fullName: 'Quản trị viên NCHI', facility: 'BYT.TTTTYTQG', role: 'NCHI_ADMIN' },
  { username: 'vu.bmte', fullName: 'Cán bộ Vụ Sức khỏe Bà mẹ - Trẻ em', facility: 'BYT.VBMTE', role: 'VU_BMTE' },
  { username: 'syt.dienbien', fullName: 'Cán bộ Sở Y tế Điện Biên', facility: 'SYT.11', role: 'SO_Y_TE' },
  { username: 'cdc.dienbien', fullName: 'Cán bộ CDC Điện Biên', facility: 'CDC.11', role: 'CDC' },
  { username: 'cdc.laichau', fullName: 'Cán bộ CDC Lai Châu', facility: 'CDC.12', role: 'CDC' },
  { username: 'tyt.dienbienphu', fullName: 'Cán bộ Trạm Y tế Phường Điện Biên Phủ', facility: 'TYT.03127.2025', role: 'TYT' },
  { username: 'tyt.muongnhe', fullName: 'Cán bộ Trạm Y tế Xã Mường Nhé', facility: 'TYT.03160.2025', role: 'TYT' },
] as const;

/** Demonstration accounts with a known password and no forced change; never for a real server. */
export async function seedDemoAccounts(client: Client): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  for (const account of DEMO_ACCOUNTS) {
    const fullName = account.fullName.normalize('NFC');
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO user_account (id, username, full_name, full_name_folded, facility_id, password_hash, password_changed_at, must_change_password, updated_at)
       SELECT gen_random_uuid(), $1, $2, $3, f.id, $4, now(), false, now() FROM facility f WHERE f.code = $5
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [account.username, fullName, foldVietnamese(fullName), passwordHash, account.facility],
    );
    if (inserted.rows[0]) {
      await client.query(`INSERT INTO user_role (user_id, role_id) SELECT $1, id FROM role WHERE code = $2 ON CONFLICT DO NOTHING`, [
        inserted.rows[0].id,
        account.role,
      ]);
    }
  }
}

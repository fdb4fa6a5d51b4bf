import { ADMINISTRATION_PERMISSIONS, FACILITY_KIND_INFO, Permission, PERMISSION_LABELS, PERMISSIONS } from '@skss/domain';
import type { PermissionDto, RoleDto } from './dto/role.dto';
import type { UserDto } from './dto/user.response.dto';
import type { RoleRow } from './roles/roles.repository';
import type { UserRow } from './users/users.repository';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toUserDto(row: UserRow, now = new Date()): UserDto {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    facility: {
      code: row.facility.code,
      name: row.facility.name,
      kind: row.facility.kind,
      level: FACILITY_KIND_INFO[row.facility.kind].level,
    },
    roles: row.roles.map((r) => ({ code: r.role.code, name: r.role.name })),
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    locked: !!row.lockedUntil && row.lockedUntil > now,
    lockedUntil: iso(row.lockedUntil),
    totpEnabled: row.totpEnabled,
    ssoSubject: row.ssoSubject,
    lastSignInAt: iso(row.lastSignInAt),
    passwordChangedAt: iso(row.passwordChangedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Permissions in the vocabulary's order; unknown strings (from an older vocabulary) are left out. */
export function knownPermissions(values: readonly string[]): Permission[] {
  return PERMISSIONS.filter((p) => values.includes(p));
}

export function toRoleDto(row: RoleRow): RoleDto {
  return {
    code: row.code,
    name: row.name,
    description: row.description,
    permissions: knownPermissions(row.permissions),
    requireTotp: row.requireTotp,
    isSystem: row.isSystem,
    memberCount: row._count.users,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toPermissionDtos(): PermissionDto[] {
  return PERMISSIONS.map((code) => ({
    code,
    label: PERMISSION_LABELS[code].vi,
    labelEn: PERMISSION_LABELS[code].en,
    administration: ADMINISTRATION_PERMISSIONS.includes(code),
  }));
}

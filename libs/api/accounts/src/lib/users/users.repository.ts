import { Injectable } from '@nestjs/common';
import { CENTRAL_KINDS, findPage, Page, Prisma, PrismaService, RequestContext } from '@skss/api/core';
import type { AdministratorCandidate } from '../shared/administration-rules';
import type { AccountStatusValue } from '../dto/user.request.dto';

/** The database client, or a transaction of it: both go through the scope and audit mechanism. */
export type Db = Prisma.TransactionClient;

export const userInclude = {
  facility: { select: { code: true, name: true, kind: true } },
  roles: { include: { role: { select: { code: true, name: true, permissions: true } } }, orderBy: { role: { code: 'asc' } } },
} satisfies Prisma.UserAccountInclude;

export type UserRow = Prisma.UserAccountGetPayload<{ include: typeof userInclude }>;

export interface UserFilter {
  foldedText?: string;
  facilityCode?: string;
  roleCode?: string;
  status?: AccountStatusValue;
}

export interface NewAccount {
  username: string;
  fullName: string;
  fullNameFolded: string;
  email: string | null;
  phone: string | null;
  facilityId: number;
  ssoSubject: string | null;
  passwordHash: string;
  roleIds: number[];
}

export type AccountChanges = Pick<
  Prisma.UserAccountUncheckedUpdateInput,
  'fullName' | 'fullNameFolded' | 'email' | 'phone' | 'facilityId' | 'ssoSubject' | 'status' | 'lockedUntil' | 'totpEnabled' | 'totpSecret'
>;

/**
 * The only place that reads and writes user_account and user_role for administration. Reads see
 * the caller's view scope and writes are limited to its write scope by the Prisma extension; the
 * few lookups that must see every account (uniqueness, the last administrator) say so.
 */
@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findPage(filter: UserFilter, skip: number, take: number): Promise<Page<UserRow>> {
    const where = toWhere(filter);
    return findPage(
      { skip, take },
      (range) => this.prisma.userAccount.findMany({ where, include: userInclude, orderBy: { username: 'asc' }, ...range }),
      () => this.prisma.userAccount.count({ where }),
    );
  }

  /** The account if it is in the caller's view scope, else null (an account elsewhere looks absent). */
  findById(id: string, db: Db = this.prisma): Promise<UserRow | null> {
    return db.userAccount.findUnique({ where: { id }, include: userInclude });
  }

  findFacilityByCode(code: string) {
    return this.prisma.facility.findUnique({
      where: { code },
      select: { id: true, code: true, kind: true, validFrom: true, validTo: true },
    });
  }

  findRolesByCodes(codes: readonly string[], db: Db = this.prisma) {
    if (codes.length === 0) return Promise.resolve([]);
    return db.role.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true, permissions: true } });
  }

  /** Whether a username or single sign-on link is used by any account, in any unit. */
  async isTaken(field: 'username' | 'ssoSubject', value: string, exceptId?: string): Promise<boolean> {
    // async: Prisma queries are lazy and must start inside the trusted context, not at the await below.
    const found = await RequestContext.asSystem(async () =>
      this.prisma.userAccount.findFirst({
        where: { [field]: value, ...(exceptId ? { id: { not: exceptId } } : {}) },
        select: { id: true },
      }),
    );
    return found !== null;
  }

  create(account: NewAccount): Promise<UserRow> {
    const { roleIds, ...fields } = account;
    return this.prisma.userAccount.create({
      data: {
        ...fields,
        passwordChangedAt: new Date(),
        mustChangePassword: true,
        roles: { create: roleIds.map((roleId) => ({ roleId })) },
      },
      include: userInclude,
    });
  }

  update(id: string, changes: AccountChanges, db: Db = this.prisma): Promise<UserRow> {
    return db.userAccount.update({ where: { id }, data: changes, include: userInclude });
  }

  /** Applies changes and ends every open session of the account, in one statement. */
  updateEndingSessions(id: string, changes: AccountChanges, reason: string, db: Db = this.prisma): Promise<UserRow> {
    return db.userAccount.update({
      where: { id },
      data: {
        ...changes,
        sessions: { updateMany: { where: { revokedAt: null }, data: { revokedAt: new Date(), revokedReason: reason } } },
      },
      include: userInclude,
    });
  }

  replaceRoles(id: string, roleIds: readonly number[], db: Db = this.prisma): Promise<UserRow> {
    return db.userAccount.update({
      where: { id },
      data: { roles: { deleteMany: {}, create: roleIds.map((roleId) => ({ roleId })) } },
      include: userInclude,
    });
  }

  /**
   * Every account that is, or after a change could be, a full administrator: active accounts of
   * central units holding a role with users.manage, plus the accounts named. Sees all units.
   */
  async administratorCandidates(db: Db, alsoIds: readonly string[] = []): Promise<AdministratorCandidate[]> {
    const rows = await RequestContext.asSystem(async () =>
      db.userAccount.findMany({
        where: {
          OR: [
            {
              status: 'active',
              facility: { kind: { in: [...CENTRAL_KINDS] } },
              roles: { some: { role: { permissions: { has: 'users.manage' } } } },
            },
            ...(alsoIds.length ? [{ id: { in: [...alsoIds] } }] : []),
          ],
        },
        select: {
          id: true,
          status: true,
          facility: { select: { kind: true } },
          roles: { select: { role: { select: { code: true, permissions: true } } } },
        },
      }),
    );
    return rows.map((row) => ({
      id: row.id,
      active: row.status === 'active',
      central: CENTRAL_KINDS.includes(row.facility.kind),
      roles: row.roles.map((r) => r.role),
    }));
  }
}

function toWhere(filter: UserFilter): Prisma.UserAccountWhereInput {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.facilityCode ? { facility: { code: filter.facilityCode } } : {}),
    ...(filter.roleCode ? { roles: { some: { role: { code: filter.roleCode } } } } : {}),
    ...(filter.foldedText
      ? { OR: [{ fullNameFolded: { contains: filter.foldedText } }, { username: { contains: filter.foldedText } }] }
      : {}),
  };
}

import { Injectable } from '@nestjs/common';
import { hashPassword, PasswordService, SessionsService } from '@skss/api/auth';
import { AuditService, CENTRAL_KINDS, DomainError, NotFoundError, Prisma, UserPrincipal } from '@skss/api/core';
import { DEFAULT_ROLES, foldVietnamese, formatIsoDate, isValidOn, todayInVietnam } from '@skss/domain';
import { toUserDto } from '../accounts.mapper';
import { CreateUserDto, ListUsersQueryDto, SetUserRolesDto, UpdateUserDto } from '../dto/user.request.dto';
import { CreatedUserDto, UserDto, UserPageDto } from '../dto/user.response.dto';
import { AdministrationSafety } from '../shared/administration-safety.service';
import { AccountChanges, UserRow, UsersRepository } from './users.repository';

export const userNotFound = () => new NotFoundError('USER_NOT_FOUND', 'Không tìm thấy tài khoản');

/** Permissions an account holds through its roles. */
export const permissionsOfRow = (row: UserRow): string[] => row.roles.flatMap((r) => r.role.permissions);

/** Accounts of named officers (Điều 5): list, read, create with an initial password, edit, assign roles. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly safety: AdministrationSafety,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  async listUsers(query: ListUsersQueryDto): Promise<UserPageDto> {
    const { rows, total } = await this.users.findPage(
      {
        foldedText: query.q ? foldVietnamese(query.q) : undefined,
        facilityCode: query.facility,
        roleCode: query.role,
        status: query.status,
      },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    const now = new Date();
    return { items: rows.map((row) => toUserDto(row, now)), page: query.page, pageSize: query.pageSize, total };
  }

  async getUser(id: string): Promise<UserDto> {
    return toUserDto(await this.requireVisible(id));
  }

  /** A new account with a random initial password that the officer must change at first sign-in. */
  async createUser(actor: UserPrincipal, dto: CreateUserDto): Promise<CreatedUserDto> {
    const facility = await this.requireFacilityInForce(dto.facilityCode);
    const roles = await this.resolveRoles(dto.roleCodes ?? [DEFAULT_ROLES[facility.kind].code]);
    this.safety.assertHoldsAdministration(
      actor,
      roles.flatMap((r) => r.permissions),
    );
    await this.assertFree('username', dto.username);
    if (dto.ssoSubject) await this.assertFree('ssoSubject', dto.ssoSubject);
    const initialPassword = this.passwords.generateInitialPassword();
    const row = await this.users
      .create({
        username: dto.username,
        fullName: dto.fullName,
        fullNameFolded: foldVietnamese(dto.fullName),
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        facilityId: facility.id,
        ssoSubject: dto.ssoSubject ?? null,
        passwordHash: await hashPassword(initialPassword),
        roleIds: roles.map((r) => r.id),
      })
      .catch(conflictAsDomainError);
    return { ...toUserDto(row), initialPassword };
  }

  async updateUser(actor: UserPrincipal, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const current = await this.requireVisible(id);
    const changes: AccountChanges = {};
    if (dto.fullName !== undefined && dto.fullName !== current.fullName) {
      changes.fullName = dto.fullName;
      changes.fullNameFolded = foldVietnamese(dto.fullName);
    }
    if (dto.email !== undefined && dto.email !== current.email) changes.email = dto.email;
    if (dto.phone !== undefined && dto.phone !== current.phone) changes.phone = dto.phone;
    const linkChanges = dto.ssoSubject !== undefined && dto.ssoSubject !== current.ssoSubject;
    const facility =
      dto.facilityCode !== undefined && dto.facilityCode !== current.facility.code
        ? await this.requireFacilityInForce(dto.facilityCode)
        : null;
    if (linkChanges || facility) {
      // Re-linking single sign-on or moving an account changes who may use it and what it sees.
      this.safety.assertNotOwnAccount(actor, id);
      this.safety.assertHoldsAdministration(actor, permissionsOfRow(current));
    }
    if (linkChanges) {
      if (dto.ssoSubject) await this.assertFree('ssoSubject', dto.ssoSubject, id);
      changes.ssoSubject = dto.ssoSubject;
    }
    if (Object.keys(changes).length === 0 && !facility) return toUserDto(current);
    if (!facility) return toUserDto(await this.users.update(id, changes).catch(conflictAsDomainError));
    const updated = await this.safety.exclusive(async (db) => {
      await this.safety.assertAdministratorsRemain(db, { account: { id, central: CENTRAL_KINDS.includes(facility.kind) } });
      return this.users.update(id, { ...changes, facilityId: facility.id }, db);
    });
    // Its sessions now act for another unit: principal and scope are read again.
    this.sessions.forgetUser(id);
    return toUserDto(updated);
  }

  /** Replaces the roles of an account; recorded as one ROLE_CHANGE event with the codes before and after. */
  async setUserRoles(actor: UserPrincipal, id: string, dto: SetUserRolesDto): Promise<UserDto> {
    const current = await this.requireVisible(id);
    this.safety.assertNotOwnAccount(actor, id);
    const roles = await this.resolveRoles(dto.roleCodes);
    this.safety.assertHoldsAdministration(actor, [...permissionsOfRow(current), ...roles.flatMap((r) => r.permissions)]);
    const before = current.roles.map((r) => r.role.code);
    const after = roles.map((r) => r.code).sort();
    if (before.length === after.length && before.every((code, i) => code === after[i])) return toUserDto(current);
    const updated = await this.safety.exclusive(async (db) => {
      await this.safety.assertAdministratorsRemain(db, { account: { id, roles } });
      return this.users.replaceRoles(
        id,
        roles.map((r) => r.id),
        db,
      );
    });
    this.sessions.forgetUser(id);
    await this.audit.record({
      action: 'ROLE_CHANGE',
      entityType: 'UserAccount',
      entityId: id,
      before: { roles: before },
      after: { roles: after },
      details: { username: current.username },
    });
    return toUserDto(updated);
  }

  /** The account if the caller may see it; 404 otherwise, whether it exists elsewhere or not at all. */
  async requireVisible(id: string): Promise<UserRow> {
    const row = await this.users.findById(id);
    if (!row) throw userNotFound();
    return row;
  }

  private async requireFacilityInForce(code: string) {
    const facility = await this.users.findFacilityByCode(code);
    if (!facility) {
      throw new DomainError('FACILITY_NOT_FOUND', `Không tìm thấy cơ sở mã ${code}`, 400, [
        { field: 'facilityCode', code: 'FACILITY_NOT_FOUND', message: `Không tìm thấy cơ sở mã ${code}` },
      ]);
    }
    const period = {
      validFrom: facility.validFrom && formatIsoDate(facility.validFrom),
      validTo: facility.validTo && formatIsoDate(facility.validTo),
    };
    if (!isValidOn(period, todayInVietnam())) {
      const message = `Cơ sở ${code} không còn hoạt động (hoặc chưa hoạt động) vào ngày hôm nay`;
      throw new DomainError('FACILITY_NOT_IN_FORCE', message, 400, [{ field: 'facilityCode', code: 'FACILITY_NOT_IN_FORCE', message }]);
    }
    return facility;
  }

  private async resolveRoles(codes: readonly string[]) {
    const roles = await this.users.findRolesByCodes(codes);
    const missing = codes.filter((code) => !roles.some((r) => r.code === code));
    if (missing.length > 0) {
      throw new DomainError(
        'ROLE_NOT_FOUND',
        `Không tìm thấy vai trò: ${missing.join(', ')}`,
        400,
        missing.map((code) => ({ field: 'roleCodes', code: 'ROLE_NOT_FOUND', message: `Không tìm thấy vai trò ${code}` })),
      );
    }
    return roles.sort((a, b) => a.code.localeCompare(b.code));
  }

  private async assertFree(field: 'username' | 'ssoSubject', value: string, exceptId?: string): Promise<void> {
    if (await this.users.isTaken(field, value, exceptId)) throw taken(field);
  }
}

function taken(field: 'username' | 'ssoSubject' | null): DomainError {
  if (field === 'username') {
    const message = 'Tên đăng nhập đã được dùng cho một tài khoản khác';
    return new DomainError('USERNAME_TAKEN', message, 409, [{ field, code: 'USERNAME_TAKEN', message }]);
  }
  if (field === 'ssoSubject') {
    const message = 'Mã liên kết đăng nhập một lần đã gắn với một tài khoản khác';
    return new DomainError('SSO_SUBJECT_TAKEN', message, 409, [{ field, code: 'SSO_SUBJECT_TAKEN', message }]);
  }
  return new DomainError('ACCOUNT_CONFLICT', 'Tên đăng nhập hoặc mã liên kết vừa được dùng cho một tài khoản khác', 409);
}

/** A unique violation that slipped between the check and the write (two administrators at once). */
function conflictAsDomainError(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = JSON.stringify(error.meta ?? {});
    throw taken(
      target.includes('sso_subject') || target.includes('ssoSubject') ? 'ssoSubject' : target.includes('username') ? 'username' : null,
    );
  }
  throw error;
}

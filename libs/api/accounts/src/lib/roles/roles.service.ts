import { Injectable } from '@nestjs/common';
import { SessionsService } from '@skss/api/auth';
import { DomainError, NotFoundError, Prisma, UserPrincipal } from '@skss/api/core';
import { knownPermissions, toPermissionDtos, toRoleDto } from '../accounts.mapper';
import { CreateRoleDto, PermissionDto, RoleDto, UpdateRoleDto } from '../dto/role.dto';
import { AdministrationSafety } from '../shared/administration-safety.service';
import { RoleFields, RoleRow, RolesRepository } from './roles.repository';

const roleNotFound = (code: string) => new NotFoundError('ROLE_NOT_FOUND', `Không tìm thấy vai trò ${code}`);
const roleInUse = (code: string) =>
  new DomainError('ROLE_IN_USE', `Vai trò ${code} đang được gán cho tài khoản: hãy gỡ vai trò khỏi các tài khoản trước khi xóa`, 409);

/**
 * Roles are sets of permissions (Điều 4.2: rights by function, duty and authority). The default
 * role of each facility kind is seeded as a system role: administrators may adjust it but not
 * delete it. Changes apply to the members' next request.
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly safety: AdministrationSafety,
    private readonly sessions: SessionsService,
  ) {}

  listPermissions(): PermissionDto[] {
    return toPermissionDtos();
  }

  async listRoles(): Promise<RoleDto[]> {
    return (await this.roles.findAll()).map(toRoleDto);
  }

  async getRole(code: string): Promise<RoleDto> {
    return toRoleDto(await this.requireRole(code));
  }

  async createRole(actor: UserPrincipal, dto: CreateRoleDto): Promise<RoleDto> {
    this.safety.assertHoldsAdministration(actor, dto.permissions, 'permissions');
    if (await this.roles.findByCode(dto.code)) throw codeTaken(dto.code);
    const row = await this.roles
      .create(dto.code, {
        name: dto.name,
        description: dto.description ?? null,
        permissions: knownPermissions(dto.permissions),
        requireTotp: dto.requireTotp ?? false,
      })
      .catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw codeTaken(dto.code);
        throw error;
      });
    return toRoleDto(row);
  }

  /** Changing a role that grants administration rights needs those rights; it may never remove the last administrator. */
  async updateRole(actor: UserPrincipal, code: string, dto: UpdateRoleDto): Promise<RoleDto> {
    const current = await this.requireRole(code);
    const fields: RoleFields = {};
    if (dto.name !== undefined && dto.name !== current.name) fields.name = dto.name;
    if (dto.description !== undefined && dto.description !== current.description) fields.description = dto.description;
    if (dto.requireTotp !== undefined && dto.requireTotp !== current.requireTotp) fields.requireTotp = dto.requireTotp;
    const permissions = dto.permissions ? knownPermissions(dto.permissions) : null;
    if (permissions && !sameSet(permissions, current.permissions)) fields.permissions = permissions;
    if (Object.keys(fields).length === 0) return toRoleDto(current);
    this.safety.assertHoldsAdministration(actor, [...current.permissions, ...(permissions ?? [])], 'permissions');
    const newPermissions = fields.permissions;
    const updated = newPermissions
      ? await this.safety.exclusive(async (db) => {
          await this.safety.assertAdministratorsRemain(db, { role: { code, permissions: newPermissions } });
          return this.roles.update(code, fields, db);
        })
      : await this.roles.update(code, fields);
    // Any session may hold the role: they all read their roles again.
    this.sessions.forgetAll();
    return toRoleDto(updated);
  }

  /** Only roles an administrator created, and only once no account holds them. */
  async deleteRole(actor: UserPrincipal, code: string): Promise<void> {
    const current = await this.requireRole(code);
    if (current.isSystem) {
      throw new DomainError('SYSTEM_ROLE', `Vai trò ${code} là vai trò mặc định của hệ thống (Điều 5), không thể xóa`, 409);
    }
    if (current._count.users > 0) throw roleInUse(code);
    this.safety.assertHoldsAdministration(actor, current.permissions, 'permissions');
    await this.roles.delete(code).catch((error: unknown) => {
      // An account received the role between the check and the delete.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003') throw roleInUse(code);
      throw error;
    });
  }

  private async requireRole(code: string): Promise<RoleRow> {
    const role = await this.roles.findByCode(code);
    if (!role) throw roleNotFound(code);
    return role;
  }
}

function codeTaken(code: string): DomainError {
  const message = `Mã vai trò ${code} đã được dùng`;
  return new DomainError('ROLE_CODE_TAKEN', message, 409, [{ field: 'code', code: 'ROLE_CODE_TAKEN', message }]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === new Set(b).size && a.every((x) => b.includes(x));
}

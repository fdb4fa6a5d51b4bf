import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@skss/api/core';
import type { Db } from '../users/users.repository';

const roleInclude = { _count: { select: { users: true } } } satisfies Prisma.RoleInclude;

export type RoleRow = Prisma.RoleGetPayload<{ include: typeof roleInclude }>;

export interface RoleFields {
  name?: string;
  description?: string | null;
  permissions?: string[];
  requireTotp?: boolean;
}

/** The only place that reads and writes the role table; every write is audited by the Prisma extension. */
@Injectable()
export class RolesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(): Promise<RoleRow[]> {
    return this.prisma.role.findMany({ include: roleInclude, orderBy: [{ isSystem: 'desc' }, { code: 'asc' }] });
  }

  findByCode(code: string, db: Db = this.prisma): Promise<RoleRow | null> {
    return db.role.findUnique({ where: { code }, include: roleInclude });
  }

  create(code: string, fields: Required<RoleFields>): Promise<RoleRow> {
    return this.prisma.role.create({ data: { code, ...fields, isSystem: false }, include: roleInclude });
  }

  update(code: string, fields: RoleFields, db: Db = this.prisma): Promise<RoleRow> {
    return db.role.update({ where: { code }, data: fields, include: roleInclude });
  }

  async delete(code: string): Promise<void> {
    await this.prisma.role.delete({ where: { code } });
  }
}

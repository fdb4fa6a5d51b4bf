import { Injectable } from '@nestjs/common';
import { DomainError, PrismaService, UserPrincipal } from '@skss/api/core';
import { PERMISSION_LABELS } from '@skss/domain';
import { Db, UsersRepository } from '../users/users.repository';
import { AdministrationChange, administrationNotHeld, removesLastAdministrator } from './administration-rules';

/**
 * Applies the administration rules of administration-rules.ts to requests: no action on one's own
 * account through the administration API, no escalation, and never without an administrator.
 */
@Injectable()
export class AdministrationSafety {
  constructor(
    private readonly prisma: PrismaService,
    private readonly users: UsersRepository,
  ) {}

  /**
   * Runs a change that could remove administration rights in one transaction that holds the
   * administration lock, so two concurrent changes cannot together remove the last administrator.
   */
  exclusive<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('skss:account-administration'))`;
      return work(tx);
    });
  }

  async assertAdministratorsRemain(db: Db, change: AdministrationChange): Promise<void> {
    const candidates = await this.users.administratorCandidates(db, change.account ? [change.account.id] : []);
    if (removesLastAdministrator(candidates, change)) {
      throw new DomainError(
        'LAST_ADMINISTRATOR',
        'Không thể thực hiện: hệ thống sẽ không còn tài khoản quản trị nào (cần ít nhất một tài khoản đang hoạt động của đơn vị trung ương có quyền quản lý tài khoản và vai trò)',
        409,
      );
    }
  }

  /** Account administration acts on other people's accounts; one's own goes through /auth (Điều 17.4). */
  assertNotOwnAccount(actor: UserPrincipal, userId: string): void {
    if (actor.userId === userId) {
      throw new DomainError(
        'OWN_ACCOUNT',
        'Không thể thực hiện thao tác quản trị này trên chính tài khoản của mình; hãy nhờ một quản trị viên khác',
        403,
      );
    }
  }

  /**
   * The caller must hold every administration permission that the roles involved grant: to give a
   * role, to change or take it away, and to act on (reset, disable, ...) an account that holds it.
   */
  assertHoldsAdministration(actor: UserPrincipal, permissions: readonly string[], field = 'roleCodes'): void {
    const missing = administrationNotHeld(actor.permissions, permissions);
    if (missing.length > 0) {
      throw new DomainError(
        'PERMISSION_NOT_HELD',
        'Không thể trao hoặc thay đổi quyền quản trị mà tài khoản của bạn không có',
        403,
        missing.map((permission) => ({
          field,
          code: 'PERMISSION_NOT_HELD',
          message: `Bạn không có quyền “${PERMISSION_LABELS[permission].vi}” (${permission})`,
        })),
      );
    }
  }
}

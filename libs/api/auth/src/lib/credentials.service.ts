import { Injectable } from '@nestjs/common';
import { AuditService, DomainError, PrismaService, UserPrincipal } from '@skss/api/core';
import { verifyPassword } from './passwords/password-hasher';
import { PasswordService } from './passwords/password.service';
import { SessionsService } from './sessions/sessions.service';

/** A user changing their own password: checks, stores, ends their other sessions. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async changeOwnPassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.prisma.raw.userAccount.findUniqueOrThrow({ where: { id: principal.userId } });
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new DomainError('CURRENT_PASSWORD_WRONG', 'Mật khẩu hiện tại không đúng', 400, [
        { field: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG', message: 'Mật khẩu hiện tại không đúng' },
      ]);
    }
    await this.passwords.assertAcceptable(user, newPassword);
    await this.passwords.setPassword(user, newPassword, { mustChange: false });
    const ended = await this.sessions.revokeAllForUser(user.id, 'password-changed', principal.sessionId);
    await this.audit.record({
      action: 'PASSWORD_CHANGE',
      entityType: 'UserAccount',
      entityId: user.id,
      details: { otherSessionsEnded: ended },
    });
  }
}

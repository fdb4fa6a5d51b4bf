import { Injectable } from '@nestjs/common';
import { authenticator } from 'otplib';
import { AuditService, DomainError, PrismaService } from '@skss/api/core';

const ISSUER = 'SKBMTE-SKSS';
authenticator.options = { window: 1 };

const invalidCode = () => new DomainError('TOTP_INVALID', 'Mã xác thực không đúng hoặc đã hết hạn', 400);

/** Optional TOTP second factor (RFC 6238), mandatory for members of roles that require it. */
@Injectable()
export class TotpService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  /** Starts enrolment: a new secret, not active until a code from it is confirmed. */
  async begin(userId: string, username: string): Promise<{ secret: string; otpauthUrl: string }> {
    const secret = authenticator.generateSecret();
    await this.prisma.raw.userAccount.update({ where: { id: userId }, data: { totpSecret: secret, totpEnabled: false } });
    return { secret, otpauthUrl: authenticator.keyuri(username, ISSUER, secret) };
  }

  async confirm(userId: string, code: string): Promise<void> {
    const user = await this.prisma.raw.userAccount.findUniqueOrThrow({ where: { id: userId } });
    if (!user.totpSecret) throw new DomainError('TOTP_NOT_STARTED', 'Chưa bắt đầu đăng ký xác thực hai lớp', 400);
    if (!authenticator.check(code, user.totpSecret)) throw invalidCode();
    await this.prisma.raw.userAccount.update({ where: { id: userId }, data: { totpEnabled: true } });
    await this.audit.record({ action: 'TOTP_ENABLED', entityType: 'UserAccount', entityId: userId });
  }

  async verify(userId: string, code: string): Promise<void> {
    const user = await this.prisma.raw.userAccount.findUniqueOrThrow({ where: { id: userId } });
    if (!user.totpEnabled || !user.totpSecret || !authenticator.check(code, user.totpSecret)) throw invalidCode();
  }
}

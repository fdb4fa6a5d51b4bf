import { Injectable } from '@nestjs/common';
import { hashToken, IntegrationBasicStrategy, newToken } from '@skss/api/auth';
import { ClientPrincipal, DomainError, PrismaService } from '@skss/api/core';

/** How long a token of the national login lasts; the vendor logs in again after it (docs/national-endpoint.md). */
export const NATIONAL_TOKEN_TTL_MINUTES = 60;
const MAX_TOKEN_LENGTH = 100;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

const invalidCredentials = () =>
  new DomainError('INVALID_CLIENT_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu của hệ thống liên thông không đúng', 401);
export const invalidToken = () =>
  new DomainError('NATIONAL_TOKEN_INVALID', 'Mã truy cập (token) không hợp lệ, vui lòng đăng nhập lại', 401);
export const expiredToken = () => new DomainError('NATIONAL_TOKEN_EXPIRED', 'Mã truy cập (token) đã hết hạn, vui lòng đăng nhập lại', 401);

/**
 * Tokens of the national endpoint's login (`tenDangNhap` = the integration account's client id,
 * `matKhau` = its secret). The credentials are checked by the same code as HTTP Basic (the
 * Passport strategy IntegrationBasicStrategy: constant-time, audited refusals); a token is 256
 * random bits of which only the SHA-256 is stored, valid NATIONAL_TOKEN_TTL_MINUTES, and dies
 * with the account (disabled, revoked) or its secret (rotated after the token was issued).
 */
@Injectable()
export class NationalTokenService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly basic: IntegrationBasicStrategy,
  ) {}

  async login(clientId: string, secret: string): Promise<IssuedToken> {
    const principal = await this.basic.validate(clientId, secret);
    if (!principal) throw invalidCredentials();
    const db = this.prisma.raw;
    const client = await db.integrationClient.findUniqueOrThrow({ where: { clientId: principal.clientId }, select: { id: true } });
    const token = newToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + NATIONAL_TOKEN_TTL_MINUTES * 60_000);
    await db.$transaction([
      db.nationalToken.deleteMany({ where: { clientId: client.id, expiresAt: { lt: now } } }),
      db.nationalToken.create({ data: { tokenHash: hashToken(token), clientId: client.id, issuedAt: now, expiresAt } }),
    ]);
    return { token, expiresAt };
  }

  /** The principal of a live token's account; a DomainError (401) saying why otherwise. */
  async verify(token: string): Promise<ClientPrincipal> {
    if (!token || token.length > MAX_TOKEN_LENGTH) throw invalidToken();
    const db = this.prisma.raw;
    const stored = await db.nationalToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!stored) throw invalidToken();
    if (stored.expiresAt.getTime() <= Date.now()) throw expiredToken();
    const client = await db.integrationClient.findUnique({
      where: { id: stored.clientId },
      include: { facilities: { select: { facilityId: true } } },
    });
    if (!client || client.status !== 'active' || client.revokedAt || (client.rotatedAt && client.rotatedAt > stored.issuedAt)) {
      throw invalidToken();
    }
    return {
      kind: 'client',
      clientId: client.clientId,
      facilityIds: new Set(client.facilities.map((f) => f.facilityId)),
      operations: new Set(client.operations),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig, PrismaService } from '@skss/api/core';
import { FACILITY_KIND_INFO } from '@skss/domain';
import { MeDto } from './dto/auth.dto';
import { passwordExpiresAt, pendingStep, permissionsOf } from './sessions/account-state';

/** The signed-in user as the console needs it: unit, roles, permissions and what is pending. */
@Injectable()
export class MeService {
  constructor(
    private readonly prisma: PrismaService,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  async describe(userId: string, session: { fullyAuthenticated: boolean; method?: string }): Promise<MeDto> {
    const user = await this.prisma.raw.userAccount.findUniqueOrThrow({
      where: { id: userId },
      include: { facility: true, roles: { include: { role: true }, orderBy: { role: { code: 'asc' } } } },
    });
    const expires = passwordExpiresAt(user, this.config);
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      facility: {
        code: user.facility.code,
        name: user.facility.name,
        kind: user.facility.kind,
        level: FACILITY_KIND_INFO[user.facility.kind].level,
      },
      roles: user.roles.map((r) => ({ code: r.role.code, name: r.role.name })),
      permissions: [...permissionsOf(user)].sort(),
      pending: pendingStep(user, session, this.config),
      passwordExpiresAt: expires ? expires.toISOString() : null,
      totpEnabled: user.totpEnabled,
      idleTimeoutSeconds: this.config.sessionIdleMinutes * 60,
    };
  }
}

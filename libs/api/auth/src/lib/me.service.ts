import { Injectable } from '@nestjs/common';
import { AppConfig, InjectAppConfig } from '@skss/api/core';
import { FACILITY_KIND_INFO } from '@skss/domain';
import { MeDto } from './dto/auth.dto';
import { passwordExpiresAt, pendingStep, permissionsOf } from './sessions/account-state';
import type { SessionAccount } from './sessions/session-lookup';

/**
 * The signed-in user as the console needs it: unit, roles, permissions and what is pending. Built
 * from the account the session was resolved with, so it costs no query of its own.
 */
@Injectable()
export class MeService {
  constructor(@InjectAppConfig() private readonly config: AppConfig) {}

  describe(user: SessionAccount, session: { fullyAuthenticated: boolean; method?: string }): MeDto {
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

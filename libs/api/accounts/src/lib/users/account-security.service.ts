import { Injectable } from '@nestjs/common';
import { PasswordService, SessionsService } from '@skss/api/auth';
import { AuditService, UserPrincipal } from '@skss/api/core';
import { toUserDto } from '../accounts.mapper';
import { InitialPasswordDto, UserDto } from '../dto/user.response.dto';
import { AdministrationSafety } from '../shared/administration-safety.service';
import { UserRow, UsersRepository } from './users.repository';
import { permissionsOfRow, UsersService } from './users.service';

/**
 * What an administrator does for an officer's access: disable and re-enable the account, lift a
 * lockout, issue a new initial password, reset the second factor, end the sessions. Each one acts
 * only on another person's account, in the caller's write scope, and is in the audit trail.
 */
@Injectable()
export class AccountSecurityService {
  constructor(
    private readonly users: UsersRepository,
    private readonly lookup: UsersService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly safety: AdministrationSafety,
    private readonly audit: AuditService,
  ) {}

  /** Disabled accounts cannot sign in and their sessions end at once (ASVS 7.4.2). */
  async disableUser(actor: UserPrincipal, id: string): Promise<UserDto> {
    const current = await this.target(actor, id);
    if (current.status === 'disabled') return toUserDto(current);
    const updated = await this.safety.exclusive(async (db) => {
      await this.safety.assertAdministratorsRemain(db, { account: { id, active: false } });
      return this.users.updateEndingSessions(id, { status: 'disabled' }, 'disabled', db);
    });
    this.sessions.forgetUser(id);
    return toUserDto(updated);
  }

  async enableUser(actor: UserPrincipal, id: string): Promise<UserDto> {
    const current = await this.target(actor, id);
    if (current.status === 'active') return toUserDto(current);
    return toUserDto(await this.users.update(id, { status: 'active' }));
  }

  /** Lifts a lockout after failed sign-ins; the failures before now no longer count. */
  async unlockUser(actor: UserPrincipal, id: string): Promise<UserDto> {
    const current = await this.target(actor, id);
    const updated = await this.users.update(id, { lockedUntil: new Date() });
    await this.audit.record({
      action: 'UNLOCK',
      entityType: 'UserAccount',
      entityId: id,
      before: { lockedUntil: current.lockedUntil },
      details: { username: current.username },
    });
    return toUserDto(updated);
  }

  /**
   * A new random initial password, shown once to the administrator: the officer must change it at
   * the next sign-in, and every open session of the account ends. Two-factor sign-in stays as it is.
   */
  async resetUserPassword(actor: UserPrincipal, id: string): Promise<InitialPasswordDto> {
    const current = await this.target(actor, id);
    const initialPassword = this.passwords.generateInitialPassword();
    await this.passwords.setPassword(current, initialPassword, { mustChange: true });
    const ended = await this.sessions.revokeAllForUser(id, 'password-reset');
    await this.audit.record({
      action: 'PASSWORD_RESET',
      entityType: 'UserAccount',
      entityId: id,
      details: { username: current.username, sessionsEnded: ended },
    });
    return { username: current.username, initialPassword };
  }

  /** For a lost or replaced phone: the officer enrols again at the next sign-in if a role requires it. */
  async resetUserTotp(actor: UserPrincipal, id: string): Promise<UserDto> {
    await this.target(actor, id);
    const updated = await this.users.updateEndingSessions(id, { totpEnabled: false, totpSecret: null }, 'totp-reset');
    this.sessions.forgetUser(id);
    return toUserDto(updated);
  }

  /** Ends every open session of the account (ASVS 7.4.5), e.g. after a device was lost. */
  async endUserSessions(actor: UserPrincipal, id: string): Promise<void> {
    const current = await this.target(actor, id);
    await this.users.updateEndingSessions(id, {}, 'ended-by-administrator');
    this.sessions.forgetUser(id);
    await this.audit.record({
      action: 'SIGN_OUT',
      entityType: 'UserAccount',
      entityId: id,
      details: { username: current.username, by: 'administrator' },
    });
  }

  /** Visible (else 404), someone else's, and holding no administration right the caller lacks. */
  private async target(actor: UserPrincipal, id: string): Promise<UserRow> {
    const current = await this.lookup.requireVisible(id);
    this.safety.assertNotOwnAccount(actor, id);
    this.safety.assertHoldsAdministration(actor, permissionsOfRow(current));
    return current;
  }
}

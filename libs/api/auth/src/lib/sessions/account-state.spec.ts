import type { AppConfig } from '@skss/api/core';
import { AccountLike, pendingStep } from './account-state';

const config = { adminPasswordMaxAgeDays: 183 } as AppConfig;
const now = new Date('2026-11-27T00:00:00Z');
const account = (overrides: Partial<AccountLike> = {}, permissions = ['org.read'], requireTotp = false): AccountLike => ({
  id: 'u',
  username: 'u',
  facilityId: 1,
  mustChangePassword: false,
  passwordChangedAt: new Date('2026-11-01T00:00:00Z'),
  totpEnabled: false,
  facility: { kind: 'COMMUNE_HEALTH_STATION' },
  roles: [{ role: { permissions, requireTotp } }],
  ...overrides,
});
const full = { fullyAuthenticated: true };

describe('pendingStep', () => {
  it('lets a settled account through', () => {
    expect(pendingStep(account(), full, config, now)).toBeNull();
  });

  it('asks for the initial password to be changed', () => {
    expect(pendingStep(account({ mustChangePassword: true }), full, config, now)).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('expires administrators’ passwords after six months but not others’', () => {
    const old = { passwordChangedAt: new Date('2026-05-20T00:00:00Z') };
    expect(pendingStep(account(old, ['users.manage']), full, config, now)).toBe('PASSWORD_EXPIRED');
    expect(pendingStep(account(old, ['reports.send']), full, config, now)).toBeNull();
    expect(pendingStep(account({ passwordChangedAt: new Date('2026-06-01T00:00:00Z') }, ['users.manage']), full, config, now)).toBeNull();
  });

  it('does not ask single sign-on sessions for this system’s password', () => {
    expect(pendingStep(account({ mustChangePassword: true }), { fullyAuthenticated: true, method: 'oidc' }, config, now)).toBeNull();
  });

  it('requires enrolment when a role demands two-factor, and the code when enrolled', () => {
    expect(pendingStep(account({}, ['org.read'], true), full, config, now)).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect(pendingStep(account({ totpEnabled: true }, ['org.read'], true), { fullyAuthenticated: false }, config, now)).toBe(
      'TOTP_REQUIRED',
    );
  });
});

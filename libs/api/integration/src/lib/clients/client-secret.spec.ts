import { hashToken } from '@skss/api/auth';
import { newClientId, newClientSecret } from './client-secret';

describe('integration client credentials', () => {
  it('makes ids that name the system and fit the id pattern', () => {
    expect(newClientId('HIS')).toMatch(/^his-[0-9a-f]{16}$/);
    expect(newClientId('HEALTH_STATISTICS')).toMatch(/^stats-[0-9a-f]{16}$/);
    expect(newClientId('YTCS')).not.toBe(newClientId('YTCS'));
  });

  it('makes 256-bit secrets and keeps only their SHA-256', () => {
    const { secret, hash } = newClientSecret();
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(hash).toBe(hashToken(secret));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    expect(newClientSecret().secret).not.toBe(secret);
  });
});

import { randomBytes } from 'node:crypto';
import { hashToken, newToken } from '@skss/api/auth';
import type { ExternalSystem } from '@skss/domain';

const CLIENT_ID_PREFIX: Readonly<Record<ExternalSystem, string>> = {
  HIS: 'his',
  YTCS: 'ytcs',
  E_HANDBOOK: 'handbook',
  HEALTH_STATISTICS: 'stats',
  EHR_REPOSITORY: 'ehr',
};

/** A public identifier telling which kind of system uses it, e.g. `his-3f9a0c5d7e21b4a6`. */
export function newClientId(system: ExternalSystem): string {
  return `${CLIENT_ID_PREFIX[system]}-${randomBytes(8).toString('hex')}`;
}

/**
 * A new secret (32 random bytes, base64url) and the hash that is stored in its place.
 *
 * SHA-256 is the right hash here, unlike for passwords: the secret is 256 bits from the CSPRNG,
 * not something a person chose, so it cannot be guessed from a dictionary and a slow hash
 * (Argon2) would add nothing but cost on every API call. The guard compares hashes in constant
 * time (libs/api/auth auth.guard.ts), with the same SHA-256 (`hashToken`).
 */
export function newClientSecret(): { secret: string; hash: string } {
  const secret = newToken();
  return { secret, hash: hashToken(secret) };
}

import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane), set explicitly so a
 * library default change cannot weaken them. tools/bench/sign-in.ts measures the cost.
 */
export const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A hash of a random password: verified against when the account does not exist, to equalise timing. */
export const TIMING_DECOY_HASH = hash('decoy-password-that-never-matches', ARGON2_OPTIONS);

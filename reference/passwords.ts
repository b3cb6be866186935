// Password hashing with scrypt: a fresh random salt per hash, constant-time comparison on verify.
// Passwords are hashed exactly as given (UTF-8 bytes): no trimming, truncation, case folding or
// Unicode normalisation, so two different strings never verify against each other.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const BLOCK_SIZE = 8; // scrypt r
const PARALLELISM = 1; // scrypt p

/** What the store keeps for one password. The cost travels with the hash so old hashes stay verifiable. */
export interface PasswordHash {
  readonly algorithm: 'scrypt';
  readonly cost: number; // scrypt N
  readonly salt: Buffer;
  readonly key: Buffer;
}

export async function hashPassword(password: string, cost: number): Promise<PasswordHash> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, cost);
  return { algorithm: 'scrypt', cost, salt, key };
}

export async function passwordMatches(password: string, stored: PasswordHash): Promise<boolean> {
  const key = await deriveKey(password, stored.salt, stored.cost);
  return timingSafeEqual(key, stored.key);
}

/** True when the password matches any of the hashes (used for the history rule, E002). */
export async function passwordMatchesAny(password: string, hashes: readonly PasswordHash[]): Promise<boolean> {
  for (const stored of hashes) {
    if (await passwordMatches(password, stored)) return true;
  }
  return false;
}

function deriveKey(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  // scrypt needs about 128 * N * r bytes; allow twice that so a high production cost does not hit the
  // default 32 MiB ceiling.
  const maxmem = 2 * 128 * cost * BLOCK_SIZE * PARALLELISM;
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(password, 'utf8'),
      salt,
      KEY_BYTES,
      { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem },
      (error, key) => {
        if (error) reject(error);
        else resolve(key);
      },
    );
  });
}

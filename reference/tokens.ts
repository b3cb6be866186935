// Reset tokens: the secret the customer receives by e-mail, and the digest the store keeps instead of it.
import { createHash } from 'node:crypto';
import { randomAlphanumeric } from './random-text.js';
import type { ResetRequest, ResetStore } from './store.js';

/** Length of issued tokens: 32 alphanumerics carry about 190 bits, above the 128 bits OWASP asks for. */
export const RESET_TOKEN_LENGTH = 32;

export function newResetToken(): string {
  return randomAlphanumeric(RESET_TOKEN_LENGTH);
}

/**
 * The store keeps only this SHA-256 digest, so a leaked database holds no usable token. Lookup is by exact
 * digest: no trimming, case folding or prefix match can make another string find a request.
 * A fast hash is enough here because the token itself has ~190 bits of entropy (unlike a password).
 */
export function resetTokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The reset request a submitted token names: the one stored under its digest. */
export function findByToken(store: ResetStore, token: string): ResetRequest | undefined {
  return store.findResetRequest(resetTokenDigest(token));
}

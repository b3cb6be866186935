// Reset tokens: the secret the customer receives by e-mail, and the digest the store keeps instead of it.
import { createHash } from 'node:crypto';
import { NO_FAULTS } from './faults.js';
import type { FaultSet } from './faults.js';
import { randomAlphanumeric } from './random-text.js';

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
export function resetTokenDigest(token: string, faults: FaultSet = NO_FAULTS): string {
  let compared = token;
  if (faults.has('token-case-insensitive')) compared = compared.toLowerCase();
  if (faults.has('token-trimmed')) compared = compared.trim();
  if (faults.has('token-prefix-match')) compared = compared.slice(0, 16);
  if (faults.has('token-url-decoded')) compared = safeDecode(compared);
  if (faults.has('token-dashes-stripped')) compared = compared.replace(/-/g, '');
  return createHash('sha256').update(compared, 'utf8').digest('hex');
}

/** Fault token-url-decoded: the lookup decodes percent-escapes first (leaves undecodable text as it is). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

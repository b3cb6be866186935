// Random alphanumeric strings from the operating system's CSPRNG, used for reset tokens, API keys and
// the state-hook token.
import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// 248 is the largest multiple of 62 that fits in a byte. Bytes at or above it are thrown away
// (rejection sampling), so `byte % 62` picks every character with exactly the same probability.
const UNBIASED_BYTE_LIMIT = 256 - (256 % ALPHANUMERIC.length);

/** A string of `length` characters from [A-Za-z0-9], each one uniformly random (about 5.95 bits). */
export function randomAlphanumeric(length: number): string {
  let text = '';
  while (text.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte >= UNBIASED_BYTE_LIMIT) continue;
      text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
      if (text.length === length) break;
    }
  }
  return text;
}

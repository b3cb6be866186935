// Reading and validating the endpoint's JSON body. Every failure is described by naming the field or the
// rule, never by quoting the submitted value (it may be a password or a token).
import { normalizeCustomerRealIp } from './customer-ip.js';
import type { CustomerIpResult } from './customer-ip.js';
import { BIZKITHUB_BEHAVIOUR } from './variations.js';
import type { ReferenceVariations } from './variations.js';

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

// fatal: reject invalid UTF-8 instead of replacing it with U+FFFD. ignoreBOM: keep a leading byte order
// mark in the text, so JSON.parse refuses it like any other stray character.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as a JSON value. Bytes must be valid UTF-8 and one JSON text. Duplicate member names are read
 * as JSON.parse reads them: the last one wins.
 */
export function parseJsonBody(bytes: Uint8Array): Checked<unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: 'body must be valid UTF-8' };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false, problem: 'body must be valid JSON' };
  }
}

export interface SetNewPasswordBody {
  readonly token: string;
  readonly password: string;
  /** The normalized address, or null when the field was absent. */
  readonly customerRealIp: string | null;
}

/**
 * The fields the endpoint uses. Unknown members (including apiKey) are ignored: they can never pick the
 * account, which only the token does.
 */
export function readSetNewPasswordBody(
  json: unknown,
  variations: ReferenceVariations = BIZKITHUB_BEHAVIOUR,
  normalizeIp: (value: unknown, variations: ReferenceVariations) => CustomerIpResult = normalizeCustomerRealIp,
): Checked<SetNewPasswordBody> {
  if (!isJsonObject(json)) return { ok: false, problem: 'body must be a JSON object' };

  const token = requiredText(json, 'token');
  if (!token.ok) return token;
  const password = requiredText(json, 'password');
  if (!password.ok) return password;

  let customerRealIp: string | null = null;
  // Variation: null is read as an absent field.
  const ipPresent = Object.hasOwn(json, 'customerRealIp') && !(variations.acceptNullIp && json.customerRealIp === null);
  if (ipPresent) {
    const ip = normalizeIp(json.customerRealIp, variations);
    if (!ip.valid) return { ok: false, problem: 'customerRealIp must be an IPv4 or IPv6 address' };
    customerRealIp = ip.ip;
  }

  // The password is kept exactly as sent: no trimming, truncation or normalisation.
  return { ok: true, value: { token: token.value, password: password.value, customerRealIp } };
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A member of the object itself; inherited names such as "constructor" do not count. */
export function ownMember(object: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(object, name) ? object[name] : undefined;
}

/** The object's own member `name` as a non-empty, well-formed string. */
export function requiredText(object: Record<string, unknown>, name: string): Checked<string> {
  return checkText(name, ownMember(object, name));
}

/** `value` as a non-empty, well-formed string; `name` is what a problem calls it. */
export function checkText(name: string, value: unknown): Checked<string> {
  if (typeof value !== 'string' || value === '') return { ok: false, problem: `${name} must be a non-empty string` };
  if (hasLoneSurrogate(value)) {
    return { ok: false, problem: `${name} must be well-formed Unicode (no unpaired surrogates)` };
  }
  return { ok: true, value };
}

/**
 * JSON escapes such as "\uD800" can produce text that has no UTF-8 encoding (RFC 8259 §8.2). Hashing it
 * would silently turn it into U+FFFD, so such strings are refused instead.
 */
function hasLoneSurrogate(text: string): boolean {
  // With the u flag a valid surrogate pair is one code point, so only unpaired halves match \p{Cs}.
  return /\p{Cs}/u.test(text);
}

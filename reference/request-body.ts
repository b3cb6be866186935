// Reading and validating the endpoint's JSON body. Every failure is described by naming the field or the
// rule, never by quoting the submitted value (it may be a password or a token).
import { normalizeCustomerRealIp } from './customer-ip.js';
import { NO_FAULTS } from './faults.js';
import type { FaultSet } from './faults.js';
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
export function parseJsonBody(bytes: Uint8Array, faults: FaultSet = NO_FAULTS): Checked<unknown> {
  let decoder = utf8;
  if (faults.has('invalid-utf8-replaced')) decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, problem: 'body must be valid UTF-8' };
  }
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch (error) {
    if (faults.has('malformed-json-stack-trace')) return { ok: false, problem: String((error as Error).stack) };
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
  faults: FaultSet = NO_FAULTS,
  variations: ReferenceVariations = BIZKITHUB_BEHAVIOUR,
): Checked<SetNewPasswordBody> {
  // The thrown errors stand for what the buggy code would throw; the fallback handler answers 500.
  if (faults.has('null-body-500') && json === null) throw new TypeError("Cannot read properties of null (reading 'token')");
  if (!isJsonObject(json)) return { ok: false, problem: 'body must be a JSON object' };
  if (faults.has('non-string-token-500') && typeof json.token !== 'string' && Boolean(json.token)) {
    throw new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
  }

  const token = requiredText(json, 'token');
  if (!token.ok) return token;
  let password = requiredText(json, 'password');
  if (faults.has('empty-password-accepted') && json.password === '') password = { ok: true, value: '' };
  if (!password.ok) return password;

  let customerRealIp: string | null = null;
  // Variation: null is read as an absent field.
  const ipPresent = Object.hasOwn(json, 'customerRealIp') && !(variations.acceptNullIp && json.customerRealIp === null);
  if (ipPresent) {
    const ip = normalizeCustomerRealIp(json.customerRealIp, faults, variations);
    if (!ip.valid) return { ok: false, problem: 'customerRealIp must be an IPv4 or IPv6 address' };
    customerRealIp = ip.ip;
  }

  let chosen = password.value;
  if (faults.has('blank-password-rejected') && chosen.trim() === '') return { ok: false, problem: 'password must not be blank' };
  if (faults.has('password-trimmed')) chosen = chosen.trim();
  if (faults.has('password-trimmed-if-unicode') && [...chosen].some((c) => (c.codePointAt(0) ?? 0) > 0x7f)) chosen = chosen.trim();
  // A C string underneath: the password ends at its first NUL.
  if (faults.has('password-cut-at-nul')) chosen = chosen.split('\u0000')[0] ?? '';
  // A second unescaping pass (a framework's and then the app's): \u0041 becomes A, \" becomes ".
  if (faults.has('password-unescaped-twice')) chosen = unescapedOnceMore(chosen);
  if (faults.has('password-truncated')) chosen = Buffer.from(chosen, 'utf8').subarray(0, 72).toString('utf8');
  return { ok: true, value: { token: token.value, password: chosen, customerRealIp } };
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

/** Fault password-unescaped-twice: JSON string escapes read once more (text that is no valid escape stays). */
function unescapedOnceMore(text: string): string {
  try {
    return JSON.parse(`"${text.replace(/(?<!\\)"/g, '\\"')}"`) as string;
  } catch {
    return text;
  }
}

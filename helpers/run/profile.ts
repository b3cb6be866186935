// Loads the profile: the target's choices where the docs are silent (built-in `bizkithub` or a JSON file).
// A file names only the keys it changes; every other key is inherited from `bizkithub` (deep merge), and the
// merged result is what the schema validates.
import { readFileSync } from 'node:fs';
import { ConfigError } from './config.js';
import { describeErrors, validator } from './json-schemas.js';

export type BusinessCode = 'E001' | 'E002' | 'E003' | 'E004';

export interface PlatformErrorChoice {
  status: number;
  code: string;
}

/** Which validation failure: `syntax` (not JSON, not an object) or `field` (a field's value). */
export type ValidationKind = 'syntax' | 'field';

export interface Profile {
  name: string;
  description?: string;
  businessErrorStatus: Record<BusinessCode, number>;
  /** customer: {success: false, errorCode, message}; platform: {error: {code, message, description}}. */
  businessErrorEnvelope: 'customer' | 'platform';
  /** The default validation error, with optional overrides per kind. */
  validationError: PlatformErrorChoice & Partial<Record<ValidationKind, PlatformErrorChoice>> & { namesField?: boolean };
  extraBodyProperties: 'allowed' | 'forbidden';
  /** Shortest acceptable password in code points; 1 = any non-empty string. */
  passwordPolicy: { minLength: number };
  /** Passwords (current included) that answer E002; null = all. */
  historyDepth: number | null;
  customerRealIp: { acceptZoneId: boolean; acceptNull: boolean; ipv4MappedRecordedAs: 'either' | 'ipv4' | 'ipv6' };
  raceLoserCodes: ('E003' | 'E001')[];
  /** Business errors that may consume the token (the retry may answer E003); bizkithub: none. */
  tokenConsumedBy: ('E001' | 'E002')[];
  sampleKeyCode: 'PUBLIC_API_KEY_SAMPLE_VALUE' | 'PUBLIC_API_KEY_DOES_NOT_EXIST';
  keyBeforeUnparsableBody: boolean;
  contentType: 'strict' | 'lenient';
  /** A failing change with a history password answers E002 (true) or may answer E001 (false). */
  historyBeforeChange: boolean;
  /** A rejected request leaves the recorded customerRealIp as it was (true), or the target records every attempt's. */
  recordedIpKeptOnRejection: boolean;
  /** How long past its lifetime a reset request may still be honoured, in ms (1500: expiry kept in whole seconds). */
  expiryToleranceMs: number;
}

const DEFAULT_PROFILE = 'bizkithub';
const BUILT_IN: Record<string, URL> = {
  bizkithub: new URL('../../fixtures/profiles/bizkithub.json', import.meta.url),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `override` laid over `base`: objects merge key by key; arrays, scalars and null replace. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = key in base ? deepMerge(base[key], value) : value;
  return merged;
}

function readJson(nameOrPath: string): unknown {
  const source = BUILT_IN[nameOrPath] ?? nameOrPath;
  try {
    return JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CONFORMANCE_PROFILE "${nameOrPath}" is neither a built-in profile nor a readable JSON file (${(error as Error).message})`);
  }
}

/** A profile object (for example a file's content) merged over `bizkithub` and validated. */
export function resolveProfile(data: unknown, label: string): Profile {
  if (!isPlainObject(data)) throw new ConfigError(`CONFORMANCE_PROFILE "${label}" is invalid: it must be a JSON object`);
  const merged = label === DEFAULT_PROFILE ? data : deepMerge(readJson(DEFAULT_PROFILE), data);
  const validate = validator('profile');
  if (!validate(merged)) {
    throw new ConfigError(`CONFORMANCE_PROFILE "${label}" is invalid: ${describeErrors(validate)}`);
  }
  return merged as Profile;
}

/** `bizkithub` or a path to a profile JSON file; throws ConfigError when it is unreadable or invalid. */
export function loadProfile(nameOrPath: string): Profile {
  return resolveProfile(readJson(nameOrPath), nameOrPath);
}

/** The error a validation failure of this kind gets (the per-kind override, else the default). */
export function validationErrorFor(profile: Profile, kind: ValidationKind): PlatformErrorChoice {
  const { status, code } = profile.validationError[kind] ?? profile.validationError;
  return { status, code };
}

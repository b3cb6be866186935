// Reads the suite's CONFORMANCE_* settings once and rejects anything malformed with a one-line error,
// so a run never starts half-configured (the contract's exit code 2).
import { existsSync } from 'node:fs';
import { API_KEY_PATTERN } from '../fixtures/api-key-rule.js';

export type Mode = 'full' | 'safe';

export interface SuiteConfig {
  /** null: start the embedded reference implementation. */
  baseUrl: string | null;
  apiKey: string | null;
  stateUrl: string | null;
  stateToken: string | null;
  mode: Mode;
  /** Why the mode is what it is, printed in the first lines of a run. */
  modeReason: string;
  strict: boolean;
  /** null: pick a random seed for this run (and print it). */
  seed: number | null;
  profile: string;
  expectationsPath: string | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function setting(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function httpUrl(env: Env, name: string): string | null {
  const raw = setting(env, name);
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: expected http(s)://host[:port][/prefix]`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, not ${url.protocol.replace(':', '')}`);
  }
  if (url.search || url.hash) throw new ConfigError(`${name} must not carry a query string or fragment`);
  return raw.replace(/\/+$/, '');
}

function flag(env: Env, name: string): boolean {
  const raw = setting(env, name);
  if (raw === null || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
}

function seed(env: Env): number | null {
  const raw = setting(env, 'CONFORMANCE_SEED');
  if (raw === null) return null;
  if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2 ** 31 - 1) {
    throw new ConfigError(`CONFORMANCE_SEED must be a whole number from 0 to ${2 ** 31 - 1}, got "${raw}"`);
  }
  return Number(raw);
}

function mode(env: Env, apiKey: string | null): { mode: Mode; modeReason: string } {
  const requested = setting(env, 'CONFORMANCE_MODE');
  const destructiveAllowed = flag(env, 'CONFORMANCE_ALLOW_DESTRUCTIVE');
  const productionKey = apiKey?.startsWith('PROD') ?? false;
  if (requested !== null && requested !== 'full' && requested !== 'safe') {
    throw new ConfigError(`CONFORMANCE_MODE must be "full" or "safe", got "${requested}"`);
  }
  if (requested === 'safe') return { mode: 'safe', modeReason: 'CONFORMANCE_MODE=safe' };
  if (productionKey && !destructiveAllowed) {
    if (requested === 'full') {
      throw new ConfigError('CONFORMANCE_MODE=full with a PROD key changes real data: set CONFORMANCE_ALLOW_DESTRUCTIVE=1 to allow it');
    }
    return { mode: 'safe', modeReason: 'the API key has the PROD prefix (set CONFORMANCE_ALLOW_DESTRUCTIVE=1 for full mode)' };
  }
  return { mode: 'full', modeReason: requested === 'full' ? 'CONFORMANCE_MODE=full' : 'default' };
}

/** Parses and validates the settings; throws ConfigError with a one-line message. */
export function readConfig(env: Env = process.env): SuiteConfig {
  const baseUrl = httpUrl(env, 'CONFORMANCE_BASE_URL');
  const apiKey = setting(env, 'CONFORMANCE_API_KEY');
  const stateUrl = httpUrl(env, 'CONFORMANCE_STATE_URL');
  const stateToken = setting(env, 'CONFORMANCE_STATE_TOKEN');

  if (apiKey !== null && !API_KEY_PATTERN.test(apiKey)) {
    throw new ConfigError('CONFORMANCE_API_KEY does not match ^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$');
  }
  if (baseUrl !== null && apiKey === null) {
    throw new ConfigError('CONFORMANCE_BASE_URL is set but CONFORMANCE_API_KEY is not: the suite needs a valid key of the target');
  }
  if (baseUrl === null && (apiKey !== null || stateUrl !== null || stateToken !== null)) {
    throw new ConfigError('CONFORMANCE_API_KEY/STATE_URL/STATE_TOKEN are set without CONFORMANCE_BASE_URL: set the target too, or unset them to use the embedded reference');
  }
  const { mode: runMode, modeReason } = mode(env, apiKey);
  if (runMode === 'full' && baseUrl !== null && stateUrl === null) {
    throw new ConfigError('full mode against an external target needs CONFORMANCE_STATE_URL (or set CONFORMANCE_MODE=safe)');
  }

  const expectationsPath = setting(env, 'CONFORMANCE_EXPECTATIONS');
  if (expectationsPath !== null && !existsSync(expectationsPath)) {
    throw new ConfigError(`CONFORMANCE_EXPECTATIONS names a file that does not exist: ${expectationsPath}`);
  }

  return {
    baseUrl,
    apiKey,
    stateUrl,
    stateToken,
    mode: runMode,
    modeReason,
    strict: flag(env, 'CONFORMANCE_STRICT'),
    seed: seed(env),
    profile: setting(env, 'CONFORMANCE_PROFILE') ?? 'bizkithub',
    expectationsPath,
  };
}

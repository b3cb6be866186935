// Reads the suite's CONFORMANCE_* settings once and rejects anything malformed with a one-line error,
// so a run never starts half-configured (the contract's exit code 2).
import { existsSync } from 'node:fs';
import { API_KEY_PATTERN } from '../../fixtures/api-key-rule.js';

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
  /** Request starts per second to the target for the whole run; null: no cap. */
  rate: number | null;
  /** Requests in flight at most, for the whole run. */
  concurrency: number;
  timeoutMs: number;
  /** Where the run writes its reports (CONFORMANCE_REPORTS_DIR). */
  reportsDir: string;
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

function positiveInteger(env: Env, name: string, max: number): number | null {
  const raw = setting(env, name);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new ConfigError(`${name} must be a whole number from 0 to ${max}, got "${raw}"`);
  return Number(raw);
}

/** 127.0.0.0/8, ::1 and localhost: traffic that never leaves this machine. */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The platform refuses plain HTTP and the key would travel in clear: only loopback, unless allowed. */
function refuseInsecure(env: Env, name: string, url: string | null): void {
  if (url === null || !url.startsWith('http:') || isLoopback(url) || flag(env, 'CONFORMANCE_ALLOW_INSECURE_HTTP')) return;
  throw new ConfigError(`${name} uses plain http:// to a non-loopback host: the API key would travel in clear (set CONFORMANCE_ALLOW_INSECURE_HTTP=1 to allow it)`);
}

/** Gentle for production (safe mode), brisk for staging, unthrottled on loopback. */
function politeness(env: Env, baseUrl: string | null, runMode: Mode): Pick<SuiteConfig, 'rate' | 'concurrency' | 'timeoutMs'> {
  const local = baseUrl === null || isLoopback(baseUrl);
  const defaults = local ? { rate: null, concurrency: 32 } : runMode === 'safe' ? { rate: 5, concurrency: 2 } : { rate: 20, concurrency: 8 };
  const rate = positiveInteger(env, 'CONFORMANCE_RATE', 10_000);
  const concurrency = positiveInteger(env, 'CONFORMANCE_CONCURRENCY', 256);
  if (concurrency === 0) throw new ConfigError('CONFORMANCE_CONCURRENCY must be at least 1');
  return {
    rate: rate === null ? defaults.rate : rate === 0 ? null : rate,
    concurrency: concurrency ?? defaults.concurrency,
    timeoutMs: positiveInteger(env, 'CONFORMANCE_TIMEOUT_MS', 600_000) ?? 15_000,
  };
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
  refuseInsecure(env, 'CONFORMANCE_BASE_URL', baseUrl);
  refuseInsecure(env, 'CONFORMANCE_STATE_URL', stateUrl);
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
    reportsDir: setting(env, 'CONFORMANCE_REPORTS_DIR') ?? 'reports',
    ...politeness(env, baseUrl, runMode),
  };
}

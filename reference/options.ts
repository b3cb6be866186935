// Settings of the reference implementation, and their defaults.
import { API_KEY_FORMAT, DOCUMENTATION_SAMPLE_KEY } from './api-key.js';
import { bodyLimitOfFaults, variationsOfFaults } from './fault-patches.js';
import { faultSet } from './faults.js';
import type { FaultName, FaultSet } from './faults.js';
import { randomAlphanumeric } from './random-text.js';
import { resolveVariations } from './variations.js';
import type { ReferenceVariations } from './variations.js';

/** One answered request, for a log line. It holds no query string, header or body: those carry secrets. */
export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly statusCode: number;
  readonly durationMs: number;
}

export interface ReferenceOptions {
  /** Active API keys. Default: one freshly generated `DEV_` key. */
  apiKeys?: string[];
  /** Keys that exist but are deactivated (answer PUBLIC_API_KEY_IS_NOT_ACTIVE). Default: none. */
  inactiveApiKeys?: string[];
  /** Bearer token of the state hook. Default: 32 random alphanumerics. */
  stateToken?: string;
  /**
   * scrypt cost N (a power of two). Default 16: the reference keeps synthetic passwords in memory, and no
   * answer depends on the cost, so a higher one would only be the target's CPU inside every measured run
   * (N = 1024 cost ~2 CPU-s per full run: 969 hashes). A deployment storing real passwords uses far more
   * (OWASP's Password Storage Cheat Sheet: N = 2^17 with r = 8, p = 1).
   */
  scryptCost?: number;
  /** Largest accepted request body in bytes; a larger one gets 413. Default 64 KiB. */
  bodyLimitBytes?: number;
  /** The clock, in epoch milliseconds. Default Date.now. Tests replace it to reach expiry. */
  now?: () => number;
  /** Called once per answered request. Default: nothing is logged. */
  requestLog?: (entry: RequestLogEntry) => void;
  /**
   * Known bugs to switch on (see faults.ts), for the suite's self-validation only. Default: none, which
   * is the correct reference. No request can change this; only the code that starts the reference.
   */
  faults?: readonly FaultName[];
  /** Legitimate variations (variations.ts), for the suite's "vendors must pass" tests. Default: bizkithub's behaviour. */
  variations?: Partial<ReferenceVariations>;
}

export interface ResolvedOptions {
  readonly apiKeys: readonly string[];
  readonly inactiveApiKeys: readonly string[];
  readonly stateToken: string;
  readonly scryptCost: number;
  readonly bodyLimitBytes: number;
  readonly now: () => number;
  readonly requestLog: ((entry: RequestLogEntry) => void) | undefined;
  readonly faults: FaultSet;
  readonly variations: ReferenceVariations;
}

export const DEFAULT_SCRYPT_COST = 16;
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

/** Fills in defaults and refuses settings that could never work (a mistake should fail at start-up). */
export function resolveOptions(options: ReferenceOptions = {}): ResolvedOptions {
  const apiKeys = options.apiKeys ?? [generateDevApiKey()];
  if (apiKeys.length === 0) throw new Error('ReferenceOptions.apiKeys: give at least one key');
  const inactiveApiKeys = options.inactiveApiKeys ?? [];
  for (const key of [...apiKeys, ...inactiveApiKeys]) {
    if (!API_KEY_FORMAT.test(key) || key === DOCUMENTATION_SAMPLE_KEY) {
      throw new Error('ReferenceOptions: every API key must match the documented format and not be the sample key');
    }
  }

  const stateToken = options.stateToken ?? randomAlphanumeric(32);
  if (stateToken === '') throw new Error('ReferenceOptions.stateToken must not be empty');

  const scryptCost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  if (!Number.isInteger(scryptCost) || scryptCost < 2 || (scryptCost & (scryptCost - 1)) !== 0) {
    throw new Error('ReferenceOptions.scryptCost must be a power of two, at least 2');
  }

  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1) {
    throw new Error('ReferenceOptions.bodyLimitBytes must be a positive integer');
  }

  return {
    apiKeys,
    inactiveApiKeys,
    stateToken,
    scryptCost,
    // A fault may ship its own limit and variations (fault-patches.ts); with none, the settings stand.
    bodyLimitBytes: bodyLimitOfFaults(faultSet(options.faults)) ?? bodyLimitBytes,
    now: options.now ?? Date.now,
    requestLog: options.requestLog,
    faults: faultSet(options.faults),
    variations: resolveVariations({ ...options.variations, ...variationsOfFaults(faultSet(options.faults)) }),
  };
}

/** A key of the individual-developer kind: "DEV_" and 28 random alphanumerics. */
function generateDevApiKey(): string {
  return `DEV_${randomAlphanumeric(28)}`;
}

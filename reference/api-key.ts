// The API-key pipeline, in the platform's documented order: presence, format, sample key, registry
// (exists), active. It runs before anything else looks at the request, and a rejected key changes nothing.
import { createHash } from 'node:crypto';
import type { PlatformErrorCode } from './platform-error.js';
import { isJsonObject, ownMember } from './request-body.js';

/** Documented key format: a 4-character prefix and 28 alphanumerics, 32 characters in all. */
export const API_KEY_FORMAT = /^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$/;

/** The example key printed in BizKitHub's documentation. It never works, and says so with its own code. */
export const DOCUMENTATION_SAMPLE_KEY = 'PRODPGrFxpGEtrOZfuWhnoJohUYBXuOE';

/** Where a request may carry its key. */
export interface ApiKeySources {
  /** The raw query string (after "?"), or undefined when the URL has none. */
  readonly rawQuery: string | undefined;
  readonly authorizationHeader: string | undefined;
  /** The request body parsed as JSON, or undefined when it is not JSON. */
  readonly jsonBody: unknown;
}

/**
 * The key the request presents, or undefined when it presents none. Precedence (the docs leave it open):
 * the query parameter `apiKey`, then `Authorization: Bearer`, then the JSON body's `apiKey`; the first one
 * present wins, even when it is empty. Nothing is trimmed: a key with surrounding spaces is not well-formed.
 */
export function presentedApiKey(sources: ApiKeySources): string | undefined {
  return fromQuery(sources.rawQuery) ?? fromBearerHeader(sources.authorizationHeader) ?? fromJsonBody(sources.jsonBody);
}

function fromQuery(rawQuery: string | undefined): string | undefined {
  if (rawQuery === undefined) return undefined;
  const values = new URLSearchParams(rawQuery).getAll('apiKey');
  // A repeated parameter is ambiguous (a gateway and the application may pick different copies), so it
  // is refused as not well-formed: the copies are joined with a comma, which the key format never allows.
  if (values.length > 1) return values.join(',');
  return values[0];
}

function fromBearerHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  // The scheme name is case-insensitive (RFC 9110 §11.1). Node has already trimmed the header value, so
  // "Bearer " arrives as "Bearer": a Bearer header with no key, which counts as an empty key.
  if (/^bearer$/i.test(header)) return '';
  const match = /^bearer +(.*)$/is.exec(header);
  return match?.[1];
}

function fromJsonBody(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const value = ownMember(body, 'apiKey');
  return typeof value === 'string' ? value : undefined;
}

export type ApiKeyStatus = 'active' | 'inactive' | 'expired';

/** The keys the platform knows. It keeps digests (SHA-256 by default), not the keys themselves. */
export class ApiKeyRegistry {
  readonly #statusByDigest = new Map<string, ApiKeyStatus>();
  readonly #digest: (key: string) => string;

  constructor(activeKeys: readonly string[], inactiveKeys: readonly string[] = [], digest: (key: string) => string = apiKeyDigest) {
    this.#digest = digest;
    for (const key of inactiveKeys) this.add(key, 'inactive');
    for (const key of activeKeys) this.add(key, 'active');
  }

  statusOf(key: string): ApiKeyStatus | undefined {
    return this.#statusByDigest.get(this.#digest(key));
  }

  /** Adds a key (the state hook's "inactive api key" and "expired api key"). */
  add(key: string, status: ApiKeyStatus): void {
    this.#statusByDigest.set(this.#digest(key), status);
  }
}

/** Exact lookup: the SHA-256 digest of the key as presented. */
export function apiKeyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The platform error for the presented key, or null when the key may use the endpoint. */
export function apiKeyProblem(
  key: string | undefined,
  registry: ApiKeyRegistry,
  format: RegExp = API_KEY_FORMAT,
): PlatformErrorCode | null {
  if (key === undefined || key === '') return 'PUBLIC_API_KEY_IS_EMPTY';
  if (!format.test(key)) return 'PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT';
  if (key === DOCUMENTATION_SAMPLE_KEY) return 'PUBLIC_API_KEY_SAMPLE_VALUE';
  const status = registry.statusOf(key);
  if (status === undefined) return 'PUBLIC_API_KEY_DOES_NOT_EXIST';
  if (status === 'inactive') return 'PUBLIC_API_KEY_IS_NOT_ACTIVE';
  if (status === 'expired') return 'PUBLIC_API_KEY_HAS_BEEN_EXPIRED';
  return null;
}

// Legitimate variations of the reference: behaviour a correct implementation may choose where the docs
// leave a point open (or a gateway in front of it adds). The suite must judge each one conformant when
// given the matching vendor profile (test/self-validation/legitimate-variants.test.ts). They are settled
// once, when the app is built; no request can change them. The default is the bizkithub behaviour.
import type { BusinessErrorCode } from './business-errors.js';

export interface ReferenceVariations {
  /** `Server: nginx/1.25.3` and `X-Powered-By: PHP/8.2.12` on every answer, as a front end adds them. */
  readonly versionBanner: boolean;
  /** A CDN's bot-management cookie (`__cf_bm`) on every answer. */
  readonly cdnCookie: boolean;
  /** A reverse proxy answers oversized bodies (413) and wrong methods (405) with its own HTML page. */
  readonly gatewayPages: boolean;
  /** Shortest acceptable password in code points (1: any non-empty string). */
  readonly passwordMinLength: number;
  /** Status of field validation errors (missing/ill-typed field, invalid IP, short password); syntax errors keep 400. */
  readonly fieldValidationStatus: number;
  /** What the losers of concurrent submissions of one token get. */
  readonly raceLoserCode: 'E003' | 'E001';
  /** Passwords, current included, that answer E002; null: all of them. */
  readonly historyDepth: number | null;
  /** fe80::1%eth0 passes validation (recorded without the zone). */
  readonly acceptZoneId: boolean;
  /** customerRealIp null is read as an absent field. */
  readonly acceptNullIp: boolean;
  /** ::ffff:a.b.c.d is recorded as a.b.c.d. */
  readonly ipv4MappedAsIpv4: boolean;
  /** HTTP status of each business error. */
  readonly businessErrorStatus: Readonly<Record<BusinessErrorCode, number>>;
  /** The body of E001–E004: the customer-endpoint envelope, or the platform envelope {error: {code, ...}}. */
  readonly businessErrorEnvelope: 'customer' | 'platform';
  /** Business errors that consume the token (the customer must ask for a new one). */
  readonly tokenConsumedBy: readonly ('E001' | 'E002')[];
  /** The platform code for the docs' sample key. */
  readonly sampleKeyCode: 'PUBLIC_API_KEY_SAMPLE_VALUE' | 'PUBLIC_API_KEY_DOES_NOT_EXIST';
  /** How long past its lifetime a request is still honoured (ms), as with expiry kept in coarse steps. */
  readonly expiryLagMs: number;
}

export const BIZKITHUB_BEHAVIOUR: ReferenceVariations = {
  versionBanner: false,
  cdnCookie: false,
  gatewayPages: false,
  passwordMinLength: 1,
  fieldValidationStatus: 400,
  raceLoserCode: 'E003',
  historyDepth: null,
  acceptZoneId: false,
  acceptNullIp: false,
  ipv4MappedAsIpv4: false,
  businessErrorStatus: { E001: 200, E002: 200, E003: 200, E004: 200 },
  businessErrorEnvelope: 'customer',
  tokenConsumedBy: [],
  sampleKeyCode: 'PUBLIC_API_KEY_SAMPLE_VALUE',
  expiryLagMs: 0,
};

/** The bizkithub behaviour with the given points changed; refuses values that could never work. */
export function resolveVariations(changes: Partial<ReferenceVariations> = {}): ReferenceVariations {
  const variations = { ...BIZKITHUB_BEHAVIOUR, ...changes };
  if (!Number.isInteger(variations.passwordMinLength) || variations.passwordMinLength < 1) {
    throw new Error('ReferenceOptions.variations.passwordMinLength must be a positive integer');
  }
  if (variations.historyDepth !== null && (!Number.isInteger(variations.historyDepth) || variations.historyDepth < 1)) {
    throw new Error('ReferenceOptions.variations.historyDepth must be null or a positive integer');
  }
  // Below the minute by which the state hook's "expired reset request" is past its end (provider-states.ts).
  if (!Number.isInteger(variations.expiryLagMs) || variations.expiryLagMs < 0 || variations.expiryLagMs >= 60_000) {
    throw new Error('ReferenceOptions.variations.expiryLagMs must be an integer from 0 to 59999');
  }
  return variations;
}

/** A password's length as the policy counts it: Unicode code points. */
export function passwordLength(password: string): number {
  return [...password].length;
}

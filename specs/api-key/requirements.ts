// The requirements of the area "API key", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const API_KEY_REQUIREMENTS = [
  {
    id: 'SNP-KEY-MISSING', area: 'API key', title: 'A missing or empty key answers 404 PUBLIC_API_KEY_IS_EMPTY',
    statement: 'A request without an API key, or with an empty one, MUST be answered 404 with PUBLIC_API_KEY_IS_EMPTY (PUBLIC_API_KEY_DOES_NOT_EXIST is accepted for a missing key).',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-FORMAT', area: 'API key', title: 'A key off the documented format answers 404 PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT',
    statement: 'A key that does not match ^(PROD|DEV_|ROOT)[A-Za-z0-9]{28}$ MUST be answered 404 with PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-SAMPLE', area: 'API key', title: "The docs' sample key answers 404 PUBLIC_API_KEY_SAMPLE_VALUE",
    statement: "The documentation's sample key MUST be answered 404 with the profile's sample-key code (bizkithub: PUBLIC_API_KEY_SAMPLE_VALUE).",
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'sampleKeyCode',
  },
  {
    id: 'SNP-KEY-UNKNOWN', area: 'API key', title: 'A well-formed unknown key answers 404 PUBLIC_API_KEY_DOES_NOT_EXIST',
    statement: 'A key of the documented format (any of the three prefixes) that does not exist MUST be answered 404 with PUBLIC_API_KEY_DOES_NOT_EXIST.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-LOCATIONS', area: 'API key', title: 'The key is accepted in the query, the JSON body and a Bearer header',
    statement: 'A valid key MUST be accepted as the apiKey query parameter, as the apiKey field of the JSON body and as Authorization: Bearer.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-CHECKED-FIRST', area: 'API key', title: 'Key errors come before body validation',
    statement: 'A request with a bad key MUST get the key error even when its body is invalid, since the key checks run before the handler (a body that is not JSON may get the validation error instead where the profile says so).',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true, profileKey: 'keyBeforeUnparsableBody',
  },
  {
    id: 'SNP-KEY-EXACT-MATCH', area: 'API key', title: 'Only the exact key is accepted',
    statement: 'The valid key with one letter case-flipped MUST be answered 404 PUBLIC_API_KEY_DOES_NOT_EXIST, and the valid key followed by a newline or a space MUST be answered 404 with a key error, never processed.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-NO-PATH-BYPASS', area: 'API key', title: "No spelling of the endpoint's path skips the key check",
    statement: "A request without a key to another spelling of the endpoint's path (a trailing slash, a doubled slash, another letter case, a path parameter, a percent-encoded character) MUST NOT reach the endpoint: it is never answered with success or a business error.",
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: true,
  },
  {
    id: 'SNP-KEY-INACTIVE', area: 'API key', title: 'An inactive key answers 404 PUBLIC_API_KEY_IS_NOT_ACTIVE',
    statement: 'A key that exists but is not active MUST be answered 404 with PUBLIC_API_KEY_IS_NOT_ACTIVE, and the request MUST change nothing.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: false,
  },
  {
    id: 'SNP-KEY-EXPIRED', area: 'API key', title: 'An expired key answers 404 PUBLIC_API_KEY_HAS_BEEN_EXPIRED',
    statement: 'A key past its expiration MUST be answered 404 with PUBLIC_API_KEY_HAS_BEEN_EXPIRED, and the request MUST change nothing.',
    level: 'MUST', basis: 'documented', source: SOURCES.keyRegistry, safe: false,
  },
] as const satisfies readonly Requirement[];

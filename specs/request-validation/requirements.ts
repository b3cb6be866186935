// The requirements of the area "Request validation", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const REQUEST_VALIDATION_REQUIREMENTS = [
  {
    id: 'SNP-BODY-REQUIRED-FIELDS', area: 'Request validation', title: 'token and password are required non-empty strings',
    statement: 'A body whose token or password is missing, empty or not a string MUST be rejected with a 4xx platform error, never processed.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-BODY-MALFORMED', area: 'Request validation', title: 'Malformed JSON and non-object bodies are rejected',
    statement: 'A body that is not a JSON object (invalid JSON, empty, an array, a scalar) MUST be rejected with a 4xx platform error, never a 5xx.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'validationError.syntax',
  },
  {
    id: 'SNP-VALIDATION-ERROR-FORMAT', area: 'Request validation', title: "Validation errors use the profile's status and code",
    statement: 'Every request body that fails validation MUST be answered with the profile\'s validation status and code (bizkithub: 400 INTERNAL_VALIDATION_FAILED).',
    level: 'MUST', basis: 'assumed', source: SOURCES.validationRegistry, safe: true, profileKey: 'validationError',
  },
  {
    id: 'SNP-VALIDATION-NAMES-FIELD', area: 'Request validation', title: 'A validation error names the offending field',
    statement: 'The description of a validation error SHOULD name the field that failed.',
    level: 'SHOULD', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'validationError.namesField',
  },
  {
    id: 'SNP-EXTRA-FIELDS-HARMLESS', area: 'Request validation', title: 'Unknown fields never choose the account',
    statement: 'Unknown extra fields MAY be ignored or rejected, but MUST NEVER change which customer is reset or skip a check.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspMassAssignment, safe: false,
  },
  {
    id: 'SNP-DUPLICATE-KEYS', area: 'Request validation', title: 'Duplicate JSON keys: rejected or last one wins',
    statement: 'A body with a duplicated field MUST either be rejected with the validation error or be read with the last value winning.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'validationError',
  },
  {
    id: 'SNP-BODY-SIZE-LIMIT', area: 'Request validation', title: 'A 1 MB body is refused promptly',
    statement: 'A body of 1 MB SHOULD be refused with 413 or 400 in the platform envelope, promptly and without a 5xx; sent gzip-compressed (Content-Encoding: gzip), with 413, 400 or 415 (an encoding the endpoint does not take), never inflated past the limit.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.rfc9110TooLarge, safe: true,
  },
  {
    id: 'SNP-INVALID-UTF8', area: 'Request validation', title: 'Bodies that are not valid UTF-8 are refused',
    statement: 'A body that is not valid UTF-8, or a string with an unpaired surrogate, SHOULD be refused with a 4xx, never replaced and processed.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.rfc8259Utf8, safe: true,
  },
  {
    id: 'SNP-FIELDS-FROM-BODY-ONLY', area: 'Request validation', title: 'token, password and customerRealIp come from the JSON body only',
    statement: 'token, password and customerRealIp MUST be read from the JSON body only: the same names in the query string MUST be ignored (or the request rejected), never used.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-HOSTILE-JSON-HARMLESS', area: 'Request validation', title: 'Hostile JSON harms neither the request nor later ones',
    statement: 'A deeply nested body or one with __proto__ or constructor.prototype members MUST be answered without a 5xx, and ordinary requests afterwards MUST behave as before (no prototype pollution, CWE-1321; no lasting denial of service).',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspRest, safe: false,
  },
] as const satisfies readonly Requirement[];

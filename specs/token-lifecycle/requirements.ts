// The requirements of the area "Token lifecycle", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const TOKEN_LIFECYCLE_REQUIREMENTS = [
  {
    id: 'SNP-TOKEN-SINGLE-USE', area: 'Token lifecycle', title: 'A used token answers E003',
    statement: 'A token that completed a reset MUST answer E003 when submitted again, and the password MUST stay as the first submission set it.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-TOKEN-SINGLE-USE-CONCURRENT', area: 'Token lifecycle', title: 'Concurrent submissions of one token: exactly one succeeds',
    statement: 'Of concurrent submissions of one token with different passwords exactly one MUST succeed, the others MUST answer a race-loser code of the profile (bizkithub: E003), and the winner\'s password MUST be the current one.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false, profileKey: 'raceLoserCodes',
  },
  {
    id: 'SNP-TOKEN-EXACT-MATCH', area: 'Token lifecycle', title: 'Only the exact token matches',
    statement: 'A case-flipped, truncated, extended or whitespace-padded form of a valid token MUST NOT match it (E003 or a validation error), and the probe MUST NOT consume the real token.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-E003-UNKNOWN-TOKEN', area: 'Token lifecycle', title: 'A never-issued token answers E003',
    statement: 'A token that names no reset request MUST be answered with E003, whatever the password, and never with an answer derived from an account (E001, E002, E004).',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-E003-HOSTILE-TOKEN', area: 'Token lifecycle', title: 'Injection strings as token are just unknown tokens',
    statement: 'A token made of injection metacharacters MUST be treated as data: E003 (or a validation error), never a success, an account-derived answer or a 5xx.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-E004-EXPIRED', area: 'Token lifecycle', title: 'An expired request answers E004 and keeps answering it',
    statement: 'A token whose reset request has expired MUST be answered with E004 on every submission and MUST NOT change the password.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-E004-EXPIRES-IN-PLACE', area: 'Token lifecycle', title: 'A request that expires while unused answers E004',
    statement: 'A token that was pending MUST answer E004 once its lifetime has passed (and the profile\'s expiry tolerance with it), and MUST keep answering E004.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false, profileKey: 'expiryToleranceMs',
  },
  {
    id: 'SNP-REJECTED-CONSUMES-NOTHING', area: 'Token lifecycle', title: 'A rejected request consumes nothing',
    statement: 'A request answered with E001, E002, a key error or a validation error MUST NOT change the password, and MUST NOT consume the token (the same token MUST still succeed afterwards) unless the profile lets that business error consume it.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'tokenConsumedBy',
  },
  {
    id: 'SNP-PRECEDENCE-DEAD-TOKEN', area: 'Token lifecycle', title: 'A dead token never gets an account-derived answer',
    statement: 'A token that is unknown, used or expired MUST be answered E003 or E004 (or the validation error for an invalid body) whatever password is sent, never E002 or E001: an account-derived answer to a dead token tells an attacker which password belongs to the account.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspForgotPassword, safe: false,
  },
  {
    id: 'SNP-USABLE-UNTIL-EXPIRY', area: 'Token lifecycle', title: 'A request works for its whole lifetime',
    statement: 'A pending request MUST succeed when used within its lifetime, a short one (30 s) as well as the default (3600 s).',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-EXPIRED-STAYS-EXPIRED', area: 'Token lifecycle', title: 'Nothing revives an expired request',
    statement: "An expired request MUST keep answering E004 (or E003 once the customer's password changed) after a new request is created for the same customer and after that request completed a reset; it MUST never succeed.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-TOKEN-DERIVED-FORMS', area: 'Token lifecycle', title: "Derived forms of a token (digests, encodings) match nothing",
    statement: 'The SHA-256 hex or base64 digest, the base64 or URL encoding of a pending token, or another customer\'s token, MUST NOT reset the request (E003 or a validation error), and the real token MUST still work.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-TOKEN-NO-PATTERN-MATCH', area: 'Token lifecycle', title: 'Wildcards, patterns and operators as token match no request',
    statement: 'A token that is a LIKE/glob/regex pattern, an injection string, a query operator object or any non-string value MUST be answered E003 or a rejection and MUST NOT reset or consume any pending request.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-REJECTED-KEEPS-RECORDED-IP', area: 'Token lifecycle', title: 'A rejected request leaves the recorded IP as it was',
    statement: 'A request answered E001, E002, E003, E004 or a validation error MUST NOT change the customerRealIp recorded with the last successful change.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'recordedIpKeptOnRejection',
  },
] as const satisfies readonly Requirement[];

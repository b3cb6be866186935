// The requirements of the area "Success", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const SUCCESS_REQUIREMENTS = [
  {
    id: 'SNP-SUCCESS-RESPONSE', area: 'Success', title: 'Success answers 200 {"success": true}',
    statement: 'A pending, unexpired token with an acceptable new password MUST be answered with HTTP 200 and the body {"success": true}.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-SUCCESS-SETS-PASSWORD', area: 'Success', title: 'Success really sets the new password',
    statement: "After a success the submitted password MUST be the customer's current password and the previous one MUST NOT be.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-PASSWORD-STORED-EXACTLY', area: 'Success', title: 'Passwords of any shape are stored exactly',
    statement: 'Any non-empty password (spaces, Unicode, 64 and 128 characters) SHOULD be accepted and stored exactly, without trimming, truncation, case folding or normalisation.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.asvsPasswords, safe: false,
  },
  {
    id: 'SNP-SIBLING-REQUESTS-INVALIDATED', area: 'Success', title: "A success invalidates the customer's other reset requests",
    statement: "After a successful change, the customer's other pending reset tokens SHOULD answer E003.",
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.owaspForgotPassword, safe: false,
  },
  {
    id: 'SNP-OTHER-CUSTOMERS-UNTOUCHED', area: 'Success', title: "A success changes only the token's customer",
    statement: "A successful change MUST NOT change another customer's password, nor consume or invalidate another customer's pending reset request.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-PASSWORD-POLICY', area: 'Success', title: "Passwords follow the profile's policy (bizkithub: any non-empty string)",
    statement: "A password shorter than the profile's minimum length MUST be rejected with the field validation error and consume nothing; one of the minimum length MUST be accepted (bizkithub: minimum 1, so the docs' example \"1234\" is accepted).",
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'passwordPolicy.minLength',
  },
] as const satisfies readonly Requirement[];

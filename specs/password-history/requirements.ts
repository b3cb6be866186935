// The requirements of the area "Password history", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const PASSWORD_HISTORY_REQUIREMENTS = [
  {
    id: 'SNP-E002-CURRENT-PASSWORD', area: 'Password history', title: 'The current password answers E002',
    statement: "Submitting the customer's current password MUST be answered with E002.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-E002-EARLIER-PASSWORDS', area: 'Password history', title: 'Every earlier password answers E002',
    statement: 'Submitting an earlier password of the customer within the profile\'s history depth (bizkithub: every one) MUST be answered with E002; one beyond a declared depth MUST be accepted.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'historyDepth',
  },
  {
    id: 'SNP-E002-NEW-PASSWORD-JOINS-HISTORY', area: 'Password history', title: 'A password set by the endpoint joins the history',
    statement: 'A password set through this endpoint MUST be answered with E002 when submitted again with a fresh token.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-HISTORY-EXACT-MATCH', area: 'Password history', title: 'The history compares passwords exactly',
    statement: 'A password that differs from the current or an earlier one only in letter case MUST NOT count as previously used: it MUST succeed.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.asvsPasswords, safe: false,
  },
  {
    id: 'SNP-HISTORY-INVISIBLE-CHARACTERS', area: 'Password history', title: 'Invisible characters make a different password',
    statement: 'A password that differs from a previously used one only by an inserted format or control character (zero-width space, soft hyphen) or by surrounding whitespace SHOULD NOT count as previously used: it SHOULD succeed and be stored exactly.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.asvsPasswords, safe: false,
  },
  {
    id: 'SNP-HISTORY-PER-CUSTOMER', area: 'Password history', title: "The history is the customer's own",
    statement: "A password that another customer uses or used MUST NOT count as previously used by this customer: it MUST succeed.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
] as const satisfies readonly Requirement[];

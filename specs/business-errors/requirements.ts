// The requirements of the area "Business errors", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const BUSINESS_ERRORS_REQUIREMENTS = [
  {
    id: 'SNP-E001-CHANGE-FAILED', area: 'Business errors', title: 'A failing change answers E001 and changes nothing',
    statement: 'When the password change fails, the endpoint MUST answer E001 and MUST NOT change the password.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
  {
    id: 'SNP-BUSINESS-ERROR-MESSAGE', area: 'Business errors', title: 'Each business error carries its documented message',
    statement: "Each of E001–E004 MUST carry exactly the message text of the endpoint page's error table.",
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-BUSINESS-ERROR-ENVELOPE', area: 'Business errors', title: 'Business errors use the customer-endpoint envelope',
    statement: 'E001–E004 MUST be answered with the profile\'s business-error body (bizkithub: {"success": false, "errorCode": "E00x", "message": "..."}).',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'businessErrorEnvelope',
  },
  {
    id: 'SNP-BUSINESS-ERROR-STATUS', area: 'Business errors', title: "Business errors use the profile's HTTP status",
    statement: 'E001–E004 MUST be answered with the HTTP status the profile assigns to each (bizkithub: 200).',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'businessErrorStatus',
  },
  {
    id: 'SNP-PRECEDENCE-HISTORY-BEFORE-CHANGE', area: 'Business errors', title: 'The history check comes before the change',
    statement: 'A request whose change would fail MUST be answered E002, not E001, when its password is in the history.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: false, profileKey: 'historyBeforeChange',
  },
] as const satisfies readonly Requirement[];

// The requirements of the area "HTTP semantics", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const HTTP_SEMANTICS_REQUIREMENTS = [
  {
    id: 'SNP-METHOD-NOT-ALLOWED', area: 'HTTP semantics', title: 'Other methods answer 405 with Allow: POST',
    statement: 'A method other than POST SHOULD be answered 405 with an Allow header that lists POST.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.rfc9110Methods, safe: true,
  },
  {
    id: 'SNP-CONTENT-TYPE', area: 'HTTP semantics', title: 'A body not declared as JSON is refused',
    statement: 'A request whose Content-Type is missing or not application/json SHOULD be refused with 415 (or 400) in the platform envelope (a lenient profile may process it instead).',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.rfc9110MediaType, safe: true, profileKey: 'contentType',
  },
  {
    id: 'SNP-ONLY-POST-RESETS', area: 'HTTP semantics', title: 'Only POST resets, whatever method-override headers say',
    statement: 'A request with another method MUST NOT reset a password or consume a token, even with X-HTTP-Method-Override: POST or _method=POST.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false,
  },
] as const satisfies readonly Requirement[];

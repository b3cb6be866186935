// The requirements of the area "customerRealIp", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const CUSTOMER_REAL_IP_REQUIREMENTS = [
  {
    id: 'SNP-IP-ACCEPTED', area: 'customerRealIp', title: 'IPv4 and IPv6 literals are accepted; the field is optional',
    statement: 'A customerRealIp that is an IPv4 or IPv6 address, one of the normalised loopback forms, or no customerRealIp at all, MUST pass validation.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-IP-NORMALIZED', area: 'customerRealIp', title: '::1, 0.0.0.0, localhost and "" are recorded as 127.0.0.1',
    statement: 'After a success, ::1, 0.0.0.0, localhost and the empty string MUST be recorded as 127.0.0.1, and any other accepted address as that same address.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: false, profileKey: 'customerRealIp.ipv4MappedRecordedAs',
  },
  {
    id: 'SNP-IP-INVALID-REJECTED', area: 'customerRealIp', title: 'Values that are not IP addresses are rejected',
    statement: 'A customerRealIp that is not an IP address (bad octets, wrong number of parts, hostnames, lists, free text) MUST be rejected with the validation error before the token is looked up.',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-IP-STRICT-FORMS', area: 'customerRealIp', title: 'Borderline IP forms and non-strings are rejected',
    statement: 'A customerRealIp with leading zeros, a legacy IPv4 shorthand, a CIDR suffix, a port, brackets, surrounding whitespace or control characters, or of a JSON type other than string MUST be rejected with the validation error; zone identifiers and null too unless the profile accepts them.',
    level: 'MUST', basis: 'assumed', source: SOURCES.profile, safe: true, profileKey: 'customerRealIp',
  },
] as const satisfies readonly Requirement[];

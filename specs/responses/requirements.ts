// The requirements of the area "Response hygiene", each one RFC 2119 sentence: what the specs in this folder check.
// fixtures/requirements.ts joins every area's list into the catalogue (IDs are stable: retire, never reuse).
import type { Requirement } from '../../fixtures/requirement-types.js';
import { SOURCES } from '../../fixtures/sources.js';

export const RESPONSE_HYGIENE_REQUIREMENTS = [
  {
    id: 'SNP-RESPONSE-JSON', area: 'Response hygiene', title: 'Every response is JSON',
    statement: 'Every response of the application MUST declare a JSON content type and carry a JSON body (an HTML page a gateway gives for a wrong method or an oversized body is judged by SNP-GATEWAY-RESPONSE-JSON).',
    level: 'MUST', basis: 'documented', source: SOURCES.endpointPage, safe: true,
  },
  {
    id: 'SNP-GATEWAY-RESPONSE-JSON', area: 'Response hygiene', title: 'Answers given before the application runs are JSON too',
    statement: 'The answers to a wrong method and to an oversized body, which a gateway may give before the application runs, SHOULD be JSON like every other answer.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.owaspRest, safe: true,
  },
  {
    id: 'SNP-NO-SECRET-ECHO', area: 'Response hygiene', title: 'No response echoes the password, token or key',
    statement: 'No response body or header MUST contain the submitted password, token or API key, in plain, JSON-escaped, URL-encoded or base64 form.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspForgotPassword, safe: true,
  },
  {
    id: 'SNP-NO-STACK-TRACE', area: 'Response hygiene', title: 'Errors carry no stack trace or internals',
    statement: 'No response body MUST contain a stack trace, exception name or text, server file path, SQL text or framework error code.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspErrorHandling, safe: true,
  },
  {
    id: 'SNP-NO-SERVER-ERROR', area: 'Response hygiene', title: 'No input makes the target fail (no 5xx)',
    statement: 'No request, whatever its method, headers or body, MUST be answered with a 5xx status: a server error on client input is an unhandled failure. Every exchange of the run is checked, whichever test sent it.',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspErrorHandling, safe: true,
  },
  {
    id: 'SNP-NO-VERSION-BANNER', area: 'Response hygiene', title: 'No response names software versions',
    statement: 'No response SHOULD carry an X-Powered-By header, a versioned Server header or a version banner in its body (nginx/1.25.3, Python/3.11).',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.owaspHttpHeaders, safe: true,
  },
  {
    id: 'SNP-CACHE-NO-STORE', area: 'Response hygiene', title: 'Responses carry Cache-Control: no-store',
    statement: 'Every response SHOULD carry Cache-Control: no-store.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.rfc9111NoStore, safe: true,
  },
  {
    id: 'SNP-NO-SESSION-ON-SUCCESS', area: 'Response hygiene', title: 'A success logs nobody in',
    statement: 'A successful reset SHOULD NOT set a cookie or return a session or access token.',
    level: 'SHOULD', basis: 'best-practice', source: SOURCES.owaspForgotPassword, safe: false,
  },
  {
    id: 'SNP-NO-ACCOUNT-DATA', area: 'Response hygiene', title: 'No answer carries account data',
    statement: "No response body or header MUST contain the customer's id, the recorded customerRealIp or a password hash, whatever extra properties the profile allows.",
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspRest, safe: false,
  },
  {
    id: 'SNP-USED-TOKEN-INDISTINGUISHABLE', area: 'Response hygiene', title: 'A used token answers exactly like a never-issued one',
    statement: 'A used token MUST be answered with the same status and the same JSON body as a never-issued token (no observable response discrepancy, CWE-204).',
    level: 'MUST', basis: 'best-practice', source: SOURCES.owaspForgotPassword, safe: false,
  },
] as const satisfies readonly Requirement[];

// Known-bad variants of the reference, for the suite's self-validation: each fault is a bug that real
// implementations of this endpoint ship, switched on only through ReferenceOptions.faults by a test
// that starts the reference itself. Nothing over HTTP can switch one on, and the normal reference runs
// with none. This file is the catalogue (name, bug, requirements); how each bug is made is its patch in
// fault-patches.ts, which replaces or wraps the seams of seams.ts (or the store, or adds a fastify hook)
// when the app is built. The modules themselves hold only the correct behaviour.
//
// `caughtBy` lists the requirements that must fail against the fault (more may fail too); `strict` says
// the fault breaks only SHOULD requirements, so it counts toward the verdict with CONFORMANCE_STRICT=1.
import type { RequirementId } from '../fixtures/requirements.js';

export interface FaultDefinition {
  readonly name: string;
  /** The bug, in one sentence. */
  readonly bug: string;
  readonly caughtBy: readonly RequirementId[];
  readonly strict: boolean;
}

export const FAULTS = [
  // ── Success ────────────────────────────────────────────────────────────────────────────────────
  {
    name: 'success-status-201',
    bug: 'A successful change answers 201 Created instead of 200.',
    caughtBy: ['SNP-SUCCESS-RESPONSE'],
    strict: false,
  },
  {
    name: 'change-not-persisted',
    bug: 'The token is consumed and success answered, but the new password hash is never saved.',
    caughtBy: ['SNP-SUCCESS-SETS-PASSWORD', 'SNP-E002-NEW-PASSWORD-JOINS-HISTORY'],
    strict: false,
  },
  {
    name: 'password-trimmed',
    bug: 'The password is trimmed before it is hashed, so "  secret  " is stored as "secret".',
    caughtBy: ['SNP-PASSWORD-STORED-EXACTLY'],
    strict: true,
  },
  {
    name: 'password-truncated',
    bug: 'The password is cut to 72 bytes before hashing (the bcrypt limit, handled by slicing).',
    caughtBy: ['SNP-PASSWORD-STORED-EXACTLY'],
    strict: true,
  },
  {
    name: 'other-customers-requests-invalidated',
    bug: "A success invalidates every pending reset request, not only the customer's (an UPDATE missing the customer in its WHERE clause).",
    caughtBy: ['SNP-OTHER-CUSTOMERS-UNTOUCHED'],
    strict: false,
  },
  {
    name: 'sibling-requests-left-valid',
    bug: "A success consumes only the submitted token; the customer's other pending tokens keep working.",
    caughtBy: ['SNP-SIBLING-REQUESTS-INVALIDATED'],
    strict: true,
  },
  {
    name: 'customer-shared-across-await',
    bug: "The token's customer is kept in a field of a singleton service across the hashing await, so of two customers' submissions in flight at once one sets its password on the other customer.",
    caughtBy: ['SNP-OTHER-CUSTOMERS-UNTOUCHED'],
    strict: false,
  },
  // ── Token lifecycle ───────────────────────────────────────────────────────────────────────────
  {
    name: 'token-reusable',
    bug: 'A success never marks the reset request used, so the token works again.',
    caughtBy: ['SNP-TOKEN-SINGLE-USE'],
    strict: false,
  },
  {
    name: 'check-then-consume-race',
    bug: 'The token is checked and later consumed without a lock or transaction, so concurrent submissions all succeed.',
    caughtBy: ['SNP-TOKEN-SINGLE-USE-CONCURRENT'],
    strict: false,
  },
  {
    name: 'token-consumed-by-e002',
    bug: 'The token is consumed before the history check, so after E002 the retry the message asks for answers E003.',
    caughtBy: ['SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  {
    name: 'expiry-ignored',
    bug: 'The expiry of the reset request is never checked.',
    caughtBy: ['SNP-E004-EXPIRED', 'SNP-E004-EXPIRES-IN-PLACE'],
    strict: false,
  },
  {
    name: 'expiry-wrong-unit',
    bug: 'The expiry, stored in milliseconds, is compared with the clock in seconds, so no request ever expires.',
    caughtBy: ['SNP-E004-EXPIRED', 'SNP-E004-EXPIRES-IN-PLACE'],
    strict: false,
  },
  {
    name: 'e004-reported-as-e003',
    bug: 'An expired request is answered E003 (does not exist) instead of E004.',
    caughtBy: ['SNP-E004-EXPIRED', 'SNP-E004-EXPIRES-IN-PLACE'],
    strict: false,
  },
  {
    name: 'token-case-insensitive',
    bug: 'Tokens are compared case-insensitively (a lower-cased column or a case-insensitive collation).',
    caughtBy: ['SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'token-trimmed',
    bug: 'The submitted token is trimmed before the lookup.',
    caughtBy: ['SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'token-prefix-match',
    bug: 'Only the first 16 characters of a token are compared (a column that silently truncates).',
    caughtBy: ['SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'unknown-token-as-404',
    bug: 'A token that names no reset request is answered 404 in the platform envelope instead of E003.',
    caughtBy: ['SNP-E003-UNKNOWN-TOKEN'],
    strict: false,
  },
  {
    name: 'injection-token-stall',
    bug: "The token is pasted into SQL text: a time-delay injection (pg_sleep, SLEEP) stalls the answer by 5 s.",
    caughtBy: ['SNP-E003-HOSTILE-TOKEN'],
    strict: false,
  },
  {
    name: 'nul-in-token-500',
    bug: 'A token holding a NUL character reaches the database driver, which throws: 500.',
    caughtBy: ['SNP-E003-HOSTILE-TOKEN', 'SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'history-checked-before-token-validity',
    bug: 'The password history is checked before the token state, so an expired or used token with a previously used password answers E002.',
    caughtBy: ['SNP-PRECEDENCE-DEAD-TOKEN'],
    strict: false,
  },
  {
    name: 'expires-early',
    bug: 'A request counts as expired 60 s before its end (a clock-skew margin applied the wrong way).',
    caughtBy: ['SNP-USABLE-UNTIL-EXPIRY'],
    strict: false,
  },
  {
    name: 'new-request-revives-expired',
    bug: "Creating a reset request pushes the expiry of all the customer's requests, so an expired one works again.",
    caughtBy: ['SNP-EXPIRED-STAYS-EXPIRED'],
    strict: false,
  },
  {
    name: 'token-digest-accepted',
    bug: "The lookup also accepts the stored SHA-256 digest of a token (hex or base64) in place of the token.",
    caughtBy: ['SNP-TOKEN-DERIVED-FORMS'],
    strict: false,
  },
  {
    name: 'token-lookup-like',
    bug: 'Tokens are looked up with SQL LIKE, so % and _ are wildcards and a pattern resets the first matching pending request.',
    caughtBy: ['SNP-TOKEN-NO-PATTERN-MATCH'],
    strict: false,
  },
  {
    name: 'token-operator-object',
    bug: 'A JSON object token such as {"$ne": null} reaches a document-store query and matches the first pending request.',
    caughtBy: ['SNP-TOKEN-NO-PATTERN-MATCH'],
    strict: false,
  },
  {
    name: 'used-token-marked',
    bug: 'The E003 answer for a used token carries an extra "used": true property.',
    caughtBy: ['SNP-USED-TOKEN-INDISTINGUISHABLE'],
    strict: false,
  },
  {
    name: 'ip-recorded-on-rejection',
    bug: "A business error still records the request's customerRealIp on the token's customer.",
    caughtBy: ['SNP-REJECTED-KEEPS-RECORDED-IP'],
    strict: false,
  },
  {
    name: 'consumes-newest-request',
    bug: "A success marks the customer's newest reset request used (UPDATE ... ORDER BY created_at DESC LIMIT 1) instead of the submitted one, so an older token stays usable.",
    caughtBy: ['SNP-TOKEN-SINGLE-USE'],
    strict: false,
  },
  {
    name: 'token-kept-when-ip-given',
    bug: 'With a customerRealIp the change takes an "audited" path that writes the password and the IP but never marks the request used, so the token works again.',
    caughtBy: ['SNP-TOKEN-SINGLE-USE'],
    strict: false,
  },
  {
    name: 'new-request-reopens-used',
    bug: "Whether reset requests are used is one flag on the customer, cleared when a new request is created, so a used token works again once the customer asks for another reset.",
    caughtBy: ['SNP-TOKEN-SINGLE-USE'],
    strict: false,
  },
  {
    name: 'token-line-breaks-stripped',
    bug: 'The lookup removes CR and LF from the token (tidying quoted-printable line wraps of links copied from e-mail), so the token with a line break inserted or appended still matches.',
    caughtBy: ['SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'expiry-clock-from-date-header',
    bug: "The expiry is judged with the request's Date header when present (a request-time helper), so a client sending an old Date keeps an expired request alive.",
    caughtBy: ['SNP-E004-EXPIRED'],
    strict: false,
  },
  {
    name: 'e002-attempts-revoke-token',
    bug: 'Attempt limiting: the third E002 on one token revokes the request, so the retry the E002 message invites answers E003 (no profile declares E002 as consuming).',
    caughtBy: ['SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  // ── Password history ──────────────────────────────────────────────────────────────────────────
  {
    name: 'history-skips-current',
    bug: 'The history check reads only the archive of earlier passwords, not the current one.',
    caughtBy: ['SNP-E002-CURRENT-PASSWORD'],
    strict: false,
  },
  {
    name: 'history-current-only',
    bug: 'The "previously used" check compares with the current password only.',
    caughtBy: ['SNP-E002-EARLIER-PASSWORDS'],
    strict: false,
  },
  {
    name: 'history-overwritten',
    bug: 'A change overwrites the current hash instead of archiving it, so the replaced password leaves the history.',
    caughtBy: ['SNP-E002-EARLIER-PASSWORDS'],
    strict: false,
  },
  {
    name: 'history-case-insensitive',
    bug: 'The history check folds letter case, so a password differing from an earlier one only in case answers E002.',
    caughtBy: ['SNP-HISTORY-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'history-strips-invisible',
    bug: 'The history check compares passwords with format and control characters removed and whitespace trimmed.',
    caughtBy: ['SNP-HISTORY-INVISIBLE-CHARACTERS'],
    strict: true,
  },
  {
    name: 'history-global',
    bug: "The history check compares with every customer's passwords, not only the token's customer's.",
    caughtBy: ['SNP-HISTORY-PER-CUSTOMER'],
    strict: false,
  },
  {
    name: 'history-capped-on-write',
    bug: 'Each successful change prunes the history to its 5 newest passwords (a DELETE after the INSERT) though no depth is declared; seeded histories stay whole until the first change.',
    caughtBy: ['SNP-E002-EARLIER-PASSWORDS'],
    strict: false,
  },
  // ── Business errors ───────────────────────────────────────────────────────────────────────────
  {
    name: 'e001-still-changes-password',
    bug: 'The password is written before the step that fails, and E001 is answered without rolling it back.',
    caughtBy: ['SNP-E001-CHANGE-FAILED'],
    strict: false,
  },
  {
    name: 'e003-message-reworded',
    bug: 'E003 carries a reworded message ("Reset password request not found.").',
    caughtBy: ['SNP-BUSINESS-ERROR-MESSAGE'],
    strict: false,
  },
  {
    name: 'e002-message-of-e001',
    bug: "E002 carries E001's message (a copy-pasted entry in the message table).",
    caughtBy: ['SNP-BUSINESS-ERROR-MESSAGE'],
    strict: false,
  },
  {
    name: 'business-error-status-400',
    bug: 'E001–E004 are answered with HTTP 400 instead of the profile\'s 200.',
    caughtBy: ['SNP-BUSINESS-ERROR-STATUS'],
    strict: false,
  },
  {
    name: 'business-error-platform-envelope',
    bug: 'E001–E004 are answered in the platform envelope {"error": {"code": "E00x", ...}}.',
    caughtBy: ['SNP-BUSINESS-ERROR-ENVELOPE'],
    strict: false,
  },
  {
    name: 'change-attempted-before-history',
    bug: 'The change is attempted before the history check, so a failing change with the current password answers E001.',
    caughtBy: ['SNP-PRECEDENCE-HISTORY-BEFORE-CHANGE'],
    strict: false,
  },
  // ── API key ───────────────────────────────────────────────────────────────────────────────────
  {
    name: 'key-regex-unanchored',
    bug: 'The key format regex has no ^ and $ anchors, so a key with extra characters passes the format check.',
    caughtBy: ['SNP-KEY-FORMAT'],
    strict: false,
  },
  {
    name: 'key-prefix-case-insensitive',
    bug: 'The key format regex has the i flag, so "prod…" and "dev_…" pass the format check.',
    caughtBy: ['SNP-KEY-FORMAT'],
    strict: false,
  },
  {
    name: 'empty-key-as-format-error',
    bug: 'Presence is checked as "undefined" only, so an empty key gets the format error.',
    caughtBy: ['SNP-KEY-MISSING'],
    strict: false,
  },
  {
    name: 'sample-key-accepted',
    bug: "The docs' sample key was seeded as a working key (demo data left in the key registry).",
    caughtBy: ['SNP-KEY-SAMPLE'],
    strict: false,
  },
  {
    name: 'unknown-key-accepted',
    bug: 'Any well-formed key is accepted: the registry lookup is skipped (a development bypass left on).',
    caughtBy: ['SNP-KEY-UNKNOWN', 'SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  {
    name: 'bearer-key-ignored',
    bug: 'A key sent as Authorization: Bearer is not read.',
    caughtBy: ['SNP-KEY-LOCATIONS'],
    strict: false,
  },
  {
    name: 'body-key-ignored',
    bug: "A key sent as the JSON body's apiKey field is not read.",
    caughtBy: ['SNP-KEY-LOCATIONS'],
    strict: false,
  },
  {
    name: 'body-validated-before-key',
    bug: 'The body is validated before the API key is checked.',
    caughtBy: ['SNP-KEY-CHECKED-FIRST'],
    strict: false,
  },
  {
    name: 'key-lookup-case-insensitive',
    bug: 'The key registry is searched case-insensitively (a case-insensitive collation on the key column).',
    caughtBy: ['SNP-KEY-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'key-trailing-newline-accepted',
    bug: 'The key format regex\'s $ accepts a trailing newline (PCRE semantics) and the key is then trimmed before the lookup.',
    caughtBy: ['SNP-KEY-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'inactive-key-accepted',
    bug: 'The registry lookup never reads the active flag, so a deactivated key works.',
    caughtBy: ['SNP-KEY-INACTIVE'],
    strict: false,
  },
  {
    name: 'expired-key-accepted',
    bug: "The key's expiration date is never checked.",
    caughtBy: ['SNP-KEY-EXPIRED'],
    strict: false,
  },
  {
    name: 'bearer-unknown-key-401',
    bug: 'A well-formed key sent as Authorization: Bearer that does not exist is refused by a bearer-token middleware: 401 with WWW-Authenticate and {"error":"invalid_token"}, not 404 PUBLIC_API_KEY_DOES_NOT_EXIST.',
    caughtBy: ['SNP-KEY-UNKNOWN'],
    strict: false,
  },
  {
    name: 'key-skipped-with-trailing-slash',
    bug: 'The key check is a hook that compares the path exactly, while the router also serves the endpoint with a trailing slash: POST …/set-new-password/ runs without any key.',
    caughtBy: ['SNP-KEY-NO-PATH-BYPASS'],
    strict: false,
  },
  // ── customerRealIp ────────────────────────────────────────────────────────────────────────────
  {
    name: 'ip-loopback-not-normalized',
    bug: '"::1", "0.0.0.0", "localhost" and "" are accepted but recorded as sent, not as 127.0.0.1.',
    caughtBy: ['SNP-IP-NORMALIZED'],
    strict: false,
  },
  {
    name: 'ip-localhost-rejected',
    bug: 'Only IP literals are accepted: "localhost" and "" fail validation.',
    caughtBy: ['SNP-IP-ACCEPTED', 'SNP-IP-NORMALIZED'],
    strict: false,
  },
  {
    name: 'ip-not-validated',
    bug: 'customerRealIp is stored as given, whatever it holds.',
    caughtBy: ['SNP-IP-INVALID-REJECTED', 'SNP-IP-STRICT-FORMS'],
    strict: false,
  },
  {
    name: 'ip-lenient-parsing',
    bug: 'customerRealIp is trimmed and its CIDR suffix cut off before validation.',
    caughtBy: ['SNP-IP-STRICT-FORMS'],
    strict: false,
  },
  {
    name: 'ip-validated-after-change',
    bug: 'customerRealIp is validated after the change, so an invalid one still consumes the token.',
    caughtBy: ['SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  {
    name: 'ip-from-forwarded-for',
    bug: "When X-Forwarded-For is present, its first entry is recorded as the customer's IP instead of the body's validated customerRealIp (a proxy-aware request.ip helper), unvalidated.",
    caughtBy: ['SNP-IP-NORMALIZED'],
    strict: false,
  },
  // ── Request validation ────────────────────────────────────────────────────────────────────────
  {
    name: 'empty-password-accepted',
    bug: 'The password check is a type check only, so an empty password is set.',
    caughtBy: ['SNP-BODY-REQUIRED-FIELDS', 'SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  {
    name: 'non-string-token-500',
    bug: 'The token check is a truthiness check, so a number, array or object reaches the hash function, which throws: 500.',
    caughtBy: ['SNP-BODY-REQUIRED-FIELDS', 'SNP-VALIDATION-ERROR-FORMAT'],
    strict: false,
  },
  {
    name: 'null-body-500',
    bug: 'The object check is typeof === "object", so a JSON null body reaches a property read that throws: 500.',
    caughtBy: ['SNP-BODY-MALFORMED'],
    strict: false,
  },
  {
    name: 'validation-error-422',
    bug: "Validation errors are answered 422 (the framework's default) instead of the profile's 400.",
    caughtBy: ['SNP-VALIDATION-ERROR-FORMAT'],
    strict: false,
  },
  {
    name: 'validation-error-unnamed-field',
    bug: 'Every validation error has the same generic description, naming no field.',
    caughtBy: ['SNP-VALIDATION-NAMES-FIELD'],
    strict: true,
  },
  {
    name: 'duplicate-token-first-wins',
    bug: 'The token is picked from the raw body by a pattern that takes the first "token" member, while JSON.parse keeps the last.',
    caughtBy: ['SNP-DUPLICATE-KEYS'],
    strict: false,
  },
  {
    name: 'body-merged-into-request',
    bug: 'Body fields are copied onto the stored reset request (mass assignment), so an expiresAt field revives an expired one.',
    caughtBy: ['SNP-EXTRA-FIELDS-HARMLESS'],
    strict: false,
  },
  {
    name: 'no-body-limit',
    bug: 'There is no practical limit on the body size (100 MB).',
    caughtBy: ['SNP-BODY-SIZE-LIMIT'],
    strict: true,
  },
  {
    name: 'invalid-utf8-replaced',
    bug: 'Bytes that are not UTF-8 are decoded with replacement characters and the body is processed.',
    caughtBy: ['SNP-INVALID-UTF8'],
    strict: true,
  },
  {
    name: 'fields-read-from-query',
    bug: 'Request fields are merged from the query string over the JSON body (a framework\'s "all input" helper).',
    caughtBy: ['SNP-FIELDS-FROM-BODY-ONLY'],
    strict: false,
  },
  {
    name: 'prototype-pollution',
    bug: "The body is deep-merged into the app's defaults object without guarding __proto__, so one request sets the customerRealIp later requests record.",
    caughtBy: ['SNP-HOSTILE-JSON-HARMLESS'],
    strict: false,
  },
  {
    name: 'deep-nesting-breaks-later',
    bug: 'A deeply nested body exhausts a recursive walker and leaves the app answering 503 to every request for two seconds.',
    caughtBy: ['SNP-HOSTILE-JSON-HARMLESS'],
    strict: false,
  },
  {
    name: 'duplicate-ip-first-recorded',
    bug: 'customerRealIp is validated as JSON.parse reads it (last duplicate), but the value recorded is picked from the raw body by a pattern (first duplicate), unvalidated.',
    caughtBy: ['SNP-DUPLICATE-KEYS'],
    strict: false,
  },
  {
    name: 'gzip-body-inflated-unbounded',
    bug: 'A body sent with Content-Encoding: gzip is inflated without a limit; the body limit applies to the compressed bytes only (a decompression bomb).',
    caughtBy: ['SNP-BODY-SIZE-LIMIT'],
    strict: true,
  },
  {
    name: 'field-names-case-insensitive',
    bug: 'Body members are bound to fields case-insensitively, last match winning (Go encoding/json): {"TOKEN": …} or {"Password": …} is read as token/password, so a body without a token member resets a password.',
    caughtBy: ['SNP-BODY-REQUIRED-FIELDS'],
    strict: false,
  },
  // ── HTTP semantics ────────────────────────────────────────────────────────────────────────────
  {
    name: 'content-type-ignored',
    bug: 'The Content-Type is not checked: a JSON body declared as text/plain is processed.',
    caughtBy: ['SNP-CONTENT-TYPE', 'SNP-REJECTED-CONSUMES-NOTHING'],
    strict: false,
  },
  {
    name: 'wrong-method-as-404',
    bug: 'Other methods on the endpoint are answered 404 without an Allow header.',
    caughtBy: ['SNP-METHOD-NOT-ALLOWED'],
    strict: true,
  },
  {
    name: 'method-override-honoured',
    bug: 'X-HTTP-Method-Override: POST or ?_method=POST turns another method into the POST handler.',
    caughtBy: ['SNP-ONLY-POST-RESETS'],
    strict: false,
  },
  {
    name: 'content-type-substring',
    bug: "The Content-Type check is a substring test (header.includes('application/json')), so text/plain; application/json (a CORS-safelisted type, no preflight) is processed as JSON.",
    caughtBy: ['SNP-CONTENT-TYPE'],
    strict: true,
  },
  // ── Response hygiene ──────────────────────────────────────────────────────────────────────────
  {
    name: 'fallback-errors-as-text',
    bug: 'The 404 and 405 fallbacks answer in text/plain.',
    caughtBy: ['SNP-RESPONSE-JSON'],
    strict: false,
  },
  {
    name: 'validation-error-echoes-body',
    bug: 'A validation error quotes the request body back, password and token included.',
    caughtBy: ['SNP-NO-SECRET-ECHO'],
    strict: false,
  },
  {
    name: 'malformed-json-stack-trace',
    bug: "A body that is not JSON is answered with the parser's error and stack trace.",
    caughtBy: ['SNP-NO-STACK-TRACE'],
    strict: false,
  },
  {
    name: 'token-url-decoded',
    bug: 'The lookup URL-decodes the token first, so its percent-encoded form (%41%62…) resets the password too.',
    caughtBy: ['SNP-TOKEN-DERIVED-FORMS'],
    strict: false,
  },
  {
    name: 'token-dashes-stripped',
    bug: 'The lookup strips dashes (UUID-style tidying), so the token with a dash inserted still matches.',
    caughtBy: ['SNP-TOKEN-EXACT-MATCH'],
    strict: false,
  },
  {
    name: 'invalidated-request-history-first',
    bug: 'A request invalidated by a sibling success still answers E002 for a history password (E003 otherwise).',
    caughtBy: ['SNP-PRECEDENCE-DEAD-TOKEN'],
    strict: false,
  },
  {
    name: 'history-last-4',
    bug: 'Only the last 4 passwords are compared, although every earlier one counts (no history depth declared).',
    caughtBy: ['SNP-E002-EARLIER-PASSWORDS'],
    strict: false,
  },
  {
    name: 'ip-first-write-wins',
    bug: 'The recorded IP is written with COALESCE: the first address stays and later successes do not update it.',
    caughtBy: ['SNP-IP-NORMALIZED'],
    strict: false,
  },
  {
    name: 'lock-per-token',
    bug: "The lock is per token, not per customer: two of the customer's pending tokens submitted at once both succeed.",
    caughtBy: ['SNP-SIBLING-REQUESTS-INVALIDATED'],
    strict: true,
  },
  {
    name: 'sample-key-accepted-in-body',
    bug: "The docs' sample key is refused in the query but accepted from the JSON body.",
    caughtBy: ['SNP-KEY-SAMPLE'],
    strict: false,
  },
  {
    name: 'blank-password-rejected',
    bug: 'A password of blanks ("   ", a tab) is refused as empty, though any non-empty string is acceptable.',
    caughtBy: ['SNP-PASSWORD-POLICY'],
    strict: false,
  },
  {
    name: 'password-trimmed-if-unicode',
    bug: 'A password with non-ASCII characters is trimmed before it is hashed (a normalisation step meant for names).',
    caughtBy: ['SNP-PASSWORD-STORED-EXACTLY'],
    strict: true,
  },
  {
    name: 'password-cut-at-nul',
    bug: 'The password is handed to a C library as a C string: it ends at its first NUL character.',
    caughtBy: ['SNP-PASSWORD-STORED-EXACTLY'],
    strict: true,
  },
  {
    name: 'history-forgets-endpoint-passwords',
    bug: 'A password set through the endpoint stays in the history only while it is current; once replaced it may be used again.',
    caughtBy: ['SNP-E002-NEW-PASSWORD-JOINS-HISTORY'],
    strict: false,
  },
  {
    name: 'expiry-extended-on-e002',
    bug: 'An E002 pushes the request\'s expiry an hour ahead, so failed attempts keep a token alive.',
    caughtBy: ['SNP-E004-EXPIRES-IN-PLACE'],
    strict: false,
  },
  {
    name: 'used-token-header',
    bug: 'The E003 of a used token carries an X-Reset-State: consumed header that a never-issued token\'s does not.',
    caughtBy: ['SNP-USED-TOKEN-INDISTINGUISHABLE'],
    strict: false,
  },
  {
    name: 'ip-trailing-dot-accepted',
    bug: 'customerRealIp values with a trailing dot (1.2.3.4., localhost.) are read as DNS names and accepted.',
    caughtBy: ['SNP-IP-INVALID-REJECTED'],
    strict: false,
  },
  {
    name: 'ip-double-compression-accepted',
    bug: 'A hand-written IPv6 check accepts an address with two "::" (1::2::3).',
    caughtBy: ['SNP-IP-INVALID-REJECTED'],
    strict: false,
  },
  {
    name: 'ip-embedded-ipv4-rejected',
    bug: 'An IPv6 address written with an IPv4 tail (::1.2.3.4, RFC 4291 §2.2) is refused.',
    caughtBy: ['SNP-IP-ACCEPTED'],
    strict: false,
  },
  {
    name: 'e001-records-ip',
    bug: 'A change that fails (E001) still records its customerRealIp on the customer.',
    caughtBy: ['SNP-REJECTED-KEEPS-RECORDED-IP'],
    strict: false,
  },
  {
    name: 'e001-invalidates-siblings',
    bug: "A change that fails (E001) still invalidates the customer's other pending reset requests.",
    caughtBy: ['SNP-E001-CHANGE-FAILED'],
    strict: false,
  },
  {
    name: 'key-state-after-body',
    bug: 'An inactive or expired key is only refused once the body is valid: an invalid body gets the validation error.',
    caughtBy: ['SNP-KEY-INACTIVE', 'SNP-KEY-EXPIRED'],
    strict: false,
  },
  {
    name: 'key-state-after-token',
    bug: "An inactive or expired key is only refused for a live token: with a dead one it learns E003/E004 (which tokens are live).",
    caughtBy: ['SNP-KEY-INACTIVE', 'SNP-KEY-EXPIRED'],
    strict: false,
  },
  {
    name: 'form-body-accepted',
    bug: 'A form-encoded body (token=…&password=…) is read like JSON, so a plain cross-site HTML form can reset a password.',
    caughtBy: ['SNP-CONTENT-TYPE'],
    strict: true,
  },
  {
    name: 'password-unescaped-twice',
    bug: 'The password is unescaped a second time (\\u0041 becomes A), so the password stored is not the one sent.',
    caughtBy: ['SNP-PASSWORD-STORED-EXACTLY'],
    strict: true,
  },
  {
    name: 'undeclared-password-policy',
    bug: 'Passwords shorter than 8 characters are refused, a policy the docs do not state ("1234" is their own example) and no profile declares.',
    caughtBy: ['SNP-PASSWORD-POLICY'],
    strict: false,
  },
  {
    name: 'version-banner',
    bug: 'Every answer names the software and its version (Server: nginx/1.25.3, X-Powered-By: PHP/8.2.12).',
    caughtBy: ['SNP-NO-VERSION-BANNER'],
    strict: true,
  },
  {
    name: 'gateway-html-pages',
    bug: 'Oversized bodies and wrong methods are answered with an HTML page (413, 405) instead of the JSON envelope.',
    caughtBy: ['SNP-GATEWAY-RESPONSE-JSON'],
    strict: true,
  },
  {
    name: 'no-cache-control',
    bug: 'Responses carry no Cache-Control header.',
    caughtBy: ['SNP-CACHE-NO-STORE'],
    strict: true,
  },
  {
    name: 'long-password-500',
    bug: 'A password longer than the database column (10 000 characters) makes the insert throw: answered 500.',
    caughtBy: ['SNP-NO-SERVER-ERROR'],
    strict: false,
  },
  {
    name: 'success-sets-session-cookie',
    bug: 'A success logs the customer in with a session cookie.',
    caughtBy: ['SNP-NO-SESSION-ON-SUCCESS'],
    strict: true,
  },
  {
    name: 'trace-echoes-request',
    bug: 'TRACE is answered with the request echoed back, Authorization header included (a debugging route left on).',
    caughtBy: ['SNP-NO-SECRET-ECHO'],
    strict: false,
  },
  {
    name: 'success-returns-customer-id',
    bug: "A success answers {\"success\": true, \"customerId\": ...}: an extra property the open schema accepts.",
    caughtBy: ['SNP-NO-ACCOUNT-DATA'],
    strict: false,
  },
  {
    name: 'error-input-flashed-in-cookie',
    bug: 'Every rejected request flashes the submitted body (token, password) into a client-side cookie session, Set-Cookie: session=<base64 of JSON>, so a form could be refilled.',
    caughtBy: ['SNP-NO-SECRET-ECHO'],
    strict: false,
  },
  {
    name: 'key-state-error-quotes-key',
    bug: 'The inactive and expired key errors are built from the key registry row and quote the key in their description ("API key PROD… has been deactivated.").',
    caughtBy: ['SNP-NO-SECRET-ECHO'],
    strict: false,
  },
  {
    name: 'error-page-for-wildcard-accept',
    bug: 'Error answers are negotiated on Accept (a Flask-style accept_html check): a client sending Accept: */* or text/html, as curl, fetch and browsers do, gets a 4xx HTML page instead of the JSON envelope; without an Accept header it gets JSON.',
    caughtBy: ['SNP-RESPONSE-JSON'],
    strict: false,
  },
] as const satisfies readonly FaultDefinition[];

export type FaultName = (typeof FAULTS)[number]['name'];

/** The faults switched on in one reference instance. */
export type FaultSet = ReadonlySet<FaultName>;

/** The normal reference. */
export const NO_FAULTS: FaultSet = new Set();

const KNOWN: ReadonlySet<string> = new Set(FAULTS.map((fault) => fault.name));

/** The set for ReferenceOptions.faults; an unknown name is a mistake, so it fails at start-up. */
export function faultSet(names: readonly FaultName[] = []): FaultSet {
  for (const name of names) {
    if (!KNOWN.has(name)) throw new Error(`ReferenceOptions.faults: unknown fault "${String(name)}"`);
  }
  return new Set(names);
}

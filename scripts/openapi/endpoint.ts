// The endpoint's part of docs/openapi.yaml: request, answers and their statuses, built from what the suite
// judges with: the answer schemas of fixtures/schemas, the default profile's choices, the documented
// messages and key rule, and the requirement catalogue (each answer names the requirements that check it).
import { API_KEY_PATTERN } from '../../fixtures/api-key-rule.js';
import { BUSINESS_ERROR_MESSAGES } from '../../fixtures/business-errors.js';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { type BusinessCode, type Profile, validationErrorFor } from '../../helpers/run/profile.js';
import { fixtureSchema, type Schema } from './fixture-schema.js';

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
function json(schema: Schema, examples: Record<string, Schema>): Schema {
  const named: [string, Schema][] = Object.entries(examples).map(([name, value]) => [name, { value }]);
  return { 'application/json': { schema, ...(named.length ? { examples: Object.fromEntries(named) } : {}) } };
}
/** Every answer of the endpoint SHOULD carry it (SNP-CACHE-NO-STORE). */
const headers = { 'Cache-Control': { $ref: '#/components/headers/CacheControl' } };

/** A key error as the requirement titles state it: "... answers 404 PUBLIC_API_KEY_...". */
interface KeyError {
  id: string;
  status: number;
  code: string;
  statement: string;
}

function keyErrors(profile: Profile): KeyError[] {
  return REQUIREMENTS.flatMap((r) => {
    const match = /answers (\d{3}) (PUBLIC_API_KEY_[A-Z_]+)$/.exec(r.title);
    if (r.area !== 'API key' || !match) return [];
    // The sample key's code is a profile choice; the title names bizkithub's.
    const code = r.id === 'SNP-KEY-SAMPLE' ? profile.sampleKeyCode : (match[2] as string);
    return [{ id: r.id, status: Number(match[1]), code, statement: r.statement }];
  });
}

const platformError = (code: string, message: string, description: string): Schema => ({ error: { code, message, description } });

function requestBody(profile: Profile): Schema {
  const ip = profile.customerRealIp;
  return {
    type: 'object',
    required: ['token', 'password'],
    properties: {
      token: { type: 'string', minLength: 1, description: 'The one-time token of the reset e-mail. Matched byte for byte.' },
      password: {
        type: 'string',
        minLength: profile.passwordPolicy.minLength,
        description: `The new password, stored exactly (no trimming, truncation, case folding or normalisation). Any string of at least ${profile.passwordPolicy.minLength} code point(s); it must not be the current or an earlier password (E002).`,
      },
      customerRealIp: {
        type: ip.acceptNull ? ['string', 'null'] : 'string',
        anyOf: [{ format: 'ipv4' }, { format: 'ipv6' }, { enum: ['localhost', ''] }, ...(ip.acceptNull ? [{ type: 'null' }] : [])],
        description: `The customer's IP address: IPv4 or IPv6; ::1, 0.0.0.0, localhost and "" are recorded as 127.0.0.1; any other value is rejected with the validation error. IPv6 zone identifiers are ${ip.acceptZoneId ? 'accepted' : 'rejected'}.`,
      },
      apiKey: { type: 'string', pattern: API_KEY_PATTERN.source, description: 'The API key, when it is not sent in the query or as a Bearer token.' },
    },
  };
}

/** The 2xx-4xx statuses of E001–E004 under the profile, each with the codes that use it. */
function businessStatuses(profile: Profile): Map<number, BusinessCode[]> {
  const byStatus = new Map<number, BusinessCode[]>();
  for (const [code, status] of Object.entries(profile.businessErrorStatus) as [BusinessCode, number][]) {
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

function businessExample(profile: Profile, code: BusinessCode): Schema {
  const message = BUSINESS_ERROR_MESSAGES[code];
  return profile.businessErrorEnvelope === 'customer' ? { success: false, errorCode: code, message } : platformError(code, message, message);
}

function businessErrorSchema(profile: Profile): Schema {
  return profile.businessErrorEnvelope === 'customer' ? ref('BusinessError') : ref('PlatformError');
}

/** The requirement IDs of an area, for an answer's `x-requirements`. */
function idsOf(...areas: string[]): string[] {
  return REQUIREMENTS.filter((r) => areas.includes(r.area)).map((r) => r.id);
}

function responses(profile: Profile): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const add = (status: number, entry: { description: string; schemas: Schema[]; examples: Record<string, Schema>; requirements: string[]; extraHeaders?: Schema }) => {
    const previous = out[String(status)];
    if (previous) throw new Error(`openapi: two answers for status ${status}; join them in endpoint.ts`);
    out[String(status)] = {
      description: entry.description,
      headers: { ...headers, ...entry.extraHeaders },
      content: json(entry.schemas.length === 1 ? (entry.schemas[0] as Schema) : { oneOf: entry.schemas }, entry.examples),
      ...(entry.requirements.length ? { 'x-requirements': entry.requirements } : {}),
    };
  };

  const business = businessStatuses(profile);
  const successBusiness = business.get(200) ?? [];
  add(200, {
    description: `The password was set: {"success": true}.${successBusiness.length ? ` Business errors ${successBusiness.join(', ')} use this status too (profile: businessErrorStatus).` : ''}`,
    schemas: [ref('Success'), ...(successBusiness.length ? [businessErrorSchema(profile)] : [])],
    examples: { success: { success: true }, ...Object.fromEntries(successBusiness.map((c) => [c, businessExample(profile, c)])) },
    requirements: [...idsOf('Success'), ...(successBusiness.length ? idsOf('Business errors') : [])],
  });
  for (const [status, codes] of business) {
    if (status === 200) continue;
    add(status, {
      description: `Business errors ${codes.join(', ')} (profile: businessErrorStatus).`,
      schemas: [businessErrorSchema(profile)],
      examples: Object.fromEntries(codes.map((c) => [c, businessExample(profile, c)])),
      requirements: idsOf('Business errors'),
    });
  }

  const syntax = validationErrorFor(profile, 'syntax');
  const field = validationErrorFor(profile, 'field');
  const validationByStatus = new Map<number, Record<string, Schema>>();
  for (const [kind, choice, description] of [
    ['syntax', syntax, 'The body is not JSON or not a JSON object.'],
    ['field', field, 'token or password is missing, empty or not a string, or customerRealIp is invalid.'],
  ] as const) {
    validationByStatus.set(choice.status, { ...validationByStatus.get(choice.status), [kind]: platformError(choice.code, 'Request validation failed.', description) });
  }
  for (const [status, examples] of validationByStatus) {
    add(status, {
      description: `The request body fails validation (profile: validationError): the platform envelope, its description naming the field${status === 400 ? '; also a body that is too large or not declared as JSON may get 400' : ''}.`,
      schemas: [ref('PlatformError')],
      examples,
      requirements: idsOf('Request validation'),
    });
  }

  const keys = keyErrors(profile);
  for (const status of new Set(keys.map((k) => k.status))) {
    const here = keys.filter((k) => k.status === status);
    add(status, {
      description: 'The API key is refused. The key checks run before the handler, so a bad key gets this whatever the body; each example is one code, its description the sentence of the requirement that asks for it.',
      schemas: [ref('PlatformError')],
      examples: Object.fromEntries(here.map((k) => [k.code, platformError(k.code, 'The API key is refused.', k.statement)])),
      requirements: here.map((k) => k.id),
    });
  }

  add(413, {
    description: 'The body is too large (1 MB is; 400 conforms too).',
    schemas: [ref('PlatformError')],
    examples: {},
    requirements: ['SNP-BODY-SIZE-LIMIT'],
  });
  if (profile.contentType === 'strict') {
    add(415, {
      description: 'The body is not declared as application/json (400 conforms too).',
      schemas: [ref('PlatformError')],
      examples: {},
      requirements: ['SNP-CONTENT-TYPE'],
    });
  }
  add(429, {
    description: 'Rate limited: the request was not processed; repeat it after Retry-After seconds.',
    schemas: [ref('PlatformError')],
    examples: {},
    requirements: [],
    extraHeaders: { 'Retry-After': { schema: { type: 'integer', minimum: 0 }, description: 'Seconds to wait before repeating the request.' } },
  });
  return out;
}

export function endpointPathItem(profile: Profile): Schema {
  return {
    description: 'Only POST is an operation here: any other method SHOULD be answered 405 with `Allow: POST` and MUST NOT reset a password, whatever method-override headers say (SNP-METHOD-NOT-ALLOWED, SNP-ONLY-POST-RESETS).',
    post: {
      operationId: 'setNewPassword',
      summary: 'Set a new password from the one-time token of a reset e-mail',
      description:
        'Success consumes the token, and the customer\'s other pending reset requests stop working. E001–E004 and every rejected request change nothing and consume nothing. When several errors apply, the first in this order wins: API key → request body → token (unknown or used: E003; expired: E004) → password history (E002) → the change (E001). No answer carries a stack trace, account data, or the password, token or key sent.',
      security: [{ apiKeyQuery: [] }, { apiKeyBearer: [] }],
      requestBody: {
        required: true,
        description: 'token, password and customerRealIp are read from this body only, never from the query string. The API key may be sent here as apiKey instead of the query or a Bearer header.',
        content: { 'application/json': { schema: ref('SetNewPasswordRequest'), example: { token: 'Hm2cDfmTS8x49Mo67gOxId8gEwNBwf1A', password: '1234', customerRealIp: '1.1.1.1' } } },
      },
      responses: responses(profile),
      'x-conformance-requirements': REQUIREMENTS.map((r) => `${r.id} (${r.level}, ${r.basis}): ${r.statement}`),
    },
  };
}

export function endpointComponents(profile: Profile): { schemas: Record<string, Schema>; headers: Record<string, Schema> } {
  return {
    schemas: {
      SetNewPasswordRequest: requestBody(profile),
      Success: fixtureSchema('success'),
      BusinessError: fixtureSchema('business-error'),
      PlatformError: fixtureSchema('platform-error'),
    },
    headers: {
      CacheControl: { description: 'SHOULD be no-store (SNP-CACHE-NO-STORE).', schema: { type: 'string', examples: ['no-store'] } },
    },
  };
}

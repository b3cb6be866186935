// The acceptable outcomes of a request, each with a label for "Expected:" and a check that says why an
// exchange does not match it. Statuses and codes left open by the docs come from the profile.
import type { Exchange } from '../http/exchange.js';
import { describeErrors, validator } from '../run/json-schemas.js';
import { validationErrorFor, type BusinessCode, type ValidationKind } from '../run/profile.js';
import { runContext } from '../run/run-context.js';

export interface Outcome {
  label: string;
  /** null when the exchange matches; otherwise the reason it does not. */
  mismatch(exchange: Exchange): string | null;
}

function closedSchemas(): boolean {
  return runContext().profile.extraBodyProperties === 'forbidden';
}

function schemaMismatch(exchange: Exchange, name: 'success' | 'business-error' | 'platform-error'): string | null {
  if (exchange.json === undefined) return 'the body is not JSON';
  const validate = validator(name, closedSchemas());
  return validate(exchange.json) ? null : `the body does not match the ${name} schema: ${describeErrors(validate)}`;
}

function field(json: unknown, ...path: string[]): unknown {
  let value = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Where the profile's business-error envelope keeps the code and the message (bizkithub: customer). */
const BUSINESS_FIELDS = {
  customer: { code: ['errorCode'], message: ['message'], schema: 'business-error', shape: '{"success": false, "errorCode": "CODE", "message": "..."}' },
  platform: { code: ['error', 'code'], message: ['error', 'message'], schema: 'platform-error', shape: '{"error": {"code": "CODE", "message": "...", "description": "..."}}' },
} as const;

function businessFields() {
  return BUSINESS_FIELDS[runContext().profile.businessErrorEnvelope];
}

/** The message of a business error, read from the profile's envelope. */
export function businessMessageOf(exchange: Exchange): unknown {
  return field(exchange.json, ...businessFields().message);
}

/** 200 and a body of the success schema. */
export function success(): Outcome {
  return {
    label: '200 {"success": true}',
    mismatch: (ex) => (ex.status !== 200 ? `status ${ex.status}, not 200` : schemaMismatch(ex, 'success')),
  };
}

/** The business error code alone: status, envelope and message have requirements of their own. */
export function businessCode(code: BusinessCode): Outcome {
  return {
    label: `business error ${code} (${businessFields().code.join('.')} "${code}")`,
    mismatch: (ex) => {
      if (ex.status >= 500) return `status ${ex.status} is a server error`;
      const path = businessFields().code;
      const actual = field(ex.json, ...path);
      return actual === code ? null : `${path.join('.')} is ${JSON.stringify(actual)}`;
    },
  };
}

/** The profile's business-error body (bizkithub: {"success": false, "errorCode", "message"}) with this code, whatever the status. */
export function businessBody(code: BusinessCode): Outcome {
  const { schema, shape } = businessFields();
  return {
    label: shape.replace('CODE', code),
    mismatch: (ex) => businessCode(code).mismatch(ex) ?? schemaMismatch(ex, schema),
  };
}

/** The business error with the HTTP status the profile assigns to it (bizkithub: 200). */
export function businessStatus(code: BusinessCode): Outcome {
  const status = runContext().profile.businessErrorStatus[code];
  return {
    label: `${status} with ${businessFields().code.join('.')} "${code}"`,
    mismatch: (ex) => (ex.status !== status ? `status ${ex.status}, not ${status}` : businessCode(code).mismatch(ex)),
  };
}

export interface PlatformErrorSpec {
  /** Acceptable statuses; empty means any 4xx. */
  statuses?: number[];
  /** Acceptable error codes; empty means any. */
  codes?: string[];
}

/** The platform envelope {"error": {code, message, description}} with one of the given statuses and codes. */
export function platformError({ statuses = [], codes = [] }: PlatformErrorSpec): Outcome {
  const statusLabel = statuses.length ? statuses.join(' or ') : '4xx';
  const codeLabel = codes.length ? ` ${codes.join(' or ')}` : '';
  return {
    label: `${statusLabel} {"error": {"code":${codeLabel || ' ...'}}}`,
    mismatch: (ex) => {
      const statusOk = statuses.length ? statuses.includes(ex.status) : ex.status >= 400 && ex.status < 500;
      if (!statusOk) return `status ${ex.status}, not ${statusLabel}`;
      const schema = schemaMismatch(ex, 'platform-error');
      if (schema) return schema;
      const code = field(ex.json, 'error', 'code');
      return codes.length && !codes.includes(code as string) ? `error code is ${JSON.stringify(code)}` : null;
    },
  };
}

/** Any 4xx in the platform envelope: a rejection whose exact status/code is judged elsewhere. */
export function rejected(): Outcome {
  return platformError({});
}

/**
 * The profile's validation error (bizkithub: 400 INTERNAL_VALIDATION_FAILED) for a failure of `kind`;
 * without a kind, the error of either kind (a case that could be read as both).
 */
export function validationError(kind?: ValidationKind): Outcome {
  const { profile } = runContext();
  const kinds: ValidationKind[] = kind ? [kind] : ['syntax', 'field'];
  const choices = kinds.map((k) => validationErrorFor(profile, k));
  return platformError({ statuses: [...new Set(choices.map((c) => c.status))], codes: [...new Set(choices.map((c) => c.code))] });
}

/** The business code of a losing concurrent submission of a token (bizkithub: E003). */
export function raceLoser(): Outcome[] {
  return runContext().profile.raceLoserCodes.map((code) => businessCode(code));
}

/** A key error: 404 with one of the given PUBLIC_API_KEY_* codes (documented statuses). */
export function keyError(...codes: string[]): Outcome {
  return platformError({ statuses: [404], codes });
}

// The HTTP client for the endpoint under test (supertest against any base URL). Every request is recorded
// as an Exchange; bodies are always sent as bytes so the client never picks a Content-Type by itself.
import request_ from 'supertest';
import { currentCase } from './case-scope.js';
import type { Exchange, RecordedRequest } from './exchange.js';
import { notifyExchange } from './exchange-listeners.js';
import { numberExchange } from './exchange-numbers.js';
import { sendLargeBody } from './large-body-transport.js';
import { politely, type Answer } from './polite-transport.js';
import { registerSecret } from '../run/redaction.js';
import { reproduction } from './reproduction.js';
import { runContext } from '../run/run-context.js';
import { ENDPOINT_PATH } from './endpoint-path.js';
/** Bodies above this go through the transport that survives a server closing mid-upload. */
const LARGE_BODY_BYTES = 256 * 1024;

/** Where the API key travels: the three documented places, or nowhere. */
export type KeyPlacement = 'query' | 'bearer' | 'body' | 'none';

export interface SubmitOptions {
  /** Key to send instead of the configured valid one (may be malformed on purpose). */
  apiKey?: string;
  placement?: KeyPlacement;
  /** More request headers (a proxy's forwarding headers). */
  headers?: Record<string, string>;
}

export interface RawRequest {
  method?: string;
  /** Another spelling of the endpoint's path (a trailing slash, another letter case); default: the documented one. */
  path?: string;
  /** Query parameters (an apiKey here is the caller's choice). */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** null: send no Content-Type header at all. */
  contentType?: string | null;
}

function queryString(query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString();
  return params ? `?${params}` : '';
}

/** One attempt over the wire: supertest, or the large-body transport. */
async function transmit(baseUrl: string, request: RecordedRequest, path: string): Promise<Answer & { text: string }> {
  const { method, headers, body } = request;
  const timeoutMs = runContext().timeoutMs;
  if (body !== null && body.length > LARGE_BODY_BYTES) return sendLargeBody(request.url, method, headers, body, timeoutMs);

  let pending = request_(baseUrl)[method.toLowerCase() as 'post'](path).timeout({ response: timeoutMs, deadline: timeoutMs * 2 });
  for (const [name, value] of Object.entries(headers)) pending = pending.set(name, value);
  // Keep the raw text of any response; supertest only parses the types it knows.
  pending = pending.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  // Bytes go out as given: without an identity serializer superagent JSON-encodes Buffers.
  if (body !== null) pending = pending.serialize((data: unknown) => data as string).send(body);
  const response = await pending;
  return { status: response.status, headers: response.headers, text: typeof response.body === 'string' ? response.body : '' };
}

/** Sends any request to the endpoint, exactly as given. */
export async function send(raw: RawRequest): Promise<Exchange> {
  const { baseUrl } = runContext();
  const method = (raw.method ?? 'POST').toUpperCase();
  const path = `${raw.path ?? ENDPOINT_PATH}${queryString(raw.query ?? {})}`;
  const headers: Record<string, string> = { ...(raw.headers ?? {}) };
  const contentType = raw.contentType === undefined ? 'application/json' : raw.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const body = raw.body === undefined ? null : Buffer.isBuffer(raw.body) ? raw.body : Buffer.from(raw.body, 'utf8');
  const request: RecordedRequest = { method, url: `${baseUrl}${path}`, headers, body };

  const { answer, retries } = await politely(`${method} ${ENDPOINT_PATH}`, () => timed(() => transmit(baseUrl, request, path)));
  const exchange = recorded(request, answer.status, answer.headers, answer.text, answer.elapsedMs, retries);
  if (exchange.status >= 500) currentCase()?.serverErrors.push({ status: exchange.status, curl: reproduction(request) });
  numberExchange(exchange);
  return notifyExchange(exchange);
}

/**
 * Times one attempt from the moment it leaves the throttle's queue: the target's time, not the suite's own
 * queueing (a low --rate) or waits for 429s.
 */
async function timed<T>(attempt: () => Promise<T>): Promise<T & { elapsedMs: number }> {
  const started = performance.now();
  const answer = await attempt();
  return { ...answer, elapsedMs: performance.now() - started };
}

function recorded(
  request: RecordedRequest,
  status: number,
  headers: Exchange['headers'],
  text: string,
  durationMs: number,
  retries: Exchange['retries'],
): Exchange {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { request, status, headers, text, json, durationMs, retries };
}

/** POSTs a JSON body with the API key in the chosen place (default: the query, as the docs' example). */
export async function submit(fields: Record<string, unknown>, options: SubmitOptions = {}): Promise<Exchange> {
  const apiKey = options.apiKey ?? runContext().apiKey;
  const placement = options.placement ?? 'query';
  for (const name of ['token', 'password'] as const) {
    if (typeof fields[name] === 'string') registerSecret(fields[name], name);
  }
  const body = placement === 'body' ? { ...fields, apiKey } : fields;
  return send({
    query: placement === 'query' ? { apiKey } : {},
    headers: { ...options.headers, ...(placement === 'bearer' ? { Authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify(body),
  });
}

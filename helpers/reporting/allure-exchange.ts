// One Allure step per HTTP exchange with the target, with the request (and its curl line) and the response
// attached as JSON. Everything is masked and redacted here, in the worker, before it reaches Allure:
// allure-results is a CI artifact, and Allure's own "masked" parameters still write the raw value.
import * as allure from 'allure-js-commons';
import { toCurl, type Exchange, type RecordedRequest } from '../http/exchange.js';
import { exchangeNumber } from '../http/exchange-numbers.js';
import { onExchange } from '../http/exchange-listeners.js';
import { redact } from '../run/redaction.js';
import { maskSecretFields } from './allure-masking.js';

/** The step parameter that holds the exchange's number within its case (helpers/http/exchange-numbers.ts). */
export const EXCHANGE_PARAMETER = 'exchange';

/** Longer bodies are cut: a 1 MB probe body helps nobody in a report. */
const MAX_BODY_CHARS = 4096;

/** Deeper bodies are shown as text: masking walks the value recursively, and a hostile body nests thousands deep. */
const MAX_WALKED_DEPTH = 200;

/** Whether brackets nest deeper than `limit` (char codes: bodies reach 1 MB). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}

function parseJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_WALKED_DEPTH)) return undefined;
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function cut(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… (${text.length} chars)` : text;
}

/** A JSON body with its secret fields masked; other text as sent, cut to a readable length. */
function bodyView(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return `<${bytes.length} bytes, not UTF-8>`;
  const json = parseJson(text);
  if (json === undefined) return cut(text);
  const masked = maskSecretFields(json);
  const shown = JSON.stringify(masked);
  return shown.length > MAX_BODY_CHARS ? cut(shown) : masked;
}

/** The request with its JSON body's secret fields masked, for the curl line. */
function maskedRequest(request: RecordedRequest): RecordedRequest {
  const json = request.body === null ? undefined : parseJson(request.body.toString('utf8'));
  if (json === undefined) return request;
  const masked = JSON.stringify(maskSecretFields(json));
  // Unchanged bodies stay byte for byte as sent, so the line still reproduces the request.
  return masked === JSON.stringify(json) ? request : { ...request, body: Buffer.from(masked, 'utf8') };
}

function asJson(value: unknown): string {
  return redact(JSON.stringify(value, null, 2));
}

export async function recordExchange(exchange: Exchange): Promise<void> {
  const { request } = exchange;
  const title = redact(`${request.method} ${new URL(request.url).pathname} → ${exchange.status}`);
  const number = exchangeNumber(exchange);
  await allure.step(title, async (step) => {
    // Hidden: it only lets the reporter find this step when the check of this exchange fails.
    if (number !== null) await step.parameter(EXCHANGE_PARAMETER, String(number), 'hidden');
    // One attachment, not two: every file in allure-results costs an open() in the main process at the
    // end of the run (~0.4 ms each on this machine's disk, ~835 exchanges per full run).
    const requestView = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body && bodyView(request.body),
      curl: toCurl(maskedRequest(request)),
    };
    const responseView = {
      status: exchange.status,
      headers: exchange.headers,
      body: bodyView(Buffer.from(exchange.text, 'utf8')),
      durationMs: Math.round(exchange.durationMs),
      retries: exchange.retries,
    };
    await allure.attachment('request and response', asJson({ request: requestView, response: responseView }), allure.ContentType.JSON);
  });
}

let recording = false;

/** Idempotent: setup files run once per spec file, but the listener list lives as long as the worker. */
export function recordExchangesInAllure(): void {
  if (recording) return;
  recording = true;
  onExchange(recordExchange);
}

// One HTTP request and its response, as the suite records it, plus the redacted curl line that replays it.
import { redact } from '../run/redaction.js';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface Exchange {
  request: RecordedRequest;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  /** Time the target took to answer, without the waits for 429 answers. */
  durationMs: number;
  /** 429 answers waited out before this response (each made visible in the report). */
  retries: { status: number; waitedMs: number }[];
}

/** One word for a POSIX shell: single-quoted, with inner single quotes escaped. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that repeats the request, with every registered secret masked. */
export function toCurl(request: RecordedRequest): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (request.body !== null && request.body.length > 0) {
    const text = request.body.toString('utf8');
    const printable = Buffer.from(text, 'utf8').equals(request.body) && text.length <= 2000;
    parts.push(
      '--data-binary',
      printable ? shellQuote(text) : `"<${request.body.length} bytes${text.length > 2000 ? '' : ', not UTF-8'}>"`,
    );
  }
  return redact(parts.join(' '));
}

/** `STATUS body`, redacted and cut to a readable length, for failure messages. */
export function describeResponse(exchange: Exchange, limit = 600): string {
  const body = exchange.text.length > limit ? `${exchange.text.slice(0, limit)}… (${exchange.text.length} chars)` : exchange.text;
  return redact(`${exchange.status} ${body || '(empty body)'}`);
}

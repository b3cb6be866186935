// How long to wait after a 429 (RFC 6585 §4, RFC 9110 §10.2.3): Retry-After in seconds or as an HTTP
// date. The suite waits at most MAX_RETRY_WAIT_MS; a target that asks for more is rate-limiting the run
// past its patience, which is "could not judge", not a reason to stall.
export const MAX_RETRY_WAIT_MS = 30_000;
export const DEFAULT_RETRY_WAIT_MS = 1_000;

export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return DEFAULT_RETRY_WAIT_MS;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return DEFAULT_RETRY_WAIT_MS;
  return Math.max(ms, 0);
}

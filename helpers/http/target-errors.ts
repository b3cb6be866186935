// A request that got no HTTP answer at all (refused, reset, timed out): the target is unreachable, which
// is "could not judge" (exit 2), not a failed requirement.
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
}

/** Error codes of a request that got no (readable) HTTP answer: refused, reset, timed out, unresolvable, not HTTP. */
const NO_ANSWER_CODES = /^(ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|EPROTO|UND_ERR_\w+|HPE_\w+|ERR_SSL_\w+|CERT_\w+|\w+_CERT_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_\w+)$/;

/**
 * Whether an error thrown while sending means the target gave no answer (network, time-out, invalid HTTP),
 * judged by its code and type. Anything else is a bug in the suite and must not be excused as "no answer".
 */
export function isNoAnswer(error: unknown): boolean {
  const err = error as { code?: unknown; cause?: { code?: unknown }; timeout?: unknown; name?: unknown };
  if (err.timeout !== undefined || err.name === 'TimeoutError' || err.name === 'AbortError') return true;
  const code = typeof err.code === 'string' ? err.code : typeof err.cause?.code === 'string' ? err.cause.code : '';
  return NO_ANSWER_CODES.test(code);
}

export function unreachable(what: string, error: unknown): TargetUnreachableError {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  const timeout = (error as { timeout?: number }).timeout !== undefined || (error as Error).name === 'TimeoutError';
  return new TargetUnreachableError(`${what}: no answer (${timeout ? 'timeout' : (code ?? (error as Error).message)})`);
}

/** The target kept answering 429 past the suite's patience: the case could not be judged. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
}

/** A case did not finish within its time limit (a slow target or long waits): not a verdict on the target. */
export class CaseDeadlineError extends Error {
  override name = 'CaseDeadlineError';
}

/** A gateway in front of the target said the application cannot answer now (502, 504, or 503 past the suite's patience). */
export class TargetUnavailableError extends Error {
  override name = 'TargetUnavailableError';
}

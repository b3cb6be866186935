// A request that got no HTTP answer at all (refused, reset, timed out): the target is unreachable, which
// is "could not judge" (exit 2), not a failed requirement.
export class TargetUnreachableError extends Error {
  override name = 'TargetUnreachableError';
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

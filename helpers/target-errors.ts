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

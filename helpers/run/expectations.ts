// Loads the target's known-deviations file (owned by the target, like V8's test262.status).
import { readFileSync } from 'node:fs';
import { ConfigError } from './config.js';
import { describeErrors, validator } from './json-schemas.js';

/** One known deviation of the target: the requirement it fails, why, and where that is tracked. */
export interface ExpectedFailure {
  id: string;
  reason: string;
  issue?: string;
}

export function loadExpectations(path: string | null): ExpectedFailure[] {
  if (path === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CONFORMANCE_EXPECTATIONS ${path} is not readable JSON (${(error as Error).message})`);
  }
  const validate = validator('expectations');
  if (!validate(data)) throw new ConfigError(`CONFORMANCE_EXPECTATIONS ${path} is invalid: ${describeErrors(validate)}`);
  return (data as { expectedFailures: ExpectedFailure[] }).expectedFailures;
}

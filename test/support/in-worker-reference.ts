// vitest setup file of the mutation run (vitest.mutation.config.ts): starts the reference implementation
// inside this test worker, where Stryker activates its mutant (a server started in the global setup runs
// in vitest's main process, which mutants never reach), and points the run context at it.
import { afterAll, beforeEach, inject } from 'vitest';
import type { RunningReference } from '../../reference/start.js';

const context = inject('conformance');
let reference: RunningReference | null = null;
let startError: Error | null = null;
try {
  // Imported here, not statically: a mutant can break the reference's modules as they load, and that
  // must fail the tests below rather than the file (a file that fails to load runs no test, and a mutant
  // whose tests do not run counts as survived).
  const { startReference } = await import('../../reference/start.js');
  // The key and state token come from the provided context, which the other setup files also read.
  reference = await startReference({ apiKeys: [context.apiKey], stateToken: context.stateToken ?? undefined });
  context.baseUrl = reference.baseUrl;
  context.stateUrl = reference.stateUrl;
} catch (error) {
  startError = error instanceof Error ? error : new Error(String(error));
}

// Failing in a hook would only skip the tests; failing each test kills the mutant.
beforeEach(() => {
  if (startError !== null) throw new Error(`the reference did not start in this worker: ${startError.message}`);
});

afterAll(async () => {
  await reference?.close();
});

// Judging "promptly" fairly: an exchange is timed from the moment its request leaves the suite's queue
// (helpers/http/endpoint-client.ts), and compared with the same target's answer time to ordinary requests
// measured in the same test, so a slow network, a loaded machine or a low --rate is not a stall.
import type { Faker } from '@faker-js/faker';
import { submit } from '../http/endpoint-client.js';
import { expectFact } from './expect-outcome.js';
import type { Exchange } from '../http/exchange.js';
import { randomPassword, randomToken } from '../run/random.js';

/** How much longer than the target's slowest ordinary answer a probe may take before it counts as a stall. */
export const STALL_MARGIN_MS = 2_500;
/** Ordinary requests timed for the baseline. */
const BASELINE_SAMPLES = 2;

/** The slowest of a few ordinary answers (a never-issued token) of this target, now. */
export async function baselineMs(rand: Faker): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < BASELINE_SAMPLES; i += 1) samples.push((await submit({ token: randomToken(rand), password: randomPassword(rand) })).durationMs);
  return Math.max(...samples);
}

/** Fails when the exchange took more than the baseline plus the margin: the input made the target stall. */
export function expectPrompt(requirementId: string, exchange: Exchange, baseline: number, marginMs = STALL_MARGIN_MS): void {
  const limit = baseline + marginMs;
  expectFact(
    requirementId,
    exchange.durationMs <= limit,
    `an answer within ${Math.round(limit)} ms (the target's ordinary answer time ${Math.round(baseline)} ms + ${marginMs} ms)`,
    `${Math.round(exchange.durationMs)} ms`,
    exchange,
  );
}

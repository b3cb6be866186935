// Assertions that fail the way h2spec does: the requirement, the acceptable outcomes, what came back,
// and a redacted curl line that reproduces the request. The failure carries these as fields (detail), so
// reports never parse them back out of the message.
import { requirementById } from '../../fixtures/requirements.js';
import { describeResponse, type Exchange } from '../http/exchange.js';
import { exchangeNumber } from '../http/exchange-numbers.js';
import type { Outcome } from './outcomes.js';
import { redact } from '../run/redaction.js';
import { reproduction } from '../http/reproduction.js';

/** What a failed case shows: every field already redacted. */
export interface FailureDetail {
  requirementId: string;
  expected: string;
  actual: string;
  why: string;
  /** A shell command that repeats the request (helpers/http/reproduction.ts), or null when the failure is about state, not one request. */
  curl: string | null;
}

/** The target broke a requirement: the only error that makes a case "failed". */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';

  /** `exchange`: the number, within the case, of the exchange the failed check judged (null: a fact about state). */
  constructor(
    readonly detail: FailureDetail,
    readonly exchange: number | null = null,
  ) {
    super(formatFailure(detail));
  }
}

function header(requirementId: string): string {
  const requirement = requirementById(requirementId);
  if (!requirement) return requirementId;
  const line = `${requirement.id} (${requirement.level}): ${requirement.statement}`;
  return requirement.profileKey ? `${line}\nProfile key: ${requirement.profileKey} (set it in your profile to change this expectation)` : line;
}

function formatFailure(detail: FailureDetail): string {
  const lines = [header(detail.requirementId), `Expected: ${detail.expected}`, `Actual: ${detail.actual}`];
  if (detail.why !== detail.actual) lines.push(`Why: ${detail.why}`);
  if (detail.curl !== null) lines.push(`Reproduce: ${detail.curl}`);
  return lines.join('\n');
}

/** Fails unless the exchange matches one of the outcomes. */
export function expectOutcome(requirementId: string, exchange: Exchange, ...outcomes: Outcome[]): void {
  const reasons = outcomes.map((outcome) => outcome.mismatch(exchange));
  if (reasons.some((reason) => reason === null)) return;
  throw new ConformanceFailure({
    requirementId,
    expected: outcomes.map((o) => o.label).join(' | '),
    actual: describeResponse(exchange),
    why: redact(reasons.join('; ')),
    curl: reproduction(exchange.request),
  }, exchangeNumber(exchange));
}

/** Fails with the requirement and a plain statement of what was expected and what was seen. */
export function expectFact(requirementId: string, holds: boolean, expected: string, actual: string, exchange?: Exchange): void {
  if (holds) return;
  const seen = redact(actual);
  throw new ConformanceFailure(
    { requirementId, expected, actual: seen, why: seen, curl: exchange ? reproduction(exchange.request) : null },
    exchange ? exchangeNumber(exchange) : null,
  );
}

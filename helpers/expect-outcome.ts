// Assertions that fail the way h2spec does: the requirement, the acceptable outcomes, what came back,
// and a redacted curl line that reproduces the request.
import { requirementById } from '../fixtures/requirements.js';
import { describeResponse, toCurl, type Exchange } from './exchange.js';
import type { Outcome } from './outcomes.js';
import { redact } from './redaction.js';

export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

function header(requirementId: string): string {
  const requirement = requirementById(requirementId);
  if (!requirement) return requirementId;
  const line = `${requirement.id} (${requirement.level}): ${requirement.statement}`;
  return requirement.profileKey ? `${line}\nProfile key: ${requirement.profileKey} (set it in your profile to change this expectation)` : line;
}

/** Fails unless the exchange matches one of the outcomes. */
export function expectOutcome(requirementId: string, exchange: Exchange, ...outcomes: Outcome[]): void {
  const reasons = outcomes.map((outcome) => outcome.mismatch(exchange));
  if (reasons.some((reason) => reason === null)) return;
  throw new ConformanceFailure(
    [
      header(requirementId),
      `Expected: ${outcomes.map((o) => o.label).join(' | ')}`,
      `Actual: ${describeResponse(exchange)}`,
      `Why: ${redact(reasons.join('; '))}`,
      `Reproduce: ${toCurl(exchange.request)}`,
    ].join('\n'),
  );
}

/** Fails with the requirement and a plain statement of what was expected and what was seen. */
export function expectFact(requirementId: string, holds: boolean, expected: string, actual: string, exchange?: Exchange): void {
  if (holds) return;
  const lines = [header(requirementId), `Expected: ${expected}`, `Actual: ${redact(actual)}`];
  if (exchange) lines.push(`Reproduce: ${toCurl(exchange.request)}`);
  throw new ConformanceFailure(lines.join('\n'));
}

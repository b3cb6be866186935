// A failed case as lines of text, from its fields: the same shape in the console and conformance.md.
import type { RequirementVerdict } from '../verdict/verdict.js';

export function failureLines(failure: RequirementVerdict['failures'][number]): string[] {
  const lines = [`Expected: ${failure.expected}`, `Actual: ${failure.actual}`];
  if (failure.why !== failure.actual) lines.push(`Why: ${failure.why}`);
  for (const setup of failure.setups) lines.push(`State: ${setup}`);
  if (failure.curl !== null) lines.push(`Reproduce: ${failure.curl}`);
  return lines;
}

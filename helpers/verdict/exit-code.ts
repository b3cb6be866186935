// The contract's exit codes: 0 conformant, 1 non-conformant, 2 could not judge. One verdict, one code.
import type { ConformanceReport, Verdict } from './verdict.js';

export const EXIT = { conformant: 0, nonConformant: 1, couldNotJudge: 2 } as const;

const CODES: Record<Verdict, number> = {
  conformant: EXIT.conformant,
  'non-conformant': EXIT.nonConformant,
  'not-judged': EXIT.couldNotJudge,
};

export function exitCodeFor(report: ConformanceReport | null): { code: number; why: string } {
  if (report === null) return { code: EXIT.couldNotJudge, why: 'the run produced no verdict' };
  return { code: CODES[report.verdict], why: report.verdictReason };
}

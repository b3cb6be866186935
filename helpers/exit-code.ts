// The contract's exit codes: 0 conformant, 1 non-conformant, 2 could not judge.
import type { ConformanceReport } from './reporting/verdict.js';

export const EXIT = { conformant: 0, nonConformant: 1, couldNotJudge: 2 } as const;

export function exitCodeFor(report: ConformanceReport | null): { code: number; why: string } {
  if (report === null) return { code: EXIT.couldNotJudge, why: 'the run produced no verdict' };
  if (report.suiteErrors.length > 0) return { code: EXIT.couldNotJudge, why: 'the suite itself reported errors' };
  if (report.summary.cases === 0) return { code: EXIT.couldNotJudge, why: 'no test ran: a run that tested nothing never passes' };
  const counted = report.requirements.filter((r) => r.level === 'MUST' || report.strict);
  if (counted.some((r) => r.status === 'failed' || r.status === 'unexpected-pass')) {
    return { code: EXIT.nonConformant, why: 'a requirement failed unexpectedly' };
  }
  if (report.summary.notVerified > 0) {
    return { code: EXIT.couldNotJudge, why: 'some cases could not be judged: the state hook failed or the target gave no answer' };
  }
  return report.verdict === 'conformant'
    ? { code: EXIT.conformant, why: 'every in-scope requirement passed' }
    : { code: EXIT.nonConformant, why: 'non-conformant' };
}

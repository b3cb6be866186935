// Builds reports/conformance.json from the case results of a run (or of several shard runs).
import type { ExpectedFailure } from '../run/expectations.js';
import { SUITE_NAME } from '../run/suite-version.js';
import { computeVerdicts, verdictLine, type CaseResult, type ConformanceReport } from './verdict.js';

/** What a run records besides its cases; enough to rebuild its report (and merge shards). */
export interface RunRecord {
  meta: {
    suiteVersion: string;
    target: ConformanceReport['target'];
    mode: ConformanceReport['mode'];
    strict: boolean;
    profile: string;
    seed: number;
    startedAt: string;
    durationMs: number;
    replay: string;
    selected: string[] | null;
    shard: { index: number; count: number } | null;
    expectedFailures: ExpectedFailure[];
  };
  cases: CaseResult[];
  suiteErrors: string[];
}

export function buildReport({ meta, cases, suiteErrors }: RunRecord): ConformanceReport {
  const computed = computeVerdicts({
    cases,
    suiteErrors,
    mode: meta.mode,
    strict: meta.strict,
    expectedFailures: meta.expectedFailures,
    selected: meta.selected,
    shard: meta.shard,
  });
  const failed = (level: string) =>
    computed.requirements.filter((r) => r.level === level && (r.status === 'failed' || r.status === 'unexpected-pass')).length;
  return {
    suite: { name: SUITE_NAME, version: meta.suiteVersion },
    target: meta.target,
    mode: meta.mode,
    strict: meta.strict,
    profile: meta.profile,
    seed: meta.seed,
    startedAt: meta.startedAt,
    durationMs: meta.durationMs,
    verdict: computed.verdict,
    verdictLine: verdictLine(computed),
    verdictReason: computed.verdictReason,
    scope: computed.scope,
    shard: meta.shard,
    requirements: computed.requirements,
    summary: {
      requirements: computed.requirements.length,
      cases: cases.filter((c) => c.outcome !== 'not-run').length,
      failedMust: failed('MUST'),
      failedShould: failed('SHOULD'),
      notVerified: computed.notVerified,
      suiteErrorCases: computed.suiteErrorCases,
      retries: cases.reduce((sum, c) => sum + c.retries, 0),
    },
    suiteErrors: computed.suiteErrors,
    replay: meta.replay,
  };
}

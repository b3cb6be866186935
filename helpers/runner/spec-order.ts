// The order spec files start in. A file that waits on the clock (a reset request's lifetime running out)
// starts first, so the rest of the run goes on in the other workers while it waits: a full run then takes
// about that wait plus start-up, not the wait on top of everything else. Otherwise vitest's own order
// (slowest of the last run first).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Spec files that sleep until a lifetime has passed (test/unit/spec-order.test.ts keeps the list true). */
export const WAITS_ON_THE_CLOCK: readonly string[] = ['specs/token-lifecycle/expiry.spec.ts'];

/** A sequencer that starts `first` (paths from the project root, in that order), then the rest in vitest's order. */
export function startingFirst(first: readonly string[]): typeof BaseSequencer {
  const rank = (spec: TestSpecification): number => {
    const path = spec.moduleId.replaceAll('\\', '/');
    return first.findIndex((file) => path.endsWith(`/${file}`));
  };
  return class extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const listed = sorted.filter((spec) => rank(spec) !== -1).sort((a, b) => rank(a) - rank(b));
      return [...listed, ...sorted.filter((spec) => rank(spec) === -1)];
    }
  };
}

export const ClockWaitsFirst = startingFirst(WAITS_ON_THE_CLOCK);

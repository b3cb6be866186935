// How a spec declares a test: `requirement(ID).test(title, fn)`. The title is prefixed with the ID
// (test262's esid, h2spec's section id) for people; the ID travels to the reports as data (task.meta).
// Tests that need the state hook are skipped in safe mode, each test gets a seeded faker and a state
// arranger, and every case ends here: its outcome is classified once (helpers/checks/case-outcome.ts).
import type { Faker } from '@faker-js/faker';
import { test as baseTest, type TestContext } from 'vitest';
import { requirementById, type RequirementId } from '../../fixtures/requirements.js';
import { classifyError, type CaseMeta } from './case-outcome.js';
import { newCaseScope, runInCaseScope, type CaseScope } from '../http/case-scope.js';
import { withDeadline } from './case-deadline.js';
import { notifyCase } from './case-listeners.js';
import { seededFaker } from '../run/random.js';
import { redact } from '../run/redaction.js';
import { runContext } from '../run/run-context.js';
import { StateArranger } from '../state/state-arranger.js';

interface SuiteFixtures {
  /** Seeded from the run seed and the test's name. */
  rand: Faker;
  state: StateArranger;
}

const suiteTest = baseTest.extend<SuiteFixtures>({
  rand: async ({ task }, use) => {
    await use(seededFaker(runContext().seed, task.name));
  },
  // vitest reads fixture dependencies from the destructuring pattern, so an empty one is required here.
  // eslint-disable-next-line no-empty-pattern
  state: async ({}, use) => {
    const arranger = new StateArranger();
    await use(arranger);
    // The case tears down inside runCase, where a failing hook is classified; this only catches leftovers.
    await arranger.teardownAll().catch(() => undefined);
  },
});

export type SuiteContext = TestContext & SuiteFixtures;
type TestBody = (context: SuiteContext) => Promise<void> | void;
type CaseBody<T> = (testCase: T, context: SuiteContext) => Promise<void> | void;

export interface TestOptions {
  /** Overrides the requirement's default: a safe requirement's case that still needs the state hook. */
  needsState?: boolean;
  timeout?: number;
}

const SAFE_MODE_REASON = 'safe mode: needs the state hook or could change data (run in full mode to verify)';

/** vitest's own skip (context.skip) ends a case with this error code: a case that chose not to run. */
function isVitestSkip(error: unknown): error is Error & { note?: string } {
  // vitest's PendingError is an Error subclass, but not exported.
  return (error as { code?: string } | null)?.code === 'VITEST_PENDING';
}

function finish(meta: CaseMeta, scope: CaseScope): void {
  meta.setups = scope.setups;
  meta.serverErrors = scope.serverErrors;
  meta.retries = scope.retries;
}

/** Runs one case and records its outcome in task.meta; expected failures and not-run cases end skipped. */
async function runCase(id: RequirementId, context: SuiteContext, body: () => Promise<void> | void): Promise<void> {
  // Until the case ends here, it has not passed: a case that vitest ends some other way stays a suite error.
  const meta: CaseMeta = { outcome: 'suite-error', reason: 'the case did not finish', failure: null, setups: [], serverErrors: [], retries: 0, scope: null, failedExchange: null };
  context.task.meta.conformance = meta;
  const scope = newCaseScope(id);
  const { caseTimeoutMs, expectedFailures } = runContext();
  let ended: unknown = null;
  try {
    await runInCaseScope(scope, async () => {
      await withDeadline(Promise.resolve().then(body), caseTimeoutMs, scope);
      await context.state.teardownAll();
    });
  } catch (error) {
    ended = error;
  }
  finish(meta, scope);
  if (ended === null) {
    Object.assign(meta, { outcome: 'passed', reason: null });
    return;
  }
  if (isVitestSkip(ended)) {
    Object.assign(meta, { outcome: 'not-run', reason: ended.note ?? 'not applicable to this target', scope: 'not applicable' });
    throw ended; // vitest's own skip, passed on as it came
  }
  Object.assign(meta, classifyError(ended));
  meta.reason = meta.reason === null ? null : redact(meta.reason);
  const expectation = meta.outcome === 'failed' ? expectedFailures.find((e) => e.id === id) : undefined;
  if (expectation) {
    Object.assign(meta, { outcome: 'expected-failure', reason: `known deviation: ${expectation.reason}` });
  }
  // Out of scope or known: reported as skipped (JUnit, Allure), never as a failure.
  if (meta.outcome === 'expected-failure' || meta.outcome === 'not-run') context.skip(meta.reason ?? undefined);
  throw ended instanceof Error ? ended : new Error(meta.reason ?? "the case failed");
}

/** The test API of one requirement. */
export function requirement(id: RequirementId) {
  const entry = requirementById(id);
  if (!entry) throw new Error(`unknown requirement ${id}`);
  const declared = (options: TestOptions) => {
    const runnable = runContext().mode === 'full' || !(options.needsState ?? !entry.safe);
    return {
      runnable,
      options: { timeout: options.timeout, meta: runnable ? { requirementId: id } : { requirementId: id, skipReason: SAFE_MODE_REASON } },
    };
  };

  return {
    id,
    /** One test of this requirement. */
    test(title: string, body: TestBody, options: TestOptions = {}) {
      const { runnable, options: testOptions } = declared(options);
      // Destructured so vitest sets the fixtures up (it reads the pattern); the body gets the whole context.
      suiteTest.skipIf(!runnable)(`${id} ${title}`, testOptions, async ({ rand: _rand, state: _state, task }) => {
        const context = task.context as SuiteContext;
        await runCase(id, context, () => body(context));
      });
    },
    /** One test per case of a table (vitest's `test.for`); `$label` in the title names the case. */
    each<T extends { label: string }>(cases: readonly T[], options: TestOptions = {}) {
      return (title: string, body: CaseBody<T>) => {
        const { runnable, options: testOptions } = declared(options);
        // vitest sets up the fixtures it sees destructured here; the body gets the whole context (task.context).
        suiteTest.skipIf(!runnable).for(cases)(`${id} ${title}`, testOptions, async (testCase, { rand: _rand, state: _state, task }) => {
          const context = task.context as SuiteContext;
          await runCase(id, context, async () => {
            await notifyCase(testCase); // reporting shows the case's fields
            await body(testCase, context);
          });
        });
      };
    },
  };
}

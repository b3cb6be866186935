// How a spec declares a test: `requirement(ID).test(title, fn)`. The title is prefixed with the ID
// (test262's esid, h2spec's section id), tests that need the state hook are skipped in safe mode, and each
// test gets a seeded faker and a state arranger that tears down every customer it created.
import type { Faker } from '@faker-js/faker';
import { test as baseTest, type TestContext } from 'vitest';
import { requirementById, type RequirementId } from '../fixtures/requirements.js';
import { notifyCase } from './case-listeners.js';
import { seededFaker } from './random.js';
import { runContext } from './run-context.js';
import { StateArranger } from './state-arranger.js';

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
    await arranger.teardownAll();
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

/** The test API of one requirement. */
export function requirement(id: RequirementId) {
  const entry = requirementById(id);
  if (!entry) throw new Error(`unknown requirement ${id}`);
  const runnable = (options: TestOptions) => runContext().mode === 'full' || !(options.needsState ?? !entry.safe);

  return {
    id,
    /** One test of this requirement. */
    test(title: string, body: TestBody, options: TestOptions = {}) {
      suiteTest.skipIf(!runnable(options))(`${id} ${title}`, { timeout: options.timeout }, body);
    },
    /** One test per case of a table (vitest's `test.for`); `$label` in the title names the case. */
    each<T extends { label: string }>(cases: readonly T[], options: TestOptions = {}) {
      return (title: string, body: CaseBody<T>) => {
        // vitest sets up the fixtures it sees destructured here; the body gets the whole context (task.context).
        suiteTest.skipIf(!runnable(options)).for(cases)(`${id} ${title}`, { timeout: options.timeout }, async (testCase, { rand: _rand, state: _state, task }) => {
          await notifyCase(testCase); // reporting shows the case's fields
          await body(testCase, task.context as SuiteContext);
        });
      };
    },
  };
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createVitest } from 'vitest/node';
import { REQUIREMENTS } from '../../fixtures/requirements.js';
import { specFilesFor } from '../../helpers/runner/spec-files.js';
import { SUITE_OPTIONS } from '../../helpers/runner/suite-options.js';
import { runContextFor } from '../support/suite-run-context.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the spec files of a selection', () => {
  test('every requirement has spec files, each in its own area folder', () => {
    for (const { id } of REQUIREMENTS) {
      const files = specFilesFor(ROOT, [id]);
      expect(files.length, id).toBeGreaterThan(0);
      expect(files.some((file) => readFileSync(file.replace(/[^/]+\.spec\.ts$/, 'requirements.ts'), 'utf8').includes(`'${id}'`)), id).toBe(true);
    }
  });

  test('the files found hold every test of the requirement: collected over the whole suite, none is elsewhere', async () => {
    // Collect only (no run): every test's file and requirement, from vitest's own task tree.
    const target = { baseUrl: 'http://127.0.0.1:1', apiKey: `DEV_${'a'.repeat(28)}`, stateUrl: 'http://127.0.0.1:1/state', stateToken: 'unused' };
    const provide = { conformance: runContextFor(target, { seed: 1, strict: true }) };
    const vitest = await createVitest('test', { ...SUITE_OPTIONS, root: ROOT, config: false, watch: false, reporters: [], provide });
    try {
      const collected = await vitest.collect();
      const where = new Map<string, Set<string>>();
      for (const file of collected.testModules) {
        for (const test of file.children.allTests()) {
          const id = (test.meta() as { requirementId?: string }).requirementId;
          if (id !== undefined) where.set(id, (where.get(id) ?? new Set()).add(file.moduleId));
        }
      }
      expect(where.size).toBe(REQUIREMENTS.length);
      for (const [id, files] of where) expect(specFilesFor(ROOT, [id]), id).toEqual(expect.arrayContaining([...files]));
    } finally {
      await vitest.close();
    }
  });
});

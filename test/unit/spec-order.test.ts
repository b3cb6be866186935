import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { TestSpecification, Vitest } from 'vitest/node';
import { ClockWaitsFirst, startingFirst, WAITS_ON_THE_CLOCK } from '../../helpers/runner/spec-order.js';
import { LONGEST_FIRST } from '../../vitest.project.config.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function specFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specFiles(join(dir, entry.name)) : entry.name.endsWith('.spec.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the spec order', () => {
  test('every spec file that sleeps is listed as waiting on the clock, and every listed file sleeps', () => {
    const sleeping = specFiles('specs').filter((file) => /\bsleep\(/.test(readFileSync(join(ROOT, file), 'utf8')));
    expect([...WAITS_ON_THE_CLOCK].sort()).toEqual(sleeping.sort());
  });

  test('files that wait on the clock start first, the others keep vitest’s order', async () => {
    const ctx = { config: { root: ROOT }, cache: { getFileTestResults: () => undefined, getFileStats: () => undefined } } as unknown as Vitest;
    const spec = (file: string) => ({ moduleId: join(ROOT, file), project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } } }) as unknown as TestSpecification;
    const files = ['specs/success/a.spec.ts', 'specs/api-key/b.spec.ts', WAITS_ON_THE_CLOCK[0] as string, 'specs/responses/c.spec.ts'].map(spec);
    const sorted = await new ClockWaitsFirst(ctx).sort(files);
    expect(sorted.map((s) => s.moduleId)).toEqual([files[2], files[0], files[1], files[3]].map((s) => s?.moduleId));
  });

  test('a list of several files starts them in the list’s order, whatever vitest’s', async () => {
    const ctx = { config: { root: ROOT }, cache: { getFileTestResults: () => undefined, getFileStats: () => undefined } } as unknown as Vitest;
    const spec = (file: string) => ({ moduleId: join(ROOT, file), project: { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } } }) as unknown as TestSpecification;
    const files = ['test/a.test.ts', 'test/b.test.ts', 'test/c.test.ts', 'test/d.test.ts'].map(spec);
    const Sequencer = startingFirst(['test/d.test.ts', 'test/b.test.ts']);
    const sorted = await new Sequencer(ctx).sort(files);
    expect(sorted.map((s) => s.moduleId)).toEqual([files[3], files[1], files[0], files[2]].map((s) => s?.moduleId));
  });

  test('npm test’s longest-first list names files that exist (a renamed file would silently lose its place)', () => {
    for (const file of LONGEST_FIRST) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });
});

// What the runner's own process loads at start. Its workers load the HTTP client, faker and vitest's test
// API; the runner itself needs none of them, and each one cost every run its load time in the runner too
// (supertest ~90 ms, vitest's test API ~50 ms, faker ~35 ms), through a constant or a helper that only
// shared a module with them.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runNode } from '../support/run-node.js';

const HOOK = fileURLToPath(new URL('../support/record-modules.mjs', import.meta.url));

test('the runner process loads neither the HTTP client, nor faker, nor vitest’s test API', async () => {
  const record = join(mkdtempSync(join(tmpdir(), 'runner-start-')), 'modules.txt');
  // --help imports the whole bundle (its static imports), then prints and exits.
  const run = await runNode(['--import', HOOK, 'bin/snp-conformance.js', '--help'], { RECORD_MODULES: record }, 60_000);
  expect(run.code, run.stderr).toBe(0);
  const loaded = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  expect(loaded.some((url) => url.includes('/node_modules/vitest/dist/node.js')), 'the record holds the runner’s own imports').toBe(true);
  const unwanted = loaded.filter((url) => /\/node_modules\/(supertest|superagent|@faker-js)\/|\/node_modules\/vitest\/dist\/index\.js$/.test(url));
  expect([...new Set(unwanted)]).toEqual([]);
});

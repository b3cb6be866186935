// Every spec shows the sentences it checks in its own folder (issue 9): each requirement a spec declares is
// listed in that folder's requirements.ts, and the catalogue is exactly the join of those lists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { REQUIREMENTS } from '../../fixtures/requirements.js';

const SPECS = fileURLToPath(new URL('../../specs/', import.meta.url));
const areas = readdirSync(SPECS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const idsIn = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1] as string);

test.each(areas)('specs/%s: every requirement its specs declare is listed beside them', (area) => {
  const listed = new Set(idsIn(readFileSync(join(SPECS, area, 'requirements.ts'), 'utf8'), /id: '([A-Z0-9-]+)'/g));
  const specFiles = readdirSync(join(SPECS, area)).filter((f) => f.endsWith('.spec.ts'));
  const declared = specFiles.flatMap((f) => idsIn(readFileSync(join(SPECS, area, f), 'utf8'), /requirement\('([A-Z0-9-]+)'\)/g));
  expect(declared.filter((id) => !listed.has(id))).toEqual([]);
});

test('the catalogue is the join of the areas\' lists, each ID once', () => {
  const listed = areas.flatMap((area) => idsIn(readFileSync(join(SPECS, area, 'requirements.ts'), 'utf8'), /id: '([A-Z0-9-]+)'/g));
  expect([...listed].sort()).toEqual(REQUIREMENTS.map((r) => r.id).sort());
  expect(new Set(listed).size).toBe(listed.length);
});

// The layers of helpers/ are enforced by the lint (helpers/layers.mjs): a lower layer that imports a higher one
// fails `npm run lint`. Shown on a file written into helpers/http for the test and removed afterwards.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PROBE = fileURLToPath(new URL('../../helpers/http/layer-probe.ts', import.meta.url));

afterAll(() => rmSync(PROBE, { force: true }));

test('helpers/http importing from helpers/reporting fails the lint; importing from helpers/run does not', async () => {
  writeFileSync(PROBE, "import { formatJunit } from '../reporting/junit.js';\nimport { redact } from '../run/redaction.js';\nexport const probe = [formatJunit, redact];\n");
  const [result] = await new ESLint({ cwd: ROOT }).lintFiles([PROBE]);
  const layerErrors = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
  expect(layerErrors).toHaveLength(1);
  expect(layerErrors[0]?.message).toMatch(/helpers\/http is below .*reporting/);
  expect(layerErrors[0]?.line).toBe(1);
}, 60_000);

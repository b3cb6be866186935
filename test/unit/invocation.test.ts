// The command printed for the user to run (the replay line) is one that exists where the suite is.
import { expect, test } from 'vitest';
import { conformanceCommand } from '../../helpers/run/invocation.js';

test('in a checkout: npm run conformance, flags after --; installed as a package: npx snp-conformance', () => {
  expect(conformanceCommand([], false)).toBe('npm run conformance');
  expect(conformanceCommand(['--only SNP-X'], false)).toBe('npm run conformance -- --only SNP-X');
  expect(conformanceCommand([], true)).toBe('npx snp-conformance');
  expect(conformanceCommand(['--only SNP-X'], true)).toBe('npx snp-conformance --only SNP-X');
  // This test runs from the project's checkout.
  expect(conformanceCommand([])).toBe('npm run conformance');
});

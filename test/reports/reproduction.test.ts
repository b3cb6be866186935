// A failure's reproduction runs as pasted (issue 10): against the reference with a fault, the command from
// the report, run by bash with the four settings exported, gets the same wrong answer again. It names the
// key, state token, reset tokens and passwords only as shell variables.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { runSuiteInProcess } from '../support/run-suite-in-process.js';

const run = promisify(execFile);

function exported(reference: { baseUrl: string; apiKey: string; stateUrl: string; stateToken: string }): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    CONFORMANCE_BASE_URL: reference.baseUrl,
    CONFORMANCE_API_KEY: reference.apiKey,
    CONFORMANCE_STATE_URL: reference.stateUrl,
    CONFORMANCE_STATE_TOKEN: reference.stateToken,
  };
}

test('the curl of an E004 failure (fault expiry-ignored) reproduces the success it should not give', async () => {
  const reference = await startReference({ faults: ['expiry-ignored'] });
  try {
    const report = await runSuiteInProcess(reference, { seed: 10, strict: false, testNamePattern: /^SNP-E004-EXPIRED / });
    const failure = report.requirements.find((r) => r.id === 'SNP-E004-EXPIRED')?.failures[0];
    expect(failure?.curl).toMatch(/^PASSWORD_1=.* && TOKEN_1=\$\(curl -s -X POST "\$CONFORMANCE_STATE_URL" -H "Authorization: Bearer \$CONFORMANCE_STATE_TOKEN"/);
    for (const secret of [reference.apiKey, reference.stateToken]) expect(failure?.curl).not.toContain(secret);
    expect(failure?.curl).not.toContain('REDACTED');

    const { stdout } = await run('bash', ['-c', failure?.curl as string], { env: exported(reference), timeout: 20_000 });
    expect(stdout).toMatch(/^HTTP\/1\.1 200/);
    expect(stdout).toContain('{"success":true}');
  } finally {
    await reference.close();
  }
});

test('a failure after a wait on purpose reproduces the wait: replayed against a fixed target, it shows the fix', async () => {
  const faulty = await startReference({ faults: ['expiry-ignored'] });
  const fixed = await startReference();
  try {
    const report = await runSuiteInProcess(faulty, { seed: 10, strict: false, testNamePattern: /^SNP-E004-EXPIRES-IN-PLACE a request/ });
    const curl = report.requirements.find((r) => r.id === 'SNP-E004-EXPIRES-IN-PLACE')?.failures[0]?.curl as string;
    // The token's setup (a 1 s lifetime), then the case's wait (lifetime + tolerance + margin), then the request.
    expect(curl).toMatch(/^PASSWORD_1=.* && TOKEN_1=\$\(curl .*"expiresInSeconds":1.*\) && sleep 3 && curl -i -X POST /);
    const { stdout } = await run('bash', ['-c', curl], { env: exported(fixed), timeout: 20_000 });
    // Without the sleep the request would still be pending, and the fixed target would answer 200 too.
    expect(stdout).toMatch(/"errorCode":"E004"/);
  } finally {
    await faulty.close();
    await fixed.close();
  }
});

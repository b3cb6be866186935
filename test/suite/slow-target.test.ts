// Issue 13, observations 8 and 9: slowness is never the target's fault. A correct target that takes 2 s to
// answer every request, judged at a low --rate so that the suite queues its own requests, is CONFORMANT:
// the queue's wait does not count as the target's time. In a file of its own because it mostly waits
// (~27 s at 4 requests a second, counted run-wide): npm test starts it first, beside the files that compute.
import { expect, test } from 'vitest';
import { startReference } from '../../reference/start.js';
import { startLoopbackProxy } from '../../scripts/support/loopback-proxy.js';
import { runConformance } from '../support/run-conformance.js';
import { targetEnv } from '../support/target-env.js';

test('a correct target that takes 2 s to answer every request is CONFORMANT (observations 8 and 9)', async () => {
  const reference = await startReference();
  const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: 2_000 });
  try {
    const only = 'SNP-E003-HOSTILE-TOKEN,SNP-SUCCESS-RESPONSE,SNP-TOKEN-SINGLE-USE,SNP-E004-EXPIRES-IN-PLACE';
    // A low rate makes the suite queue its own requests: that wait must not count as the target's time.
    const run = await runConformance({ ...targetEnv(reference, proxy.url), CONFORMANCE_SEED: '9', CONFORMANCE_RATE: '4' }, 170_000, ['--only', only]);
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.report?.verdict).toBe('conformant');
  } finally {
    await proxy.close();
    await reference.close();
  }
}, 180_000);

// A case's deadline counts the target's time only: a wait on purpose (scope.waitedMs) and a wait in the run's
// request queue (scope.queuedMs, and while a request is still queued) never make a case "not verified".
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { withDeadline } from '../../helpers/checks/case-deadline.js';
import { newCaseScope } from '../../helpers/http/case-scope.js';
import { CaseDeadlineError } from '../../helpers/http/target-errors.js';

const DEADLINE_MS = 100;

test('a case that takes longer than its deadline ends with CaseDeadlineError', async () => {
  await expect(withDeadline(sleep(300), DEADLINE_MS, newCaseScope('SNP-TEST'))).rejects.toBeInstanceOf(CaseDeadlineError);
});

test('time waited on purpose is added to the deadline', async () => {
  const scope = newCaseScope('SNP-TEST');
  scope.waitedMs = 250;
  await expect(withDeadline(sleep(300), DEADLINE_MS, scope)).resolves.toBeUndefined();
});

test('time spent in the request queue is added to the deadline', async () => {
  const scope = newCaseScope('SNP-TEST');
  scope.queuedMs = 250;
  await expect(withDeadline(sleep(300), DEADLINE_MS, scope)).resolves.toBeUndefined();
});

test('while a request of the case is still queued, a due deadline waits', async () => {
  const scope = newCaseScope('SNP-TEST');
  scope.queued = 1;
  const work = (async () => {
    await sleep(1_200);
    scope.queued = 0;
    scope.queuedMs = 1_200;
  })();
  await expect(withDeadline(work, DEADLINE_MS, scope)).resolves.toBeUndefined();
});

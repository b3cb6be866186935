// A case's wait on purpose (a reset request's lifetime running out). Recorded in the case's scope: the
// case's deadline grows by it (helpers/checks/requirement-test.ts), and a failure's reproduction waits as
// long before its request (helpers/http/reproduction.ts): pasted without the wait, the command would show a
// fixed target still honouring a request that has not expired yet.
import { setTimeout as timersSleep } from 'node:timers/promises';
import { currentCase } from '../http/case-scope.js';

export async function sleep(ms: number): Promise<void> {
  const scope = currentCase();
  if (scope) scope.waitedMs += ms;
  await timersSleep(ms);
}

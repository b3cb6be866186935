// vitest setup file of the conformance suite (after allure-vitest/setup): registers the run's credentials
// for redaction in this worker and redacts every test's errors before they leave it; when the run writes
// Allure results, gives every test its Allure metadata, its case parameters and one step per HTTP exchange.
import { beforeEach } from 'vitest';
import { registerSecret } from '../run/redaction.js';
import { runContext } from '../run/run-context.js';
import { recordCasesInAllure } from './allure-case-parameters.js';
import { allureEnabled } from './allure-enabled.js';
import { recordExchangesInAllure } from './allure-exchange.js';
import { describeTest } from './allure-test-metadata.js';
import { redactTestErrors } from './redact-test-errors.js';

const context = runContext();
registerSecret(context.apiKey, 'api-key');
registerSecret(context.stateToken, 'state-token');
const allure = allureEnabled();
if (allure) {
  recordExchangesInAllure();
  recordCasesInAllure();
}

beforeEach(async ({ task, onTestFinished }) => {
  onTestFinished(({ task: finished }) => redactTestErrors(finished.result?.errors));
  if (allure) await describeTest(task.meta.requirementId, context);
});

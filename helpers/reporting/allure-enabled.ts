// Whether this run writes Allure results. The reporter provides the flag; the worker setup records
// metadata and steps only then: runs with other reporters (the in-process suite runs of the project's
// tests) would otherwise carry every attachment to the main process for nothing.
import { inject } from 'vitest';
import { ALLURE_ENABLED } from './allure-enabled-key.js';

export function allureEnabled(): boolean {
  return inject(ALLURE_ENABLED) === true;
}

// The provided-context key by which the reporter tells the workers that the run writes Allure results
// (helpers/reporting/allure-enabled.ts reads it there). Apart from the reader, so the runner's process can
// provide it without loading vitest's test API (~50 ms at every start).
export const ALLURE_ENABLED = 'conformanceAllure';

declare module 'vitest' {
  export interface ProvidedContext {
    [ALLURE_ENABLED]: boolean;
  }
}

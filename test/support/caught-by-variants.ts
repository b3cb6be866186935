// Requirements whose ability to fail is proven by test/self-validation/legitimate-variants.test.ts instead of a
// fault of reference/faults.ts (a variation judged with a profile that does not declare it must fail them).
// Empty now: every requirement has a fault of its own; kept so a new requirement can start here.
export const CAUGHT_BY_VARIANTS: readonly string[] = [];

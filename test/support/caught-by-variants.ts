// Requirements that no fault of reference/faults.ts declares yet (that catalogue has another owner), whose
// ability to fail is proven instead by test/self-validation/legitimate-variants.test.ts: a variation judged
// with a profile that does not declare it must fail them. Move each to a fault when the catalogue gets one.
export const CAUGHT_BY_VARIANTS: readonly string[] = ['SNP-PASSWORD-POLICY', 'SNP-NO-VERSION-BANNER', 'SNP-GATEWAY-RESPONSE-JSON'];

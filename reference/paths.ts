// The two URL paths the reference serves. The suite and vendors import these instead of repeating the strings.

/** The endpoint under test, as documented by BizKitHub. */
export const ENDPOINT_PATH = '/api/v1/customer/set-new-password';

/** The state hook (suite contract, version 1): test-only, guarded by its own bearer token. */
export const STATE_HOOK_PATH = '/__conformance/state';

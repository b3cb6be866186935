// The CONFORMANCE_* settings that point the suite at a reference started in the test, directly or
// through a loopback proxy in front of it (endpoint and state hook alike).
import type { RunningReference } from '../../reference/start.js';

export function targetEnv(reference: RunningReference, via: string = reference.baseUrl): Record<string, string> {
  return {
    CONFORMANCE_BASE_URL: via,
    CONFORMANCE_API_KEY: reference.apiKey,
    CONFORMANCE_STATE_URL: reference.stateUrl.replace(reference.baseUrl, via),
    CONFORMANCE_STATE_TOKEN: reference.stateToken,
  };
}

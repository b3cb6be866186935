/**
 * The lifetime SNP-E004-EXPIRES-IN-PLACE gives a reset request, and how long past it the suite waits: the
 * profile's expiryToleranceMs (how long a target may still honour the request: 1500 in bizkithub, for expiry
 * kept in whole seconds, where a DATETIME(0) column rounds half up on insert and `expires_at >= NOW()` holds
 * through the last second) plus a margin for the clocks of two machines. Their sum is the one wait of a full
 * run that nothing can shorten (`npm run bench` reads it from here).
 */
export const LIFETIME_S = 1;
/** Between the suite's clock and the target's: the hook sets the lifetime, the endpoint judges it. */
const CLOCK_MARGIN_MS = 500;

export function graceMs(expiryToleranceMs: number): number {
  return expiryToleranceMs + CLOCK_MARGIN_MS;
}

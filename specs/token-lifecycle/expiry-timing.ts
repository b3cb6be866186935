/**
 * The lifetime SNP-E004-EXPIRES-IN-PLACE gives a reset request, and how long past it the suite waits: a
 * target that keeps expiry in whole seconds (a DATETIME(0) column rounds half up on insert, and
 * `expires_at >= NOW()` holds through the last second) may honour the request up to ~1.5 s longer. Their
 * sum is the one wait of a full run that nothing can shorten (`npm run bench` reads it from here).
 */
export const LIFETIME_S = 1;
export const GRACE_MS = 2_000;

// Legitimate vendors must pass (issue 12 §3): a conformance suite that fails a correct implementation is
// wrong. For each legitimate variation of the reference (reference/variations.ts), the whole suite runs
// against the reference started with that variation, judged as an external target with the vendor profile
// that declares it (test/fixtures/profiles/), and must give the conformant verdict. Variations on
// best-practice points (banners, gateway pages) may fail SHOULD requirements only, so they run non-strict,
// and the SHOULD requirements they fail are listed: a new failure there is a suite change to review.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { exitCodeFor } from '../../helpers/verdict/exit-code.js';
import type { ConformanceReport } from '../../helpers/verdict/verdict.js';
import type { ReferenceVariations } from '../../reference/variations.js';
import { startReference } from '../../reference/start.js';
import { concurrencyLimit } from '../support/concurrency-limit.js';
import { suiteLanes } from '../support/suite-lanes.js';
import { specFilesFor } from '../../helpers/runner/spec-files.js';

const SEED = 20261129;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Suite runs at once (one test worker each): while one run waits out the expiry lifetime, the others compute. */
const PARALLEL_RUNS = 3;

interface Variant {
  label: string;
  variations: Partial<ReferenceVariations>;
  /** A file of test/fixtures/profiles/, or none for bizkithub. */
  profile?: string;
  /** SHOULD requirements the variation fails (then the run is non-strict); none: strict, every requirement passes. */
  failsShould?: string[];
}

const VARIANTS: Variant[] = [
  { label: 'version banners (Server: nginx/1.25.3, X-Powered-By)', variations: { versionBanner: true }, failsShould: ['SNP-NO-VERSION-BANNER'] },
  { label: 'a CDN cookie on every response', variations: { cdnCookie: true } },
  {
    label: 'gateway HTML pages for 413 and 405',
    variations: { gatewayPages: true },
    failsShould: ['SNP-BODY-SIZE-LIMIT', 'SNP-METHOD-NOT-ALLOWED', 'SNP-GATEWAY-RESPONSE-JSON', 'SNP-NO-VERSION-BANNER'],
  },
  { label: 'a password policy of 12 characters', variations: { passwordMinLength: 12 }, profile: 'password-policy-12' },
  { label: 'validation errors 400 for syntax, 422 for fields', variations: { fieldValidationStatus: 422 }, profile: 'validation-422' },
  { label: 'race losers answered E001', variations: { raceLoserCode: 'E001' }, profile: 'race-losers-e001' },
  { label: 'a password history 3 deep', variations: { historyDepth: 3 }, profile: 'history-depth-3' },
  { label: 'IPv6 zone ids accepted', variations: { acceptZoneId: true }, profile: 'zone-ids' },
  { label: 'a null customerRealIp read as absent', variations: { acceptNullIp: true }, profile: 'null-ip' },
  { label: 'IPv4-mapped addresses recorded as IPv4', variations: { ipv4MappedAsIpv4: true }, profile: 'mapped-ipv4' },
  {
    label: 'business errors with 4xx statuses',
    variations: { businessErrorStatus: { E001: 422, E002: 409, E003: 404, E004: 410 } },
    profile: 'business-4xx',
  },
  { label: 'the sample key answered PUBLIC_API_KEY_DOES_NOT_EXIST', variations: { sampleKeyCode: 'PUBLIC_API_KEY_DOES_NOT_EXIST' }, profile: 'sample-key-does-not-exist' },
  { label: 'closed bodies (extraBodyProperties "forbidden")', variations: {}, profile: 'closed-bodies' },
  { label: 'business errors in the platform envelope', variations: { businessErrorEnvelope: 'platform' }, profile: 'platform-envelope' },
  { label: 'E001 and E002 consume the token', variations: { tokenConsumedBy: ['E001', 'E002'] }, profile: 'business-errors-consume-token' },
  { label: 'requests honoured up to 6 s past their lifetime', variations: { expiryLagMs: 6_000 }, profile: 'expiry-tolerance-6s' },
];

const profilePath = (name: string) => fileURLToPath(new URL(`../fixtures/profiles/${name}.json`, import.meta.url));
const limited = concurrencyLimit(PARALLEL_RUNS);
/** One shared vitest instance per parallel run (test/support/suite-lanes.ts). */
const lanes = suiteLanes(PARALLEL_RUNS);
afterAll(() => lanes.close());

/** The controls: a profile that does not match the target must fail, or the profile keys would decide nothing. */
const MISMATCHES: { label: string; variations: Partial<ReferenceVariations>; profile?: string; fails: string }[] = [
  { label: 'a 12-character policy judged with the bizkithub profile', variations: { passwordMinLength: 12 }, fails: 'SNP-PASSWORD-POLICY' },
  { label: 'no policy judged with a 12-character profile', variations: {}, profile: 'password-policy-12', fails: 'SNP-PASSWORD-POLICY' },
  // The bizkithub wait (1 s + 1.5 s + 0.5 s) ends 4 s before the lagging target expires the request.
  { label: 'requests honoured 6 s past their lifetime judged with the bizkithub profile', variations: { expiryLagMs: 6_000 }, fails: 'SNP-E004-EXPIRES-IN-PLACE' },
];

/** `files`: the spec files to run; all of them (a variant must pass the whole suite) when not given. */
async function runAgainst(variations: Partial<ReferenceVariations>, profile: string | undefined, strict: boolean, files?: string[]): Promise<ConformanceReport> {
  return limited(async () => {
    const reference = await startReference({ variations });
    try {
      return await lanes.run(reference, { seed: SEED, strict, profile: profile === undefined ? undefined : profilePath(profile), ...(files ? { files } : {}) });
    } finally {
      await reference.close();
    }
  });
}

describe.concurrent('legitimate variations of the reference are conformant', () => {
  test.for(VARIANTS)('$label', { timeout: 900_000 }, async (variant) => {
    const report = await runAgainst(variant.variations, variant.profile, variant.failsShould === undefined);
    const notPassed = report.requirements.filter((r) => r.status !== 'passed');
    expect(report.suiteErrors).toEqual([]);
    expect(notPassed.filter((r) => r.level === 'MUST').map((r) => `${r.id}: ${r.status}`)).toEqual([]);
    expect(notPassed.map((r) => r.id).sort()).toEqual([...(variant.failsShould ?? [])].sort());
    expect(report.verdict).toBe('conformant');
    expect(exitCodeFor(report).code).toBe(0);
  });

  test.for(MISMATCHES)('mismatch: $label is non-conformant', { timeout: 900_000 }, async ({ variations, profile, fails }) => {
    // Only the spec files of the requirement that must fail: the mismatch shows there.
    const report = await runAgainst(variations, profile, false, specFilesFor(ROOT, [fails]));
    expect(report.requirements.filter((r) => r.status === 'failed').map((r) => r.id)).toContain(fails);
    expect(report.verdict).toBe('non-conformant');
  });
});


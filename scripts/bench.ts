// `npm run bench`: from one run of this script, the wall time of a bare vitest run of one trivial test (the
// floor), of a one-requirement run, of the full conformance run against the embedded reference, and of the
// full run against the reference behind a loopback proxy that adds 50 ms to every exchange; the peak memory
// of a full run; and the ratios issue 11 sets targets for. Each figure is the median of BENCH_RUNS runs
// (default 3), every run with a fixed seed.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReference } from '../reference/start.js';
import { startLoopbackProxy } from './support/loopback-proxy.js';
import { graceMs, LIFETIME_S } from '../specs/token-lifecycle/expiry-timing.js';
import { loadProfile } from '../helpers/run/profile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ADDED_LATENCY_MS = 50;
/** The contract's default for CONFORMANCE_CONCURRENCY. */
const DEFAULT_CONCURRENCY = 32;
/** The one wait the suite cannot avoid: SNP-E004-EXPIRES-IN-PLACE's lifetime plus its grace (default profile). */
const INHERENT_WAIT_S = LIFETIME_S + graceMs(loadProfile('bizkithub').expiryToleranceMs) / 1000;

interface Sample {
  seconds: number;
  peakMb: number | null;
}

async function timed(args: string[], env: Record<string, string> = {}): Promise<Sample> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONFORMANCE_')));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...clean, CONFORMANCE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'bench-reports-')), CONFORMANCE_SEED: '1', CONFORMANCE_PRINT_PEAK_RSS: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`);
  const peak = /peak RSS (\d+) MB/.exec(stderr)?.[1];
  return { seconds: (performance.now() - started) / 1000, peakMb: peak === undefined ? null : Number(peak) };
}

function middle(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

async function median(label: string, run: () => Promise<Sample>): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  const seconds = middle(samples.map((s) => s.seconds));
  const peaks = samples.flatMap((s) => (s.peakMb === null ? [] : [s.peakMb]));
  const peakMb = peaks.length ? Math.max(...peaks) : null;
  console.log(`${label.padEnd(52)} ${seconds.toFixed(2)} s   (runs: ${samples.map((s) => s.seconds.toFixed(2)).join(', ')})${peakMb === null ? '' : `, peak ${peakMb} MB`}`);
  return { seconds, peakMb };
}

const vitestBin = join(ROOT, 'node_modules/vitest/vitest.mjs');
const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
writeFileSync(join(floorDir, 'trivial.test.mjs'), "import { test, expect } from 'vitest';\ntest('trivial', () => expect(1 + 1).toBe(2));\n");
writeFileSync(join(floorDir, 'vitest.config.mjs'), 'export default {};\n');
const runner = ['bin/snp-conformance.js'];

console.log(`Benchmark on ${process.platform}/${process.arch}, Node ${process.version}, median of ${RUNS}`);
const floor = await median('bare vitest, one trivial test (floor)', () => timed([vitestBin, 'run', '--root', floorDir]));
const one = await median('one requirement (--only SNP-SUCCESS-RESPONSE)', () => timed([...runner, '--only', 'SNP-SUCCESS-RESPONSE']));
const full = await median('full suite, embedded reference', () => timed(runner));
const reference = await startReference();
const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: ADDED_LATENCY_MS });
const stateUrl = reference.stateUrl.replace(reference.baseUrl, proxy.url);
const slow = await median(`full suite, reference behind +${ADDED_LATENCY_MS} ms proxy`, () =>
  timed(runner, {
    CONFORMANCE_BASE_URL: proxy.url,
    CONFORMANCE_API_KEY: reference.apiKey,
    CONFORMANCE_STATE_URL: stateUrl,
    CONFORMANCE_STATE_TOKEN: reference.stateToken,
  }),
);
const exchangesPerRun = Math.round(proxy.requests() / RUNS);
const inFlight = proxy.inFlight();
await proxy.close();
await reference.close();

console.log('');
console.log(`one requirement / floor:                  ${(one.seconds / floor.seconds).toFixed(2)}x (target ≤ 2x)`);
console.log(`full / (floor + ${INHERENT_WAIT_S} s inherent wait):     ${(full.seconds / (floor.seconds + INHERENT_WAIT_S)).toFixed(2)}x (target ≤ 1.3x)`);
console.log(`+${ADDED_LATENCY_MS} ms / without:                     ${(slow.seconds / full.seconds).toFixed(2)}x (target ≤ 1.2x); ${exchangesPerRun} exchanges per run through the proxy`);
// The exchanges' added latency, spread over CONFORMANCE_CONCURRENCY requests in flight all the time, is the
// network time the run must fit in; the run hides part of it under the wait it makes anyway (the expiry
// case's), and loses some where a case's exchanges follow one another or a worker's file is ending.
const atCapS = (exchangesPerRun * ADDED_LATENCY_MS) / 1000 / DEFAULT_CONCURRENCY;
console.log(`  added by the latency: +${(slow.seconds - full.seconds).toFixed(2)} s; ${inFlight.average.toFixed(1)} requests in flight on average, ${inFlight.max} at most (cap ${DEFAULT_CONCURRENCY}; at the cap throughout, the exchanges' latency alone is ${atCapS.toFixed(2)} s)`);
console.log(`peak memory of a full run:                ${full.peakMb ?? '?'} MB (target ≤ 300 MB)`);

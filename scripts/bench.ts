// `npm run bench`: wall time of the full conformance run against the embedded reference, next to a bare
// vitest run of one trivial test (the floor), and against the reference behind a loopback proxy that adds
// 50 ms to every exchange. Each figure is the median of RUNS runs; every run passes a fixed seed.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReference } from '../reference/start.js';
import { startLoopbackProxy } from './support/loopback-proxy.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ADDED_LATENCY_MS = 50;

async function timed(args: string[], env: Record<string, string> = {}): Promise<number> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONFORMANCE_')));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...clean, CONFORMANCE_REPORTS_DIR: mkdtempSync(join(tmpdir(), 'bench-reports-')), CONFORMANCE_SEED: '1', ...env },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}`);
  return (performance.now() - started) / 1000;
}

async function median(label: string, run: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await run());
  samples.sort((a, b) => a - b);
  const value = samples[Math.floor(samples.length / 2)] as number;
  console.log(`${label.padEnd(52)} ${value.toFixed(2)} s   (runs: ${samples.map((s) => s.toFixed(2)).join(', ')})`);
  return value;
}

const vitestBin = join(ROOT, 'node_modules/vitest/vitest.mjs');
const floorDir = mkdtempSync(join(tmpdir(), 'bench-floor-'));
writeFileSync(join(floorDir, 'trivial.test.js'), "import { test, expect } from 'vitest';\ntest('trivial', () => expect(1 + 1).toBe(2));\n");
writeFileSync(join(floorDir, 'vitest.config.js'), 'export default {};\n');

console.log(`Benchmark on ${process.platform}/${process.arch}, Node ${process.version}, median of ${RUNS}`);
const floor = await median('bare vitest, one trivial test (floor)', () => timed([vitestBin, 'run', '--root', floorDir]));
const full = await median('full suite, embedded reference', () => timed(['--import', 'tsx', 'bin/conformance.ts']));
const reference = await startReference();
const proxy = await startLoopbackProxy(reference.baseUrl, { delayMs: ADDED_LATENCY_MS });
const stateUrl = reference.stateUrl.replace(reference.baseUrl, proxy.url);
const slow = await median(`full suite, reference behind +${ADDED_LATENCY_MS} ms proxy`, () =>
  timed(['--import', 'tsx', 'bin/conformance.ts'], {
    CONFORMANCE_BASE_URL: proxy.url,
    CONFORMANCE_API_KEY: reference.apiKey,
    CONFORMANCE_STATE_URL: stateUrl,
    CONFORMANCE_STATE_TOKEN: reference.stateToken,
  }),
);
const exchangesPerRun = Math.round(proxy.requests() / RUNS);
await proxy.close();
await reference.close();

console.log('');
console.log(`full / floor:             ${(full / floor).toFixed(2)}x (target ≤ 3x)`);
console.log(`+${ADDED_LATENCY_MS} ms / without:        ${(slow / full).toFixed(2)}x (target ≤ 2x); ${exchangesPerRun} exchanges per run through the proxy`);

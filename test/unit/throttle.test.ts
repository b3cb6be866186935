// The run's caps hold across workers: each worker builds its own Throttle on the one shared RunCaps it
// receives with the run context. Here several Throttles on one RunCaps stand for several workers (the
// shared memory behaves the same within a thread); test/suite/politeness.test.ts measures a real run's
// workers at a proxy.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { Throttle } from '../../helpers/http/throttle.js';
import { createRunCaps } from '../../helpers/run/run-caps.js';

const WORKERS = 3;

test('never more requests in flight than the cap, counted over all workers', async () => {
  const caps = createRunCaps(null, 4);
  const workers = Array.from({ length: WORKERS }, () => new Throttle(caps));
  let inFlight = 0;
  let most = 0;
  const request = async (): Promise<void> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(5 + Math.random() * 10);
    inFlight -= 1;
  };
  await Promise.all(workers.flatMap((worker) => Array.from({ length: 20 }, () => worker.run(request))));
  expect(most).toBe(4);
  expect(inFlight).toBe(0);
});

test('a worker may use the whole cap while the others are idle', async () => {
  const caps = createRunCaps(null, 6);
  const [busy] = [new Throttle(caps), new Throttle(caps), new Throttle(caps)] as const;
  let inFlight = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 12 }, () =>
      busy.run(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await sleep(10);
        inFlight -= 1;
      }),
    ),
  );
  expect(most).toBe(6);
});

test('a request that throws gives its place back', async () => {
  const caps = createRunCaps(null, 1);
  const [first, second] = [new Throttle(caps), new Throttle(caps)];
  await expect(first.run(() => Promise.reject(new Error('no answer')))).rejects.toThrow('no answer');
  await expect(second.run(() => Promise.resolve('answered'))).resolves.toBe('answered');
});

test('request starts keep the rate over all workers together', async () => {
  const rate = 40;
  const caps = createRunCaps(rate, 100);
  const workers = Array.from({ length: WORKERS }, () => new Throttle(caps));
  const starts: number[] = [];
  await Promise.all(workers.flatMap((worker) => Array.from({ length: 5 }, () => worker.run(() => Promise.resolve(void starts.push(performance.now()))))));
  starts.sort((a, b) => a - b);
  // 15 starts, 25 ms apart run-wide: at least 350 ms from the first to the last (each worker alone would
  // have spaced only its own 5, ~100 ms).
  expect((starts.at(-1) as number) - (starts[0] as number)).toBeGreaterThanOrEqual(14 * (1000 / rate) - 5);
  // In any 100 ms, at most the 4 the rate allows plus one (a timer that fired late brings the next start closer).
  let most = 0;
  for (let first = 0, last = 0; last < starts.length; last += 1) {
    while ((starts[last] as number) - (starts[first] as number) >= 100) first += 1;
    most = Math.max(most, last - first + 1);
  }
  expect(most).toBeLessThanOrEqual(5);
});

test('caps that arrive without shared memory are refused rather than silently per worker', () => {
  const copied = { rate: null, concurrency: 2, counters: new ArrayBuffer(16) as unknown as SharedArrayBuffer };
  expect(() => new Throttle(copied)).toThrow(/shared counters/);
});

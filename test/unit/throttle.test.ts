// The run's caps hold across workers: each worker builds its own Throttle on the one shared RunCaps it
// receives with the run context. Here several Throttles on one RunCaps stand for several workers (the
// shared memory behaves the same within a thread); test/suite/politeness.test.ts measures a real run's
// workers at a proxy.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from 'vitest';
import { Throttle } from '../../helpers/http/throttle.js';
import { createRunCaps } from '../../helpers/run/run-caps.js';

const WORKERS = 3;

/** Sends `count` requests through each of `workers` at once; answers the most that were ever in flight. */
async function mostInFlight(workers: Throttle[], count: number): Promise<number> {
  let inFlight = 0;
  let most = 0;
  const request = async (): Promise<void> => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(5 + Math.random() * 10);
    inFlight -= 1;
  };
  await Promise.all(workers.flatMap((worker) => Array.from({ length: count }, () => worker.run(request))));
  return most;
}

test('never more requests in flight than the cap, counted over all workers', async () => {
  const caps = createRunCaps(null, 4);
  expect(await mostInFlight(Array.from({ length: WORKERS }, () => new Throttle(caps)), 20)).toBe(4);
});

test('a worker may use the whole cap while the others are idle', async () => {
  const caps = createRunCaps(null, 6);
  const [busy] = [new Throttle(caps), new Throttle(caps), new Throttle(caps)] as const;
  expect(await mostInFlight([busy], 12)).toBe(6);
});

test('a request that throws gives its place back', async () => {
  const caps = createRunCaps(null, 1);
  const [first, second] = [new Throttle(caps), new Throttle(caps)];
  await expect(first.run(() => Promise.reject(new Error('no answer')))).rejects.toThrow('no answer');
  await expect(second.run(() => Promise.resolve('answered'))).resolves.toBe('answered');
});

test('request starts keep the rate over all workers together, however late a timer fires', async () => {
  const rate = 40;
  const caps = createRunCaps(rate, 100);
  const workers = Array.from({ length: WORKERS }, () => new Throttle(caps));
  const starts: number[] = [];
  const start = (): Promise<void> => {
    starts.push(performance.now());
    return Promise.resolve();
  };
  const requests = workers.flatMap((worker) => Array.from({ length: 5 }, () => worker.run(start)));
  // The thread is busy for 60 ms now and then: timers fire late, as on a loaded machine.
  const busy = setInterval(() => {
    const until = performance.now() + 60;
    while (performance.now() < until);
  }, 90);
  await Promise.all(requests).finally(() => clearInterval(busy));
  starts.sort((a, b) => a - b);
  // 15 starts run-wide, each at least 25 ms after the one before (each worker alone would have spaced only
  // its own 5; starts scheduled ahead would have caught up after each busy spell).
  for (let i = 1; i < starts.length; i += 1) expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(1000 / rate - 1);
});

/** Requests that keep the cap busy, one after another, as the rest of a full run does. */
function keepBusy(throttle: Throttle, count: number, until: { done: boolean }): Promise<void[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      while (!until.done) await throttle.run(() => sleep(2 + Math.random() * 4));
    }),
  );
}

test('a group reserved together starts together, while other workers keep the cap busy', async () => {
  const caps = createRunCaps(null, 8);
  const [busy, group] = [new Throttle(caps), new Throttle(caps)];
  const until = { done: false };
  const others = keepBusy(busy, 12, until);
  await sleep(20);
  const reservation = await group.reserve(5);
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 5 }, async () => {
      expect(reservation.take()).toBe(true);
      starts.push(performance.now());
      await sleep(5);
      reservation.done();
    }),
  );
  expect(reservation.take()).toBe(false);
  until.done = true;
  await others;
  expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(2);
});

test('groups that together want more than the cap do not wait on each other forever', async () => {
  const caps = createRunCaps(null, 6);
  const workers = [new Throttle(caps), new Throttle(caps), new Throttle(caps)];
  const groups = workers.map(async (worker) => {
    const reservation = await worker.reserve(4);
    for (let i = 0; i < 4; i += 1) expect(reservation.take()).toBe(true);
    await sleep(5);
    for (let i = 0; i < 4; i += 1) reservation.done();
  });
  await expect(Promise.race([Promise.all(groups).then(() => 'done'), sleep(2_000).then(() => 'stuck')])).resolves.toBe('done');
});

test('a group is no larger than the caps allow, and the places it does not use are given back', async () => {
  const byConcurrency = await new Throttle(createRunCaps(null, 3)).reserve(10);
  let taken = 0;
  while (byConcurrency.take()) taken += 1;
  expect(taken).toBe(3);
  const byRate = await new Throttle(createRunCaps(4, 32)).reserve(10);
  taken = 0;
  while (byRate.take()) taken += 1;
  expect(taken).toBe(4);

  const caps = createRunCaps(null, 4);
  const throttle = new Throttle(caps);
  const partly = await throttle.reserve(4);
  expect(partly.take()).toBe(true);
  partly.releaseUnused();
  partly.done();
  // All four places are free again: four requests at once do not wait.
  expect(await mostInFlight([throttle], 4)).toBe(4);
});

test('a group of starts counts against the rate as that many starts', async () => {
  const rate = 20;
  const throttle = new Throttle(createRunCaps(rate, 32));
  const reservation = await throttle.reserve(5);
  const groupAt = performance.now();
  while (reservation.take()) reservation.done();
  await throttle.run(() => Promise.resolve());
  // The next start waits out the five spacings the group used (5 x 50 ms).
  expect(performance.now() - groupAt).toBeGreaterThanOrEqual(5 * (1000 / rate) - 5);
});

test('caps that arrive without shared memory are refused rather than silently per worker', () => {
  const copied = { rate: null, concurrency: 2, counters: new ArrayBuffer(16) as unknown as SharedArrayBuffer };
  expect(() => new Throttle(copied)).toThrow(/shared counters/);
});

// Politeness towards the target: at most `concurrency` requests in flight and at most `rate` request
// starts per second (per worker; the runner divides the run's caps among its workers).
import { setTimeout as sleep } from 'node:timers/promises';

export class Throttle {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;

  constructor(
    private readonly rate: number | null,
    private readonly concurrency: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      await this.pace();
      return await task();
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.concurrency) {
      this.inFlight += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }

  /** Spaces request starts 1/rate seconds apart. */
  private async pace(): Promise<void> {
    if (this.rate === null) return;
    const now = performance.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + 1000 / this.rate;
    if (start > now) await sleep(start - now);
  }
}

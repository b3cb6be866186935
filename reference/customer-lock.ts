// A per-customer async mutex. Checking a reset request and consuming it are separate steps with awaits
// (password hashing) in between; running them under this lock makes check-and-consume atomic, so of N
// concurrent submissions of one token exactly one succeeds. A database-backed implementation would use
// a transaction with a row lock (SELECT ... FOR UPDATE) or a conditional UPDATE instead.

export class CustomerLock {
  // For each customer with work queued: a promise that settles when the last queued task has finished.
  readonly #queues = new Map<string, Promise<void>>();

  /** Runs `task` once every earlier task for the same customer has finished. */
  async runExclusive<T>(customerId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(customerId) ?? Promise.resolve();
    let release!: () => void;
    const finished = new Promise<void>((resolve) => {
      release = resolve;
    });
    const queue = previous.then(() => finished);
    this.#queues.set(customerId, queue);

    await previous;
    try {
      return await task();
    } finally {
      release();
      // Forget the customer once nobody is queued behind us, so the map does not grow without bound.
      if (this.#queues.get(customerId) === queue) this.#queues.delete(customerId);
    }
  }
}

// Runs at most `max` async tasks at a time; the others wait their turn in call order.
export type Limited = <T>(task: () => Promise<T>) => Promise<T>;

export function concurrencyLimit(max: number): Limited {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

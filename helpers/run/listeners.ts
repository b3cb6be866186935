// A list of observers notified in order: how the suite lets reporting watch exchanges and cases
// without the specs knowing about reporting.
export type Listener<T> = (value: T) => void | Promise<void>;

export function listenerList<T>(): { add: (listener: Listener<T>) => void; notify: (value: T) => Promise<void> } {
  const listeners: Listener<T>[] = [];
  return {
    add: (listener) => {
      listeners.push(listener);
    },
    notify: async (value) => {
      for (const listener of listeners) await listener(value);
    },
  };
}

// Observers of the case a table-driven test runs (reporting shows its fields as parameters).
import { listenerList, type Listener } from '../run/listeners.js';

const cases = listenerList<object>();

export function onCase(listener: Listener<object>): void {
  cases.add(listener);
}

export const notifyCase = cases.notify;

// Observers of every HTTP exchange with the target (reporting attaches them to the test's report).
import type { Exchange } from './exchange.js';
import { listenerList, type Listener } from '../run/listeners.js';

const exchanges = listenerList<Exchange>();

export function onExchange(listener: Listener<Exchange>): void {
  exchanges.add(listener);
}

export async function notifyExchange(exchange: Exchange): Promise<Exchange> {
  await exchanges.notify(exchange);
  return exchange;
}

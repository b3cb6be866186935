// Observers of every HTTP exchange with the target (reporting attaches them to the test's report).
import type { Exchange } from './exchange.js';

export type ExchangeListener = (exchange: Exchange) => void | Promise<void>;

const listeners: ExchangeListener[] = [];

export function onExchange(listener: ExchangeListener): void {
  listeners.push(listener);
}

export async function notifyExchange(exchange: Exchange): Promise<Exchange> {
  for (const listener of listeners) await listener(exchange);
  return exchange;
}

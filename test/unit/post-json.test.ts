import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { postJson } from '../../helpers/http/post-json.js';
import { isNoAnswer } from '../../helpers/http/target-errors.js';

const OK = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}';

let server: Server | null = null;
afterEach(async () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A raw HTTP server: `answer(n)` decides, for the n-th request on a connection, to answer or to reset it. */
async function listen(answer: (nth: number) => 'ok' | 'reset'): Promise<string> {
  server = createServer((socket: Socket) => {
    let nth = 0;
    socket.on('data', () => {
      nth += 1;
      if (answer(nth) === 'ok') socket.write(OK);
      else socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/state`;
}

describe('the state hook transport', () => {
  test('a kept-alive connection reset as it is reused is retried once on a new connection', async () => {
    // Every connection answers its first request and resets the second: the second call meets a stale socket.
    const url = await listen((nth) => (nth === 1 ? 'ok' : 'reset'));
    expect((await postJson(url, '{}', {}, 5_000)).status).toBe(200);
    expect((await postJson(url, '{}', {}, 5_000)).status).toBe(200);
  });

  test('a reset on a new connection is no answer, and is not retried', async () => {
    let requests = 0;
    const url = await listen(() => {
      requests += 1;
      return 'reset';
    });
    const error: unknown = await postJson(url, '{}', {}, 5_000).catch((e: unknown) => e);
    expect(isNoAnswer(error)).toBe(true);
    expect(requests).toBe(1);
  });
});

// A loopback HTTP proxy in front of a target, for the benchmark and the project's tests: it can delay
// every exchange (a stand-in for a network) and answer some requests itself (e.g. 429 from a rate
// limiter). Listens on 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ProxyOptions {
  /** Added before every forwarded exchange. */
  delayMs?: number;
  /** Answer the n-th request (1-based) here instead of forwarding it ('drop': close the connection
   * without an answer, as a stopped target); null forwards it. */
  intercept?: (n: number) => ProxyAnswer | 'drop' | null;
  /** Sees every request that reached the proxy with its whole body, before it is answered or forwarded. */
  observe?: (request: ObservedRequest) => void;
}

export interface ObservedRequest {
  method: string;
  /** The request target: path and query string. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface LoopbackProxy {
  url: string;
  /** Requests received, intercepted ones included. */
  requests: () => number;
  /** Requests in flight through the proxy: the most at once, and the average over the time any was. */
  inFlight: () => { max: number; average: number };
  close: () => Promise<void>;
}

/** Counts requests in flight over time (time-weighted, over the periods when at least one was). */
function inFlightGauge() {
  let now = 0;
  let max = 0;
  let area = 0;
  let busyMs = 0;
  let since = performance.now();
  const settle = () => {
    const at = performance.now();
    if (now > 0) {
      area += now * (at - since);
      busyMs += at - since;
    }
    since = at;
  };
  return {
    start(): void {
      settle();
      now += 1;
      max = Math.max(max, now);
    },
    end(): void {
      settle();
      now -= 1;
    },
    read: () => ({ max, average: busyMs === 0 ? 0 : area / busyMs }),
  };
}

export async function startLoopbackProxy(targetBaseUrl: string, options: ProxyOptions = {}): Promise<LoopbackProxy> {
  const target = new URL(targetBaseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let count = 0;
  const gauge = inFlightGauge();
  const server = http.createServer((req, res) => {
    count += 1;
    gauge.start();
    res.on('close', () => gauge.end());
    const own = options.intercept?.(count) ?? null;
    if (own === 'drop') {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      options.observe?.({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      if (own) {
        res.writeHead(own.status, own.headers).end(own.body);
        return;
      }
      setTimeout(() => {
        const upstream = http.request(
          { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        upstream.end(Buffer.concat(chunks));
      }, options.delayMs ?? 0);
    });
  });
  // Node's default of 5 s lets the proxy close an idle keep-alive socket just as a client reuses it
  // (ECONNRESET on a request that never arrived); real servers keep them longer (fastify: 72 s).
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    inFlight: () => gauge.read(),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// A JSON POST over node:http(s) with keep-alive connections, for the state hook. fetch (undici) cost the
// suite more CPU than any other part of a run: a run makes hundreds of hook calls, each a small body.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface PlainAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

/**
 * Rejects with the socket's error (ECONNREFUSED…) or a TimeoutError, which isNoAnswer() knows as "no answer".
 * A kept-alive connection the server closed as the request went out (ECONNRESET on a reused socket, before
 * any answer) is the client's race, not the hook's silence: that request is sent once more on a new
 * connection, as Node's documentation of `request.reusedSocket` advises.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PlainAnswer> {
  try {
    return await postOnce(url, body, headers, timeoutMs);
  } catch (error) {
    if (!(error instanceof StaleConnectionError)) throw error;
    return postOnce(url, body, headers, timeoutMs, true);
  }
}

class StaleConnectionError extends Error {
  override name = 'StaleConnectionError';
}

/** `fresh`: on a connection of its own, not one from the keep-alive pool. */
function postOnce(url: string, body: string, headers: Record<string, string>, timeoutMs: number, fresh = false): Promise<PlainAnswer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        agent: fresh ? false : secure ? agents.https : agents.http,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: flatHeaders(response.headers), text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('error', (error: NodeJS.ErrnoException) => reject(request.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnectionError(error.message) : error));
    request.end(body);
  });
}

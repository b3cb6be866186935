// Sends a large body with node:http directly. A server that refuses an oversized body usually answers
// 413 and closes the connection while the client is still writing; supertest then fails with EPIPE and
// loses the answer. Here write errors are ignored as long as a response arrives.
import http from 'node:http';
import https from 'node:https';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A server may close mid-upload before its answer is read; the body is refused either way, so one more try is safe. */
export async function sendLargeBody(url: string, method: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<RawResponse> {
  try {
    return await attempt(url, method, headers, body, timeoutMs);
  } catch (error) {
    if (!['EPIPE', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    return attempt(url, method, headers, body, timeoutMs);
  }
}

function attempt(url: string, method: string, headers: Record<string, string>, body: Buffer, timeoutMs: number): Promise<RawResponse> {
  const transport = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = transport.request(url, { method, headers: { ...headers, 'Content-Length': String(body.length) }, timeout: timeoutMs }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      // EPIPE/ECONNRESET while writing: the response may still be on its way.
      if (!answered && !['EPIPE', 'ECONNRESET'].includes((error as NodeJS.ErrnoException).code ?? '')) reject(error);
      else if (!answered) setTimeout(() => (answered ? undefined : reject(error)), 1_000);
    });
    req.end(body);
  });
}

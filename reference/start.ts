// Starts the reference on a real socket: used by the suite (embedded target) and by main.ts.
import type { AddressInfo } from 'node:net';
import { buildReferenceApp } from './app.js';
import type { ReferenceOptions } from './options.js';
import { STATE_HOOK_PATH } from './paths.js';

export interface StartOptions extends ReferenceOptions {
  /** Interface to listen on. Default 127.0.0.1: the reference is for local test runs. */
  host?: string;
  /** Port to listen on. Default 0: an ephemeral port chosen by the operating system. */
  port?: number;
}

export interface RunningReference {
  /** For example http://127.0.0.1:43121, without a trailing slash. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** baseUrl + STATE_HOOK_PATH. */
  readonly stateUrl: string;
  readonly stateToken: string;
  /** Stops listening and closes idle connections. Safe to call more than once. */
  close(): Promise<void>;
}

export async function startReference(options: StartOptions = {}): Promise<RunningReference> {
  const { host = '127.0.0.1', port = 0, ...referenceOptions } = options;
  const { app, credentials } = buildReferenceApp(referenceOptions);
  await app.listen({ host, port });

  const { port: boundPort } = app.server.address() as AddressInfo;
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    apiKey: credentials.apiKey,
    stateUrl: `${baseUrl}${STATE_HOOK_PATH}`,
    stateToken: credentials.stateToken,
    close: () => (closing ??= app.close()),
  };
}

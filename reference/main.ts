// `npm run reference`: starts the reference implementation standalone and prints the settings that
// point the suite at it, as `export` lines a shell can eval. Port: `--port N`, else the PORT environment
// variable, else an ephemeral port. `--api-key-env NAME` / `--state-token-env NAME` take the key and the
// state token from those variables, so a `.env` stays valid across restarts.
import type { RequestLogEntry } from './options.js';
import { startReference } from './start.js';
import type { RunningReference } from './start.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** The value of `--name V` or `--name=V`, if given. */
function flagValue(args: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === `--${name}`) {
      value = args[i + 1];
      if (value === undefined) fail(`--${name} needs a value`);
    } else if (arg.startsWith(`--${name}=`)) {
      value = arg.slice(name.length + 3);
    }
  }
  return value;
}

/** A secret named by `--<flag> NAME`: read from the environment variable NAME, never from the command line. */
function secretFromEnv(args: readonly string[], env: NodeJS.ProcessEnv, flag: string): string | undefined {
  const name = flagValue(args, flag);
  if (name === undefined) return undefined;
  const value = env[name];
  if (!value) fail(`--${flag} ${name}: that environment variable is not set`);
  return value;
}

function chosenPort(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const text = flagValue(args, 'port') ?? env.PORT;
  if (text === undefined || text === '') return 0;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    fail(`Invalid port "${text}": use an integer from 0 to 65535 (0 picks a free port).`);
  }
  return Number(text);
}

/** Method, path (never the query: the API key may be in it), status and duration. */
function logRequest(entry: RequestLogEntry): void {
  console.log(`${entry.method} ${entry.path} ${entry.statusCode} ${entry.durationMs.toFixed(1)}ms`);
}

let reference: RunningReference;
try {
  const args = process.argv.slice(2);
  const apiKey = secretFromEnv(args, process.env, 'api-key-env');
  reference = await startReference({
    port: chosenPort(args, process.env),
    requestLog: logRequest,
    ...(apiKey ? { apiKeys: [apiKey] } : {}),
    stateToken: secretFromEnv(args, process.env, 'state-token-env'),
  });
} catch (error) {
  fail(`Could not start the reference implementation: ${error instanceof Error ? error.message : String(error)}`);
}

console.log('# Reference implementation listening. Paste these into a shell to point the suite at it:');
console.log(`export CONFORMANCE_BASE_URL=${reference.baseUrl}`);
console.log(`export CONFORMANCE_API_KEY=${reference.apiKey}`);
console.log(`export CONFORMANCE_STATE_URL=${reference.stateUrl}`);
console.log(`export CONFORMANCE_STATE_TOKEN=${reference.stateToken}`);

// `on`, not `once`: the listener must stay registered while closing, or tsx's own signal handler sees
// none left and exits at once with 128 + signal. A second signal just waits for the same close.
function stop(): void {
  reference.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

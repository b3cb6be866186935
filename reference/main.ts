// `npm run reference`: starts the reference implementation standalone and prints the settings that
// point the suite at it. Port: `--port N`, else the PORT environment variable, else an ephemeral port.
import type { RequestLogEntry } from './options.js';
import { startReference } from './start.js';
import type { RunningReference } from './start.js';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function chosenPort(args: readonly string[], env: NodeJS.ProcessEnv): number {
  let text = env.PORT;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--port') {
      text = args[i + 1];
      if (text === undefined) fail('--port needs a value, for example --port 8080');
    } else if (arg.startsWith('--port=')) {
      text = arg.slice('--port='.length);
    }
  }
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
  reference = await startReference({ port: chosenPort(process.argv.slice(2), process.env), requestLog: logRequest });
} catch (error) {
  fail(`Could not start the reference implementation: ${error instanceof Error ? error.message : String(error)}`);
}

console.log('Reference implementation listening. Export these to point the suite at it:');
console.log(`CONFORMANCE_BASE_URL=${reference.baseUrl}`);
console.log(`CONFORMANCE_API_KEY=${reference.apiKey}`);
console.log(`CONFORMANCE_STATE_URL=${reference.stateUrl}`);
console.log(`CONFORMANCE_STATE_TOKEN=${reference.stateToken}`);

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

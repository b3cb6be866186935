// Runs any command (npm, npx) as a child process in a given folder, the way a user's shell would, with the
// parent's CONFORMANCE_*, VITEST* and npm-run variables dropped so that neither this test run nor the
// `npm test` around it configures the child, and collects its output.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** Set by vitest, or by the `npm test` (npm run) that started it: a user's shell has none of them. */
function inheritedByTheTestRun(name: string): boolean {
  return /^(CONFORMANCE_|VITEST|npm_package_|npm_lifecycle_|npm_config_(local_|global_)?prefix$|INIT_CWD$)/.test(name);
}

export async function runCommand(command: string, args: string[], cwd: string, timeoutMs: number): Promise<CommandRun> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !inheritedByTheTestRun(name)));
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ...(await outputOf(child, timeoutMs)), seconds: (performance.now() - started) / 1000 };
}

/** A child's exit code and output, once it closes; killed after `timeoutMs`. */
export async function outputOf(child: ChildProcessByStdio<null, Readable, Readable>, timeoutMs: number): Promise<Omit<CommandRun, 'seconds'>> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

// Runs `node <args>` in the project root as a child process, with the parent's CONFORMANCE_* and VITEST*
// variables dropped so only `env` configures it, and collects its output.
import { spawn } from 'node:child_process';
import { outputOf } from './run-command.js';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runNode(args: string[], env: Record<string, string>, timeoutMs: number): Promise<NodeRun> {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('CONFORMANCE_') && !name.startsWith('VITEST'));
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...Object.fromEntries(inherited), NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return outputOf(child, timeoutMs);
}

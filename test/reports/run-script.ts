// Runs one of the project's TypeScript scripts (scripts/*.ts) as a child process,
// the way `npm run` does, with only the given CONFORMANCE_* settings.
import { runNode, type NodeRun } from '../support/run-node.js';

export type ScriptRun = NodeRun;

export function runScript(script: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<ScriptRun> {
  return runNode(['--import', 'tsx', script, ...args], env, timeoutMs);
}

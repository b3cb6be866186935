// `npm run reference` as a local sandbox: export lines a shell can paste, a fixed key and state token taken
// from the environment (so a .env stays valid across restarts), and a clean stop on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KEY = `DEV_${'k'.repeat(28)}`;
const TOKEN = 's'.repeat(32);

test('prints export lines with the given key and token, answers, and stops cleanly on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'reference/main.ts', '--port', '0', '--api-key-env', 'SANDBOX_KEY', '--state-token-env', 'SANDBOX_TOKEN'], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_KEY: KEY, SANDBOX_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  try {
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stdout.includes('CONFORMANCE_STATE_TOKEN')) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    expect(stdout).toContain(`export CONFORMANCE_API_KEY=${KEY}`);
    expect(stdout).toContain(`export CONFORMANCE_STATE_TOKEN=${TOKEN}`);
    const baseUrl = /export CONFORMANCE_BASE_URL=(\S+)/.exec(stdout)?.[1] as string;
    const answer = await fetch(`${baseUrl}/api/v1/customer/set-new-password?apiKey=${KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'x'.repeat(32), password: 'Sandbox-Password-1' }),
    });
    expect(((await answer.json()) as { errorCode?: string }).errorCode).toBe('E003');
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
  } finally {
    clearTimeout(killer);
    child.kill('SIGKILL');
  }
}, 30_000);

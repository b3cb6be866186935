// Every retry the suite makes is recorded (one JSON line each) so the report can show it: a run that
// only passed thanks to retries is visible as such.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { reportsDir } from './reports-dir.js';

export interface RetryRecord {
  what: string;
  status: number;
  waitedMs: number;
}

function logPath(): string {
  return join(reportsDir(), 'retries.jsonl');
}

export function recordRetry(record: RetryRecord): void {
  mkdirSync(reportsDir(), { recursive: true });
  appendFileSync(logPath(), `${JSON.stringify(record)}\n`);
}

export function readRetries(): RetryRecord[] {
  if (!existsSync(logPath())) return [];
  return readFileSync(logPath(), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as RetryRecord);
}

export function clearRetries(): void {
  rmSync(logPath(), { force: true });
}

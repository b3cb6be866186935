// Redacts a finished test's errors in the worker, where every token and password the test used is
// registered: vitest then sends them to the console, JUnit, Allure and the verdict already clean.
import { redact } from '../run/redaction.js';

function redactStrings(value: unknown, seen: Set<object>): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const record = value as Record<string, unknown>;
  for (const [key, field] of Object.entries(record)) {
    if (typeof field === 'string') record[key] = redact(field);
    else redactStrings(field, seen);
  }
}

export function redactTestErrors(errors: readonly unknown[] | undefined): void {
  const seen = new Set<object>();
  for (const error of errors ?? []) redactStrings(error, seen);
}

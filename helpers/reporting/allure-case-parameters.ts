// A table case's fields as Allure parameters. The label names the case and is part of the history id;
// the other fields may be generated from the seed (random keys, tokens), so they are excluded from it.
import * as allure from 'allure-js-commons';
import { onCase } from '../checks/case-listeners.js';
import { redact } from '../run/redaction.js';
import { maskSecretFields } from './allure-masking.js';

const MAX_VALUE_CHARS = 200;

function shown(value: unknown): string | null {
  if (typeof value === 'function' || value === undefined) return null;
  if (typeof value === 'object' && value !== null && 'label' in value && typeof value.label === 'string') return value.label;
  // JSON form: quotes show leading and trailing whitespace, escapes show control characters.
  const text = JSON.stringify(value) ?? '';
  return redact(text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} chars)` : text);
}

export async function reportCaseParameters(testCase: object): Promise<void> {
  const masked = maskSecretFields(testCase) as Record<string, unknown>;
  for (const [name, value] of Object.entries(masked)) {
    if (name === 'label') {
      await allure.parameter('case', redact(String(value)));
      continue;
    }
    const text = shown(value);
    if (text !== null) await allure.parameter(name, text, { excluded: true });
  }
}

let recording = false;

/** Idempotent: setup files run once per spec file, but the listener list lives as long as the worker. */
export function recordCasesInAllure(): void {
  if (recording) return;
  recording = true;
  onCase(reportCaseParameters);
}

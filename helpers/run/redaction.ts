// The one place secrets are replaced before anything is printed or written: API key, state-hook token,
// reset tokens and passwords. Values are registered as the suite learns or generates them.
const secrets = new Map<string, string>();
/** The raw values and their kinds, for the reproduction script, which names each one as a shell variable. */
const values = new Map<string, string>();

/** Short values are not registered: masking "abc" everywhere would garble output and hide nothing. */
const MIN_SECRET_LENGTH = 6;

/**
 * The registered forms by their first MIN_SECRET_LENGTH characters, longest first within a prefix, so a
 * secret that contains another is replaced whole. A run registers thousands of secrets and redacts bodies
 * of up to 1 MB: one pass over the text with a map lookup per position keeps that linear, and the index
 * grows with each registration instead of being rebuilt.
 */
const byPrefix = new Map<string, string[]>();

function index(form: string): void {
  const prefix = form.slice(0, MIN_SECRET_LENGTH);
  const forms = byPrefix.get(prefix) ?? [];
  if (forms.includes(form)) return;
  forms.push(form);
  forms.sort((a, b) => b.length - a.length);
  byPrefix.set(prefix, forms);
}

/** The forms a secret may appear in: plain, JSON-escaped, URL-encoded, base64 (redaction and echo checks alike). */
export function secretForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [...new Set([value, json, encodeURIComponent(value), Buffer.from(value).toString('base64')])];
}

export function registerSecret(value: string | null | undefined, kind: string): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  for (const form of secretForms(value)) {
    secrets.set(form, `[REDACTED ${kind}]`);
    index(form);
  }
  if (!values.has(value)) values.set(value, kind);
}

/** The registered values of one kind (e.g. 'password'). */
export function secretsOfKind(kind: string): string[] {
  return [...values].filter(([, k]) => k === kind).map(([value]) => value);
}

export function redact(text: string): string {
  if (byPrefix.size === 0) return text;
  let out = '';
  let copiedUpTo = 0;
  for (let at = 0; at + MIN_SECRET_LENGTH <= text.length; ) {
    const found = byPrefix.get(text.slice(at, at + MIN_SECRET_LENGTH))?.find((form) => text.startsWith(form, at));
    if (found === undefined) {
      at += 1;
      continue;
    }
    out += text.slice(copiedUpTo, at) + (secrets.get(found) ?? '[REDACTED]');
    at += found.length;
    copiedUpTo = at;
  }
  return out + text.slice(copiedUpTo);
}

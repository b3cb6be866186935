// The one place secrets are replaced before anything is printed or written: API key, state-hook token,
// reset tokens and passwords. Values are registered as the suite learns or generates them.
const secrets = new Map<string, string>();
/** The raw values and their kinds, for the reproduction script, which names each one as a shell variable. */
const values = new Map<string, string>();
/** Longest first, so a secret that contains another is replaced whole; null until needed after a change. */
let ordered: string[] | null = [];

/** Short values are not registered: masking "abc" everywhere would garble output and hide nothing. */
const MIN_SECRET_LENGTH = 6;

/** The forms a secret may appear in: plain, JSON-escaped, URL-encoded, base64 (redaction and echo checks alike). */
export function secretForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [...new Set([value, json, encodeURIComponent(value), Buffer.from(value).toString('base64')])];
}

export function registerSecret(value: string | null | undefined, kind: string): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  for (const form of secretForms(value)) secrets.set(form, `[REDACTED ${kind}]`);
  if (!values.has(value)) values.set(value, kind);
  ordered = null;
}

/** The registered values of one kind (e.g. 'password'). */
export function secretsOfKind(kind: string): string[] {
  return [...values].filter(([, k]) => k === kind).map(([value]) => value);
}

export function redact(text: string): string {
  ordered ??= [...secrets.keys()].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) out = out.split(secret).join(secrets.get(secret) ?? '[REDACTED]');
  return out;
}

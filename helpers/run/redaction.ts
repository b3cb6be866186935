// The one place secrets are replaced before anything is printed or written: API key, state-hook token,
// reset tokens and passwords. Values are registered as the suite learns or generates them.
const secrets = new Map<string, string>();
/** The raw values and their kinds, for the reproduction script, which names each one as a shell variable. */
const values = new Map<string, string>();

/** Short values are not registered: masking "abc" everywhere would garble output and hide nothing. */
const MIN_SECRET_LENGTH = 6;

/**
 * The registered forms by their first three characters (as one number: no string is cut per position),
 * longest first, so a secret that contains another is replaced whole. A run registers thousands of secrets
 * and redacts texts of up to a megabyte: one pass with a map lookup per position keeps that linear, and
 * the index grows with each registration instead of being rebuilt.
 */
const byPrefix = new Map<number, string[]>();

function prefixKey(text: string, at: number): number {
  return (text.charCodeAt(at) * 65_536 + text.charCodeAt(at + 1)) * 65_536 + text.charCodeAt(at + 2);
}

/** Adds a form not indexed yet where its length puts it (a binary search: many forms can share a prefix). */
function index(form: string): void {
  const key = prefixKey(form, 0);
  const forms = byPrefix.get(key) ?? [];
  let low = 0;
  let high = forms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((forms[middle]?.length ?? 0) >= form.length) low = middle + 1;
    else high = middle;
  }
  forms.splice(low, 0, form);
  byPrefix.set(key, forms);
}

/**
 * The secret's base64 as it reads inside a longer base64 text (a cookie session, a token of JSON): at each
 * of the three byte offsets it can start at, the characters that carry its bits only, in the standard and
 * the URL alphabet. The base64 of the value alone matches only where it starts at a multiple of 3 bytes.
 */
function base64Inside(value: string): string[] {
  const bytes = Buffer.from(value);
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    return [core, core.replaceAll('+', '-').replaceAll('/', '_')];
  });
}

/** The forms a secret may appear in: plain, JSON-escaped, URL-encoded, base64 (redaction and echo checks alike). */
export function secretForms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [...new Set([value, json, encodeURIComponent(value), Buffer.from(value).toString('base64'), ...base64Inside(value)])];
}

export function registerSecret(value: string | null | undefined, kind: string): void {
  if (!value || value.length < MIN_SECRET_LENGTH) return;
  for (const form of secretForms(value)) {
    const indexed = secrets.has(form);
    secrets.set(form, `[REDACTED ${kind}]`);
    if (!indexed) index(form);
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
    const found = byPrefix.get(prefixKey(text, at))?.find((form) => text.startsWith(form, at));
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

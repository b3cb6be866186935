// Masks the fields that carry secrets by name, whatever their length: redact() only knows the values
// registered so far, and short or never-issued tokens and passwords are never registered.
const SECRET_FIELDS = /^(token|password|apikey)$/i;

export function maskSecretFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecretFields);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      SECRET_FIELDS.test(key) && typeof field === 'string' && field !== '' ? `[REDACTED ${key}]` : maskSecretFields(field),
    ]),
  );
}

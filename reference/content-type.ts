// Which declared Content-Type the endpoint accepts: application/json, optionally with parameters.
// A charset parameter, when present, must be UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8).

export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [mediaType = '', ...parameters] = header.split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') return false;

  for (const parameter of parameters) {
    if (parameter.trim() === '') continue; // tolerate "application/json;" and ";;"
    const separator = parameter.indexOf('=');
    if (separator === -1) return false;
    const name = parameter.slice(0, separator).trim().toLowerCase();
    const value = unquote(parameter.slice(separator + 1).trim()).toLowerCase();
    if (name === 'charset' && value !== 'utf-8') return false;
  }
  return true;
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

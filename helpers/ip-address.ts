// Compares IP addresses by value, not by notation: 2001:0db8::0001 and 2001:db8::1 are the same address.
// The WHATWG URL parser gives every IPv4/IPv6 literal one canonical serialisation.
function canonical(address: string): string | null {
  try {
    const host = address.includes(':') ? `[${address}]` : address;
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

export function sameAddress(a: string, b: string): boolean {
  if (a === b) return true;
  const ca = canonical(a);
  return ca !== null && ca === canonical(b);
}

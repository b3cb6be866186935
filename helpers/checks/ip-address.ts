// Compares IP addresses by value, not by notation: 2001:0db8::0001 and 2001:db8::1 are the same address,
// and so are ::ffff:192.0.2.1 and 192.0.2.1 (the contract lets a target record a mapped address either way).
// Only strict IP literals count: a recorded "10.0.0.1\n", "10.0.0.1/8", "127.1" or "fe80::1%eth0" is not an
// address at all, so it never equals one (the WHATWG URL parser would have read most of them leniently).
import { isIPv4, isIPv6 } from 'node:net';

function ipv4Bytes(text: string): number[] {
  return text.split('.').map(Number);
}

/** The 8 groups of an IPv6 literal node:net has already validated (an IPv4 tail counts as two groups). */
function ipv6Groups(text: string): number[] {
  const parse = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [Number.parseInt(group, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(group);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = '', tail] = text.split('::');
  if (tail === undefined) return parse(head);
  const left = parse(head);
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The 16-byte form of a strict IP literal (IPv4 as its IPv4-mapped IPv6 address), or null when the text is
 * not one: dotted quads without leading zeros, IPv6 text forms without a zone id; no whitespace, brackets,
 * prefixes or ports.
 */
export function ipBytes(text: string): Uint8Array | null {
  if (isIPv4(text)) return Uint8Array.from([...Array<number>(10).fill(0), 0xff, 0xff, ...ipv4Bytes(text)]);
  if (!isIPv6(text) || text.includes('%')) return null;
  return Uint8Array.from(ipv6Groups(text).flatMap((group) => [group >> 8, group & 0xff]));
}

/** Whether the text is an IPv4 dotted quad (as opposed to an IPv6 text form). */
export function isIPv4Text(text: string): boolean {
  return isIPv4(text);
}

/** True when both are strict IP literals of the same address. */
export function sameAddress(a: string, b: string): boolean {
  const x = ipBytes(a);
  const y = ipBytes(b);
  return x !== null && y !== null && Buffer.from(x).equals(Buffer.from(y));
}

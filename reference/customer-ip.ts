// customerRealIp: which values are accepted and what gets recorded.
// Documented: IPv4 and IPv6 are accepted; "::1", "0.0.0.0", "localhost" and "" are recorded as 127.0.0.1;
// other values are rejected. Assumed by the bizkithub profile: exactly one literal address, so leading
// zeros, CIDR suffixes, ports, lists, surrounding whitespace, IPv6 zone ids and non-strings are invalid.
import { isIPv4, isIPv6 } from 'node:net';
import { BIZKITHUB_BEHAVIOUR } from './variations.js';
import type { ReferenceVariations } from './variations.js';

const LOOPBACK = '127.0.0.1';

/** Values the documentation maps to 127.0.0.1, compared exactly as sent. */
const LOOPBACK_ALIASES: ReadonlySet<string> = new Set(['::1', '0.0.0.0', 'localhost', '']);

export type CustomerIpResult = { readonly valid: true; readonly ip: string } | { readonly valid: false };

export function normalizeCustomerRealIp(value: unknown, variations: ReferenceVariations = BIZKITHUB_BEHAVIOUR): CustomerIpResult {
  if (typeof value !== 'string') return { valid: false };
  if (LOOPBACK_ALIASES.has(value)) return { valid: true, ip: LOOPBACK };

  let address = value;
  // Variation: a zone id is accepted and dropped (it only means something on the sender's host).
  if (variations.acceptZoneId && isIPv6(address) && address.includes('%')) address = address.slice(0, address.indexOf('%'));

  // node:net's isIPv4 accepts only dotted quads with octets 0-255 and no leading zeros.
  if (isIPv4(address)) return { valid: true, ip: address };

  // isIPv6 also accepts zone ids ("fe80::1%eth0"); a zone only means something on the sender's host.
  if (isIPv6(address) && !address.includes('%')) {
    const canonical = canonicalIPv6(address);
    if (canonical === undefined) return { valid: false };
    // Every spelling of ::1 (for example 0:0:0:0:0:0:0:1) is the same loopback address.
    if (canonical === '::1') return { valid: true, ip: LOOPBACK };
    // Variation: an IPv4-mapped address is recorded as its IPv4 form.
    const mappedIpv4 = ipv4OfMapped(canonical);
    if (variations.ipv4MappedAsIpv4 && mappedIpv4 !== undefined) return { valid: true, ip: mappedIpv4 };
    return { valid: true, ip: address };
  }
  return { valid: false };
}

/** a.b.c.d for the canonical form of an IPv4-mapped address (the URL parser writes it ::ffff:HHHH:HHHH). */
function ipv4OfMapped(canonical: string): string | undefined {
  const groups = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (groups === null) return undefined;
  const [high, low] = [Number.parseInt(groups[1] ?? '', 16), Number.parseInt(groups[2] ?? '', 16)];
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The WHATWG URL parser's compressed lowercase form of an IPv6 address, or undefined if it disagrees. */
function canonicalIPv6(address: string): string | undefined {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

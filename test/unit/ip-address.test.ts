// The customerRealIp comparison: same address by bytes, only for strict IP literals.
import { expect, test } from 'vitest';
import { ipBytes, sameAddress } from '../../helpers/checks/ip-address.js';

test.for([
  ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'] as const,
  ['2001:db8::1', '2001:DB8::1'] as const,
  ['::1', '0:0:0:0:0:0:0:1'] as const,
  ['::1', '0000::0001'] as const,
  ['192.0.2.1', '::ffff:192.0.2.1'] as const,
  ['192.0.2.1', '::FFFF:c000:0201'] as const,
  ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:0.7.0.8'] as const,
  ['::', '0:0:0:0:0:0:0:0'] as const,
])('%s and %s are the same address', ([a, b]) => {
  expect(sameAddress(a, b)).toBe(true);
  expect(sameAddress(b, a)).toBe(true);
});

test.for([
  ['10.0.0.1\n', '10.0.0.1'] as const,
  ['10.0.0.1/8', '10.0.0.1'] as const,
  ['x@10.0.0.1', '10.0.0.1'] as const,
  ['127.1', '127.0.0.1'] as const,
  ['017.0.0.1', '15.0.0.1'] as const,
  ['0x7f.0.0.1', '127.0.0.1'] as const,
  ['2130706433', '127.0.0.1'] as const,
  [' 10.0.0.1', '10.0.0.1'] as const,
  ['fe80::1%eth0', 'fe80::1'] as const,
  ['[2001:db8::1]', '2001:db8::1'] as const,
  ['10.0.0.1\u0000', '10.0.0.1'] as const,
  ['１0.0.0.1', '10.0.0.1'] as const,
  ['10.0.0.2', '10.0.0.1'] as const,
  ['::2', '::1'] as const,
  ['127.0.0.1', '::1'] as const,
])('%j is not the address %s', ([recorded, expected]) => {
  expect(sameAddress(recorded, expected)).toBe(false);
});

test('ipBytes gives the 16-byte form', () => {
  expect(Array.from(ipBytes('1.2.3.4') ?? [])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
  expect(Array.from(ipBytes('2001:db8::1') ?? [])).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  expect(ipBytes('localhost')).toBeNull();
});

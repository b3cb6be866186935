// A failure of an assumed requirement tells the vendor which profile key declares a legitimate difference.
import { expect, test } from 'vitest';
import type { Exchange } from '../../helpers/http/exchange.js';
import { expectFact, expectOutcome } from '../../helpers/checks/expect-outcome.js';

const exchange: Exchange = {
  request: { method: 'POST', url: 'http://127.0.0.1:1/x', headers: {}, body: null }, status: 200, headers: {}, text: '{}', json: {}, durationMs: 1, retries: [],
};
const never = { label: 'never', mismatch: () => 'it never matches' };

test('an assumed requirement names its profile key', () => {
  expect(() => expectOutcome('SNP-E002-EARLIER-PASSWORDS', exchange, never)).toThrow(
    /Profile key: historyDepth \(set it in your profile to change this expectation\)/,
  );
  expect(() => expectFact('SNP-KEY-SAMPLE', false, 'x', 'y')).toThrow(/Profile key: sampleKeyCode/);
});

test('a documented requirement without a key prints no such line', () => {
  expect(() => expectOutcome('SNP-SUCCESS-RESPONSE', exchange, never)).toThrow(/^(?![\s\S]*Profile key)/);
});

// The reference refuses variation settings that could never work, at start-up (no request reaches this
// validation, so the mutation run's docs/equivalent-mutants.md counts on these tests for it).
import { describe, expect, test } from 'vitest';
import { BIZKITHUB_BEHAVIOUR, resolveVariations, type ReferenceVariations } from '../../reference/variations.js';

describe('resolveVariations', () => {
  test('no changes: the bizkithub behaviour', () => {
    expect(resolveVariations()).toEqual(BIZKITHUB_BEHAVIOUR);
  });

  test.each<[string, Partial<ReferenceVariations>]>([
    ['passwordMinLength 0', { passwordMinLength: 0 }],
    ['passwordMinLength 1.5', { passwordMinLength: 1.5 }],
    ['historyDepth 0', { historyDepth: 0 }],
    ['historyDepth 2.5', { historyDepth: 2.5 }],
    ['expiryLagMs -1', { expiryLagMs: -1 }],
    ['expiryLagMs 0.5', { expiryLagMs: 0.5 }],
    ['expiryLagMs 60000 (the hook’s expired requests would still be honoured)', { expiryLagMs: 60_000 }],
  ])('%s is refused', (_label, changes) => {
    expect(() => resolveVariations(changes)).toThrow(/^ReferenceOptions\.variations\./);
  });

  test.each<[string, Partial<ReferenceVariations>]>([
    ['passwordMinLength 12', { passwordMinLength: 12 }],
    ['historyDepth null and 1', { historyDepth: 1 }],
    ['expiryLagMs 0 and 59999', { expiryLagMs: 59_999 }],
  ])('%s is accepted', (_label, changes) => {
    expect(resolveVariations(changes)).toMatchObject(changes);
  });
});

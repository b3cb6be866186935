// The fault catalogue itself (reference/faults.ts): enough faults, every requirement area covered, each
// declaration consistent with the requirement catalogue, and faults only reachable through the options.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { AREAS, REQUIREMENTS, requirementById } from '../../fixtures/requirements.js';
import { FAULT_PATCHES } from '../../reference/fault-patches.js';
import { FAULTS, faultSet, type FaultName } from '../../reference/faults.js';
import { resolveOptions } from '../../reference/options.js';

const REFERENCE_DIR = new URL('../../reference/', import.meta.url);

describe('the fault catalogue', () => {
  test('has at least 30 faults with unique names', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  });

  test.for(FAULTS)('$name declares known requirements, and strict exactly when they are all SHOULD', (fault) => {
    expect(fault.caughtBy.length).toBeGreaterThan(0);
    const levels = fault.caughtBy.map((id) => requirementById(id)?.level);
    expect(levels).not.toContain(undefined);
    expect(fault.strict).toBe(levels.every((level) => level === 'SHOULD'));
  });

  test('covers every requirement area, and every requirement of the catalogue', () => {
    const areas = new Set(FAULTS.flatMap((f) => f.caughtBy.map((id) => requirementById(id)?.area)));
    expect([...AREAS].filter((area) => !areas.has(area))).toEqual([]);
    const declared = new Set<string>(FAULTS.flatMap((f) => f.caughtBy));
    expect(REQUIREMENTS.map((r) => r.id).filter((id) => !declared.has(id))).toEqual([]);
  });

  test('declared requirements are catalogue IDs (the kill table can name them)', () => {
    const known = new Set(REQUIREMENTS.map((r) => r.id));
    expect(FAULTS.flatMap((f) => f.caughtBy).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('faults are switched on only by the code that starts the reference', () => {
  test('the normal reference has none', () => {
    expect(resolveOptions({}).faults.size).toBe(0);
  });

  test('an unknown fault name fails at start-up', () => {
    expect(() => faultSet(['no-such-fault' as FaultName])).toThrow(/unknown fault "no-such-fault"/);
  });

  test('only options.ts builds a fault set, from ReferenceOptions.faults, and main.ts passes none', () => {
    const sources = readdirSync(REFERENCE_DIR).filter((name) => name.endsWith('.ts'));
    const building = sources.filter((name) => readFileSync(new URL(name, REFERENCE_DIR), 'utf8').includes('faultSet('));
    expect(building.sort()).toEqual(['faults.ts', 'options.ts']);
    expect(readFileSync(new URL('options.ts', REFERENCE_DIR), 'utf8')).toContain('faults: faultSet(options.faults)');
    expect(readFileSync(new URL('main.ts', REFERENCE_DIR), 'utf8')).not.toMatch(/fault/i);
  });

  test('each fault is a patch (fault-patches.ts): no module of the reference asks which faults are on', () => {
    expect(Object.keys(FAULT_PATCHES).sort()).toEqual(FAULTS.map((fault) => fault.name).sort());
    const sources = readdirSync(REFERENCE_DIR).filter((name) => name.endsWith('.ts'));
    const asking = sources.filter((name) => /faults\.has\(/.test(readFileSync(new URL(name, REFERENCE_DIR), 'utf8')));
    expect(asking).toEqual([]);
  });
});

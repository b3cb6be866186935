// `--list`: the requirement catalogue as a table a person can read in a terminal.
import { REQUIREMENTS } from '../fixtures/requirements.js';

export function formatCatalogue(): string {
  const lines = [`${'ID'.padEnd(36)} ${'LEVEL'.padEnd(6)} ${'BASIS'.padEnd(13)} SAFE  REQUIREMENT`];
  for (const r of REQUIREMENTS) {
    lines.push(`${r.id.padEnd(36)} ${r.level.padEnd(6)} ${r.basis.padEnd(13)} ${(r.safe ? 'yes' : 'no').padEnd(5)} ${r.statement}`);
  }
  lines.push('', `${REQUIREMENTS.length} requirements (${REQUIREMENTS.filter((r) => r.safe).length} checkable in safe mode)`);
  return lines.join('\n');
}

/** The requirement IDs of `--only`, checked against the catalogue. */
export function unknownIds(ids: string[]): string[] {
  const known = new Set(REQUIREMENTS.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** vitest's test-name filter for the selected requirements (each test name starts with its ID). */
export function testNamePatternFor(ids: string[]): RegExp {
  return new RegExp(`^(?:${ids.map((id) => id.replace(/[-]/g, '\\-')).join('|')}) `);
}

// `--list`: the requirement catalogue as a table a person can read in a terminal.
import { REQUIREMENTS } from '../../fixtures/requirements.js';

export function formatCatalogue(): string {
  const lines = [`${'ID'.padEnd(36)} ${'LEVEL'.padEnd(6)} ${'BASIS'.padEnd(13)} SAFE  REQUIREMENT`];
  for (const r of REQUIREMENTS) {
    lines.push(`${r.id.padEnd(36)} ${r.level.padEnd(6)} ${r.basis.padEnd(13)} ${(r.safe ? 'yes' : 'no').padEnd(5)} ${r.statement}`);
  }
  lines.push('', `${REQUIREMENTS.length} requirements (${REQUIREMENTS.filter((r) => r.safe).length} checkable in safe mode)`);
  return lines.join('\n');
}

/** One `--only` selector: an ID, a glob over IDs (`SNP-KEY-*`) or an area (`area:customerRealIp`). */
function matcher(selector: string): (id: string, area: string) => boolean {
  if (selector.startsWith('area:')) {
    const area = selector.slice('area:'.length).trim().toLowerCase();
    return (_id, requirementArea) => requirementArea.toLowerCase() === area;
  }
  const glob = new RegExp(`^${selector.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('.*')}$`);
  return (id) => glob.test(id);
}

/** The requirement IDs the selectors pick, and the selectors that pick none (a typo is an error, exit 2). */
export function resolveSelection(selectors: string[]): { ids: string[]; unmatched: string[] } {
  const ids = new Set<string>();
  const unmatched: string[] = [];
  for (const selector of selectors) {
    const matches = matcher(selector);
    const picked = REQUIREMENTS.filter((r) => matches(r.id, r.area)).map((r) => r.id);
    if (picked.length === 0) unmatched.push(selector);
    for (const id of picked) ids.add(id);
  }
  return { ids: REQUIREMENTS.map((r) => r.id).filter((id) => ids.has(id)), unmatched };
}

/** vitest's test-name filter for the selected requirements (each test name starts with its ID). */
export function testNamePatternFor(ids: string[]): RegExp {
  return new RegExp(`^(?:${ids.map((id) => id.replace(/[-]/g, '\\-')).join('|')}) `);
}

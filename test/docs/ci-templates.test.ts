// The CI templates in docs/ci/ stay valid YAML and call only what exists: npm scripts of this project,
// flags of the runner, and CONFORMANCE_* settings documented in .env.example.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { HELP } from '../../helpers/runner/cli.js';

const DIR = new URL('../../docs/ci/', import.meta.url);
const TEMPLATES = readdirSync(DIR).filter((name) => name.endsWith('.yml'));
const scripts = Object.keys((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts);
const documentedSettings = new Set(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').match(/CONFORMANCE_[A-Z_]+/g));

test('there are templates for the release gate, nightly monitoring and GitLab', () => {
  expect(TEMPLATES.sort()).toEqual(['github-nightly-production.yml', 'github-release-gate.yml', 'gitlab-ci.yml']);
});

describe.each(TEMPLATES)('%s', (name) => {
  const text = readFileSync(new URL(name, DIR), 'utf8');

  test('parses as YAML into a mapping', () => {
    const document = parse(text) as unknown;
    expect(document).toBeTypeOf('object');
    expect(document).not.toBeNull();
  });

  test('every `npm run` names a script of package.json', () => {
    const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(scripts, `npm run ${script}`).toContain(script);
  });

  test('every runner flag exists', () => {
    const flags = [...text.matchAll(/npm run conformance -- (.*)/g)].flatMap((m) => (m[1] as string).match(/--[a-z-]+/g) ?? []);
    for (const flag of flags) expect(HELP, flag).toContain(`  ${flag}`);
  });

  test('every CONFORMANCE_* setting is documented in .env.example', () => {
    for (const setting of text.match(/CONFORMANCE_[A-Z_]+/g) ?? []) expect(documentedSettings, setting).toContain(setting);
  });
});

// The suite's own version (package.json), recorded in every report so "suite changed" and "target
// regressed" can be told apart.
import { readFileSync } from 'node:fs';

export const SUITE_NAME = 'bizkithub-set-new-password-conformance';

export const SUITE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

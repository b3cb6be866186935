// Loads the profile: the target's choices where the docs are silent (built-in `bizkithub` or a JSON file).
import { readFileSync } from 'node:fs';
import { ConfigError } from './config.js';
import { describeErrors, validator } from './json-schemas.js';

export type BusinessCode = 'E001' | 'E002' | 'E003' | 'E004';

export interface Profile {
  name: string;
  description?: string;
  businessErrorStatus: Record<BusinessCode, number>;
  validationError: { status: number; code: string };
  extraBodyProperties: 'allowed' | 'forbidden';
}

const BUILT_IN: Record<string, URL> = {
  bizkithub: new URL('../fixtures/profiles/bizkithub.json', import.meta.url),
};

/** `bizkithub` or a path to a profile JSON file; throws ConfigError when it is unreadable or invalid. */
export function loadProfile(nameOrPath: string): Profile {
  const source = BUILT_IN[nameOrPath] ?? nameOrPath;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    throw new ConfigError(`CONFORMANCE_PROFILE "${nameOrPath}" is neither a built-in profile nor a readable JSON file (${(error as Error).message})`);
  }
  const validate = validator('profile');
  if (!validate(data)) {
    throw new ConfigError(`CONFORMANCE_PROFILE "${nameOrPath}" is invalid: ${describeErrors(validate)}`);
  }
  return data as Profile;
}

// The run's settings as Allure's environment table (allure-results/environment.properties).
import type { RunContext } from '../run/run-context.js';

export function environmentInfo(context: RunContext): Record<string, string> {
  return {
    'Target URL': context.embedded ? `${context.baseUrl} (embedded reference)` : context.baseUrl,
    Mode: context.mode,
    Profile: context.profile.name,
    Strict: context.strict ? 'on' : 'off',
    Seed: String(context.seed),
    'Suite version': context.suiteVersion,
    'Node.js': process.version,
  };
}

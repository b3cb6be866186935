// Command-line flags of the runner. Each flag mirrors a CONFORMANCE_* variable and is applied by setting
// that variable, so flags and environment go through the same validation (helpers/run/config.ts).
import { parseArgs } from 'node:util';
import { ConfigError } from '../run/config.js';

export const HELP = `Usage: snp-conformance [options]        (also: npm run conformance -- [options])

Runs the conformance suite for POST /api/v1/customer/set-new-password against a target (default: the
embedded reference implementation) and exits 0 conformant, 1 non-conformant, 2 could not judge.

Target
  --base-url URL            CONFORMANCE_BASE_URL: the target's base URL
  --api-key-env NAME        read the API key from environment variable NAME (never pass a key as a flag)
  --state-url URL           CONFORMANCE_STATE_URL: the target's state hook
  --state-token-env NAME    read the state-hook token from environment variable NAME
  --allow-insecure-http     CONFORMANCE_ALLOW_INSECURE_HTTP=1: allow plain http:// to a non-loopback host
Scope
  --mode full|safe          CONFORMANCE_MODE (default full; safe for a PROD key)
  --allow-destructive       CONFORMANCE_ALLOW_DESTRUCTIVE=1: full mode with a PROD key
  --strict                  CONFORMANCE_STRICT=1: SHOULD requirements count toward the verdict
  --only SEL[,SEL...]       run only these requirements (repeatable): IDs, globs (SNP-KEY-*) or areas
                            (area:customerRealIp, area:"Token lifecycle"); the others are reported not-run
  --fail-fast               stop at the first case that does not pass (the verdict covers what ran)
  --shard i/n               run the i-th of n shards (merge the results with --merge)
  --merge DIR...            merge the results of shard runs (their reports folders) into one verdict
Inputs and outputs
  --seed N                  CONFORMANCE_SEED: seed of every generated input
  --profile NAME|PATH       CONFORMANCE_PROFILE (default bizkithub)
  --expectations PATH       CONFORMANCE_EXPECTATIONS: the target's known-deviations file
  --reports-dir DIR         CONFORMANCE_REPORTS_DIR (default reports)
Politeness
  --rate N                  CONFORMANCE_RATE: at most N requests per second to the target
  --concurrency N           CONFORMANCE_CONCURRENCY: at most N requests in flight
  --timeout MS              CONFORMANCE_TIMEOUT_MS: per-request timeout
Output
  --verbose                 vitest's own output (every test) instead of the progress line
  --reporter json           print only the conformance.json document on stdout (the rest goes to stderr)
Other
  --check-state-hook        exercise every state-hook action and state the suite uses, print what is supported,
                            and exit 0 only if a full run can be judged
  --list                    print the requirement catalogue (ID, level, basis, safe, sentence) and exit
  --help                    this text

Every flag can also be given as the environment variable it names, or in a .env file.`;

export type CliAction =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'merge'; dirs: string[] }
  | { kind: 'check-state-hook' }
  | { kind: 'run'; only: string[]; shard: string | null; output: RunOutput };

export interface RunOutput {
  verbose: boolean;
  failFast: boolean;
  /** 'json': stdout carries the conformance.json document and nothing else. */
  reporter: 'console' | 'json';
}

const ENV_FLAGS: Record<string, string> = {
  'base-url': 'CONFORMANCE_BASE_URL',
  'state-url': 'CONFORMANCE_STATE_URL',
  mode: 'CONFORMANCE_MODE',
  seed: 'CONFORMANCE_SEED',
  profile: 'CONFORMANCE_PROFILE',
  expectations: 'CONFORMANCE_EXPECTATIONS',
  'reports-dir': 'CONFORMANCE_REPORTS_DIR',
  rate: 'CONFORMANCE_RATE',
  concurrency: 'CONFORMANCE_CONCURRENCY',
  timeout: 'CONFORMANCE_TIMEOUT_MS',
};

const SWITCHES: Record<string, string> = {
  strict: 'CONFORMANCE_STRICT',
  'allow-destructive': 'CONFORMANCE_ALLOW_DESTRUCTIVE',
  'allow-insecure-http': 'CONFORMANCE_ALLOW_INSECURE_HTTP',
};

/** Parses argv, writes the flags into `env`, and says what to do. Throws ConfigError on a bad flag. */
export function applyCli(argv: string[], env: NodeJS.ProcessEnv): CliAction {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(Object.keys(ENV_FLAGS).map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(Object.keys(SWITCHES).map((name) => [name, { type: 'boolean' as const }])),
        'api-key-env': { type: 'string' },
        'state-token-env': { type: 'string' },
        only: { type: 'string', multiple: true },
        shard: { type: 'string' },
        merge: { type: 'boolean' },
        verbose: { type: 'boolean' },
        'fail-fast': { type: 'boolean' },
        reporter: { type: 'string' },
        list: { type: 'boolean' },
        'check-state-hook': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message} (see --help)`);
  }
  const { positionals } = parsed;
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) return { kind: 'help' };
  if (values.list) return { kind: 'list' };

  for (const [flag, variable] of Object.entries(ENV_FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') env[variable] = value;
  }
  for (const [flag, variable] of Object.entries(SWITCHES)) if (values[flag] === true) env[variable] = '1';
  for (const [flag, variable] of [['api-key-env', 'CONFORMANCE_API_KEY'], ['state-token-env', 'CONFORMANCE_STATE_TOKEN']] as const) {
    const name = values[flag];
    if (typeof name !== 'string') continue;
    const secret = env[name];
    if (!secret) throw new ConfigError(`--${flag} ${name}: that environment variable is not set`);
    env[variable] = secret;
  }

  if (values['check-state-hook']) return { kind: 'check-state-hook' };
  if (values.merge) {
    if (positionals.length === 0) throw new ConfigError('--merge needs the reports folders of the shard runs');
    return { kind: 'merge', dirs: positionals };
  }
  if (positionals.length > 0) throw new ConfigError(`unexpected argument "${positionals[0]}" (see --help)`);
  const shard = typeof values.shard === 'string' ? values.shard : null;
  if (shard !== null) {
    const match = /^(\d+)\/(\d+)$/.exec(shard);
    if (!match || Number(match[1]) < 1 || Number(match[1]) > Number(match[2])) {
      throw new ConfigError(`--shard must be i/n with 1 ≤ i ≤ n, got "${shard}"`);
    }
  }
  const only = ((values.only as string[] | undefined) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  const reporter = values.reporter ?? 'console';
  if (reporter !== 'console' && reporter !== 'json') throw new ConfigError(`--reporter must be console or json, got "${String(reporter)}"`);
  return { kind: 'run', only, shard, output: { verbose: values.verbose === true, failFast: values['fail-fast'] === true, reporter } };
}

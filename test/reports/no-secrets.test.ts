// No secret reaches the reports or the console. The suite runs against a reference with a known API key
// and state-hook token, through a state-hook proxy that records every reset token the reference issues
// and every password the suite seeds, with a profile that makes many cases fail (so failure messages and
// curl lines are written too). Then every file under the reports folder, the built Allure report and
// its history included, and the console output are searched.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReference, type RunningReference } from '../../reference/start.js';
import { runConformance, type ConformanceRun } from '../support/run-conformance.js';
import { runScript, type ScriptRun } from './run-script.js';

const KNOWN_KEY = 'DEV_KnownKeyForRedactionTest0123';
// Characters that URL encoding changes, so the encoded form is a different string to look for.
const KNOWN_STATE_TOKEN = 'known/state+token=for redaction-test';
// Shorter strings may occur by chance in a 30 MB report; the suite's generated passwords are longer.
const MIN_SEARCHED_LENGTH = 8;

interface StateHookProxy {
  url: string;
  issuedTokens: Set<string>;
  seededPasswords: Set<string>;
  close(): Promise<void>;
}

/** Forwards state-hook calls to the reference and remembers the tokens and passwords they carry. */
async function recordingStateHook(target: string): Promise<StateHookProxy> {
  const issuedTokens = new Set<string>();
  const seededPasswords = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const params = (JSON.parse(body || '{}') as { params?: { password?: string; passwordHistory?: string[] } }).params ?? {};
      for (const password of [params.password, ...(params.passwordHistory ?? [])]) if (password) seededPasswords.add(password);
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (request.headers.authorization) headers.Authorization = request.headers.authorization;
      fetch(target, { method: 'POST', headers, body })
        .then(async (answer) => {
          const text = await answer.text();
          if (answer.status === 200) {
            const token = (JSON.parse(text) as { token?: unknown }).token;
            if (typeof token === 'string') issuedTokens.add(token);
          }
          response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/state`,
    issuedTokens,
    seededPasswords,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The file's text, plus the base64 payloads it embeds decoded (the single-file report stores its data so). */
function searchableText(path: string): string {
  const text = readFileSync(path, 'utf8');
  const embedded = [...text.matchAll(/"([A-Za-z0-9+/]{64,}={0,2})"/g)].map((match) => Buffer.from(match[1] ?? '', 'base64').toString('utf8'));
  return [text, ...embedded].join('\n');
}

/** The forms a secret can take in a file: as is, URL-encoded, inside a JSON string, base64. */
function formsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64')])];
}

/** 32-alphanumeric runs of the text that are issued tokens (a scan, not one search per token). */
function issuedTokensIn(text: string, issued: Set<string>): string[] {
  return [...text.matchAll(/[A-Za-z0-9]{32,}/g)].flatMap(([run]) => {
    const found: string[] = [];
    for (let start = 0; start + 32 <= run.length; start++) {
      const window = run.slice(start, start + 32);
      if (issued.has(window)) found.push(window);
    }
    return found;
  });
}

/** Every string value of a field named token or password, anywhere in a JSON value. */
function secretFieldValues(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => secretFieldValues(item, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (/^(token|password)$/i.test(key) && typeof field === 'string') found.push(field);
      else secretFieldValues(field, found);
    }
  }
  return found;
}

describe('a run with a known API key and state-hook token', () => {
  let reference: RunningReference;
  let hook: StateHookProxy;
  let run: ConformanceRun;
  let report: ScriptRun;
  let texts: { file: string; text: string }[];

  beforeAll(async () => {
    reference = await startReference({ apiKeys: [KNOWN_KEY], stateToken: KNOWN_STATE_TOKEN });
    hook = await recordingStateHook(reference.stateUrl);
    const profile = join(mkdtempSync(join(tmpdir(), 'no-secrets-')), 'profile.json');
    writeFileSync(profile, JSON.stringify({
      name: 'e003-404',
      description: 'Expects E003 as 404: the reference answers 200, so every E003 check fails and prints its curl line.',
      businessErrorStatus: { E001: 200, E002: 200, E003: 404, E004: 200 },
      validationError: { status: 400, code: 'INTERNAL_VALIDATION_FAILED' },
      extraBodyProperties: 'allowed',
    }));
    run = await runConformance({
      CONFORMANCE_BASE_URL: reference.baseUrl,
      CONFORMANCE_API_KEY: KNOWN_KEY,
      CONFORMANCE_STATE_URL: hook.url,
      CONFORMANCE_STATE_TOKEN: KNOWN_STATE_TOKEN,
      CONFORMANCE_PROFILE: profile,
    });
    report = await runScript('scripts/report.ts', [], { CONFORMANCE_REPORTS_DIR: run.reportsDir });
    texts = filesUnder(run.reportsDir).map((file) => ({ file: relative(run.reportsDir, file), text: searchableText(file) }));
  }, 120_000);

  afterAll(async () => {
    await hook?.close();
    await reference?.close();
  });

  test('failed as the profile makes it, and wrote every report, the Allure HTML report included', () => {
    expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(1);
    // The reproduction names the key and URL as shell variables.
    expect(run.stdout).toMatch(/Reproduce: .*curl -i -X POST "\$CONFORMANCE_BASE_URL"'\/api\/v1\/customer\/set-new-password\?apiKey='"\$CONFORMANCE_API_KEY"/);
    expect(report.code, report.stderr).toBe(0);
    const files = texts.map((t) => t.file);
    for (const expected of ['conformance.json', 'conformance.md', 'junit.xml', 'allure-results/environment.properties', 'allure-report/single-file/index.html', 'allure-history.jsonl']) {
      expect(files).toContain(expected);
    }
    expect(files.filter((f) => f.endsWith('-attachment.json')).length).toBeGreaterThan(100);
    expect(hook.issuedTokens.size).toBeGreaterThan(50);
    expect(hook.seededPasswords.size).toBeGreaterThan(50);
  });

  test('no file under reports/ and no console line holds the API key or the state-hook token, in any form', () => {
    const consoleOutput = { file: '(console)', text: [run.stdout, run.stderr, report.stdout, report.stderr].join('\n') };
    const hits = [...texts, consoleOutput].flatMap(({ file, text }) =>
      [...formsOf(KNOWN_KEY), ...formsOf(KNOWN_STATE_TOKEN)].filter((form) => text.includes(form)).map((form) => `${file}: ${form}`),
    );
    expect(hits).toEqual([]);
  });

  test('no file and no console line holds a reset token the reference issued', () => {
    const consoleOutput = { file: '(console)', text: [run.stdout, run.stderr].join('\n') };
    const hits = [...texts, consoleOutput].flatMap(({ file, text }) => issuedTokensIn(text, hook.issuedTokens).map((token) => `${file}: ${token}`));
    expect(hits).toEqual([]);
  });

  test('no file and no console line holds a password the suite seeded', () => {
    const passwords = [...hook.seededPasswords].filter((p) => p.length >= MIN_SEARCHED_LENGTH).flatMap(formsOf);
    const consoleOutput = { file: '(console)', text: [run.stdout, run.stderr].join('\n') };
    const hits = [...texts, consoleOutput].flatMap(({ file, text }) => passwords.filter((form) => text.includes(form)).map((form) => `${file}: ${form}`));
    expect(hits).toEqual([]);
  });

  test('every token and password field of the Allure attachments is redacted, whatever its length', () => {
    const values = texts
      .filter(({ file }) => file.startsWith('allure-results/') && file.endsWith('-attachment.json'))
      .flatMap(({ file }) => secretFieldValues(JSON.parse(readFileSync(join(run.reportsDir, file), 'utf8'))));
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((value) => value !== '' && !value.startsWith('[REDACTED'))).toEqual([]);
  });

  describe('the Allure results of a failing run read right for a vendor (issue 10)', () => {
    interface WrittenStep {
      name?: string;
      status?: string;
      statusDetails?: Record<string, unknown>;
      steps?: WrittenStep[];
    }
    interface WrittenResult extends WrittenStep {
      labels: { name: string; value: string }[];
      links: { url: string }[];
    }
    let results: WrittenResult[];

    beforeAll(() => {
      const dir = join(run.reportsDir, 'allure-results');
      results = readdirSync(dir).filter((f) => f.endsWith('-result.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as WrittenResult);
    });

    const allSteps = (steps: WrittenStep[] = []): WrittenStep[] => steps.flatMap((s) => [s, ...allSteps(s.steps)]);

    test('each failed case names the exchange it judged: exactly that step is failed', () => {
      const failed = results.filter((r) => r.status === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      // This profile fails E003 answers on their status: each failure is the check of one exchange.
      for (const result of failed) expect(allSteps(result.steps).filter((s) => s.status === 'failed'), result.name).toHaveLength(1);
      const passedCases = results.filter((r) => r.status === 'passed');
      expect(passedCases.flatMap((r) => allSteps(r.steps)).filter((s) => s.status === 'failed')).toEqual([]);
    });

    test('errors carry the failure as expected and actual, and no stack trace anywhere', () => {
      for (const result of results.filter((r) => r.status === 'failed')) {
        expect(result.statusDetails, result.name).toMatchObject({ expected: expect.any(String) as unknown, actual: expect.any(String) as unknown });
      }
      const traces = results.flatMap((r) => [r, ...allSteps(r.steps)]).filter((s) => s.statusDetails?.trace !== undefined);
      expect(traces.map((s) => s.name)).toEqual([]);
    });

    test('links are absolute, and link files that exist; where the profile decides, the profile used is attached', () => {
      const urls = results.flatMap((r) => r.links.map((l) => l.url));
      expect(urls.length).toBeGreaterThan(100);
      expect(urls.filter((url) => !/^(https|file):\/\//.test(url))).toEqual([]);
      for (const url of new Set(urls.filter((u) => u.startsWith('file:')))) expect(existsSync(fileURLToPath(url)), url).toBe(true);
      const statusCases = results.filter((r) => r.labels.some((l) => l.name === 'requirement' && l.value === 'SNP-BUSINESS-ERROR-STATUS'));
      expect(statusCases.length).toBeGreaterThan(0);
      for (const result of statusCases) expect(result.steps?.map((s) => s.name)).toContain('profile e003-404');
    });
  });
});

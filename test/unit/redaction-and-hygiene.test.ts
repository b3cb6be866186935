import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../helpers/http/exchange.js';
import { toCurl } from '../../helpers/http/exchange.js';
import { sameAddress } from '../../helpers/checks/ip-address.js';
import { redact, registerSecret } from '../../helpers/run/redaction.js';
import { applicationCookies, findEcho, findInternals, findVersionBanner, hasNoStore, isJsonContentType } from '../../helpers/checks/response-hygiene.js';

const exchange = (text: string, headers: Exchange['headers'] = {}): Exchange => ({
  request: { method: 'POST', url: 'http://127.0.0.1:1/x', headers: {}, body: null }, status: 400, headers, text, json: undefined, durationMs: 1, retries: [],
});

describe('redaction', () => {
  test('replaces a registered secret in plain, JSON-escaped, URL-encoded and base64 form', () => {
    const secret = 'pä ss"word/1';
    registerSecret(secret, 'password');
    const text = [secret, JSON.stringify(secret), encodeURIComponent(secret), Buffer.from(secret).toString('base64')].join(' | ');
    const out = redact(text);
    expect(out).not.toMatch(/pä|word\/1|cMOk/);
    expect(out.match(/\[REDACTED password\]/g)).toHaveLength(4);
  });

  test('a secret that contains another is replaced whole, and text between secrets is kept', () => {
    registerSecret('inner-secret', 'password');
    registerSecret('outer-inner-secret-x', 'token');
    expect(redact('a outer-inner-secret-x b inner-secret c')).toBe('a [REDACTED token] b [REDACTED password] c');
  });

  test('stays linear: a 1 MB text against 5 000 registered secrets', () => {
    for (let i = 0; i < 5_000; i++) registerSecret(`secret-${i.toString().padStart(6, '0')}-value`, 'password');
    const text = `${'x'.repeat(1024 * 1024)} secret-004999-value`;
    const started = performance.now();
    expect(redact(text).endsWith(' [REDACTED password]')).toBe(true);
    // Tens of milliseconds; the old split/join per secret took seconds here.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('the curl line masks the key in the query', () => {
    registerSecret('DEV_abcdefghijklmnopqrstuvwxyz12', 'api-key');
    const line = toCurl({ method: 'POST', url: 'http://127.0.0.1:1/x?apiKey=DEV_abcdefghijklmnopqrstuvwxyz12', headers: { 'Content-Type': 'application/json' }, body: Buffer.from('{}') });
    expect(line).toBe("curl -i -X POST 'http://127.0.0.1:1/x?apiKey=[REDACTED api-key]' -H 'Content-Type: application/json' --data-binary '{}'");
  });
});

describe('response hygiene checks', () => {
  test('finds an echoed secret in the body or a header, in any encoding', () => {
    expect(findEcho(exchange('{"message":"bad token abcdef123"}'), ['abcdef123'])).toMatch(/body/);
    expect(findEcho(exchange('{}', { 'x-debug': 'YWJjZGVmMTIz' }), ['abcdef123'])).toMatch(/headers/);
    expect(findEcho(exchange('{"message":"fine"}'), ['abcdef123'])).toBeNull();
  });

  test.each([0, 1, 2])('finds a secret inside a longer base64 text, %i bytes past a multiple of 3, in either alphabet', (shift) => {
    const secret = 'pass~word?>secret-21ch';
    const session = Buffer.from(`${'x'.repeat(shift)}{"flash":{"input":{"password":${JSON.stringify(secret)}}}}`);
    for (const cookie of [session.toString('base64'), session.toString('base64url')]) {
      expect(findEcho(exchange('{}', { 'set-cookie': `session=${cookie}; Path=/` }), [secret])).toMatch(/headers/);
      registerSecret(secret, 'password');
      expect(redact(cookie)).toContain('[REDACTED password]');
    }
  });

  test.each([
    'TypeError: Cannot read properties of undefined\n    at handler (/srv/app/index.js:10:5)',
    'Traceback (most recent call last):',
    'org.Foo.bar(Foo.java:12)',
    'SQLSTATE[42000]',
    '{"error":"/home/app/node_modules/x"}',
    '{"code":"FST_ERR_CTP_INVALID_JSON"}',
  ])('flags internals in %j', (body) => {
    expect(findInternals(exchange(body))).not.toBeNull();
  });

  test('a plain platform error is clean; version banners are found apart from internals', () => {
    const body = '{"error":{"code":"INTERNAL_VALIDATION_FAILED","message":"Request payload validation failed.","description":"token must be a non-empty string"}}';
    expect(findInternals(exchange(body))).toBeNull();
    expect(findVersionBanner(exchange(body))).toBeNull();
    expect(findInternals(exchange(body, { 'x-powered-by': 'PHP/8.2.12' }))).toBeNull();
    expect(findVersionBanner(exchange(body, { 'x-powered-by': 'Express' }))).toMatch(/X-Powered-By/);
    expect(findVersionBanner(exchange(body, { server: 'nginx/1.25.3' }))).toMatch(/Server/);
    expect(findVersionBanner(exchange(body, { server: 'Werkzeug/3.0.1 Python/3.11.4' }))).toMatch(/Server/);
    expect(findVersionBanner(exchange(body, { server: 'cloudflare' }))).toBeNull();
    expect(findVersionBanner(exchange('<hr><center>nginx/1.25.3</center>'))).toMatch(/body/);
  });

  test('CDN cookies are not application cookies', () => {
    expect(applicationCookies(exchange('', { 'set-cookie': ['__cf_bm=abc; path=/; HttpOnly'] }))).toEqual([]);
    expect(applicationCookies(exchange('', { 'set-cookie': ['__cf_bm=abc', 'session=x'] }))).toEqual(['session=x']);
  });

  test('content type and cache headers', () => {
    expect(isJsonContentType(exchange('', { 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    expect(isJsonContentType(exchange('', { 'content-type': 'application/problem+json' }))).toBe(true);
    expect(isJsonContentType(exchange('', { 'content-type': 'text/html' }))).toBe(false);
    expect(hasNoStore(exchange('', { 'cache-control': 'private, no-store' }))).toBe(true);
    expect(hasNoStore(exchange('', { 'cache-control': 'no-cache' }))).toBe(false);
  });

  test('IP addresses compare by value', () => {
    expect(sameAddress('2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8::ff00:42:8329')).toBe(true);
    expect(sameAddress('1.1.1.1', '1.1.1.2')).toBe(false);
    expect(sameAddress('::ffff:192.0.2.1', '::ffff:c000:201')).toBe(true);
    expect(sameAddress('::ffff:192.0.2.1', '192.0.2.1')).toBe(true);
  });
});

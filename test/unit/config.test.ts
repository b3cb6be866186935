import { describe, expect, test } from 'vitest';
import { ConfigError, readConfig } from '../../helpers/run/config.js';

const KEY = (prefix: string) => `${prefix}${'b'.repeat(28)}`;

describe('readConfig', () => {
  test('no settings: embedded reference, full mode, default profile, no seed', () => {
    expect(readConfig({})).toMatchObject({ baseUrl: null, apiKey: null, mode: 'full', strict: false, seed: null, profile: 'bizkithub' });
  });

  test('an external target with key and state hook; trailing slash dropped', () => {
    const config = readConfig({
      CONFORMANCE_BASE_URL: 'https://staging.example.test/prefix/',
      CONFORMANCE_API_KEY: KEY('DEV_'),
      CONFORMANCE_STATE_URL: 'https://staging.example.test/state',
      CONFORMANCE_STATE_TOKEN: 's3cret-token',
      CONFORMANCE_STRICT: '1',
      CONFORMANCE_SEED: '42',
    });
    expect(config).toMatchObject({ baseUrl: 'https://staging.example.test/prefix', mode: 'full', strict: true, seed: 42 });
  });

  test('a PROD key runs safe mode unless destructive runs are allowed', () => {
    const base = { CONFORMANCE_BASE_URL: 'https://api.example.test', CONFORMANCE_API_KEY: KEY('PROD') };
    expect(readConfig(base)).toMatchObject({ mode: 'safe', modeReason: expect.stringMatching(/PROD prefix/) as unknown });
    expect(readConfig({ ...base, CONFORMANCE_ALLOW_DESTRUCTIVE: '1', CONFORMANCE_STATE_URL: 'https://api.example.test/s' }).mode).toBe('full');
    expect(() => readConfig({ ...base, CONFORMANCE_MODE: 'full' })).toThrow(/CONFORMANCE_ALLOW_DESTRUCTIVE/);
  });

  test.each([
    [{ CONFORMANCE_BASE_URL: 'not a url', CONFORMANCE_API_KEY: KEY('ROOT') }, /not a URL/],
    [{ CONFORMANCE_BASE_URL: 'ws://127.0.0.1', CONFORMANCE_API_KEY: KEY('ROOT') }, /http or https/],
    [{ CONFORMANCE_BASE_URL: 'http://127.0.0.1?x=1', CONFORMANCE_API_KEY: KEY('ROOT') }, /query string/],
    [{ CONFORMANCE_BASE_URL: 'http://127.0.0.1' }, /CONFORMANCE_API_KEY is not/],
    [{ CONFORMANCE_BASE_URL: 'http://127.0.0.1', CONFORMANCE_API_KEY: 'DEV_short' }, /does not match/],
    [{ CONFORMANCE_API_KEY: KEY('DEV_') }, /without CONFORMANCE_BASE_URL/],
    [{ CONFORMANCE_BASE_URL: 'http://127.0.0.1', CONFORMANCE_API_KEY: KEY('DEV_') }, /needs CONFORMANCE_STATE_URL/],
    [{ CONFORMANCE_STRICT: 'yes' }, /CONFORMANCE_STRICT must be 0 or 1/],
    [{ CONFORMANCE_SEED: '-1' }, /CONFORMANCE_SEED/],
    [{ CONFORMANCE_SEED: '99999999999' }, /CONFORMANCE_SEED/],
    [{ CONFORMANCE_EXPECTATIONS: '/nonexistent.json' }, /does not exist/],
  ])('rejects %o', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});

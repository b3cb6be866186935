// Platform docs, API key registry: a key is looked up exactly. A case-insensitive collation, or a format
// regex whose $ accepts a final newline followed by trimming, turns strings that are not the key into it.
import { submit } from '../../helpers/http/endpoint-client.js';
import { keyError } from '../../helpers/checks/outcomes.js';
import { randomPassword, randomToken } from '../../helpers/run/random.js';
import { registerSecret } from '../../helpers/run/redaction.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

const PREFIX_LENGTH = 4;

/** The key with the case of one letter of its 28-character tail flipped, or null when the tail has none. */
function flipTailLetter(key: string, pick: 'first' | 'last'): string | null {
  const letters = [...key].map((c, i) => (i >= PREFIX_LENGTH && c.toLowerCase() !== c.toUpperCase() ? i : -1)).filter((i) => i >= 0);
  const at = pick === 'first' ? letters[0] : letters[letters.length - 1];
  if (at === undefined) return null;
  const c = key[at] as string;
  return key.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + key.slice(at + 1);
}

const exact = requirement('SNP-KEY-EXACT-MATCH');
exact.each([
  { label: 'first letter of the tail', pick: 'first' as const },
  { label: 'last letter of the tail', pick: 'last' as const },
])('the valid key with the case of its $label flipped answers 404 PUBLIC_API_KEY_DOES_NOT_EXIST', async ({ pick }, { rand, skip }) => {
  const variant = flipTailLetter(runContext().apiKey, pick);
  if (variant === null) return skip('the configured key has no letter in its tail');
  registerSecret(variant, 'api-key'); // one letter away from the real key: never printed
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey: variant });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_DOES_NOT_EXIST'));
});
exact.each([
  { label: 'a newline, in the query', suffix: '\n', placement: 'query' as const },
  { label: 'a carriage return and newline, in the query', suffix: '\r\n', placement: 'query' as const },
  { label: 'a space, in the query', suffix: ' ', placement: 'query' as const },
  { label: 'a tab, in the query', suffix: '\t', placement: 'query' as const },
  { label: 'a newline, in the body', suffix: '\n', placement: 'body' as const },
])('the valid key followed by $label answers 404 with a key error and is never processed', async ({ suffix, placement }, { rand }) => {
  const exchange = await submit({ token: randomToken(rand), password: randomPassword(rand) }, { apiKey: `${runContext().apiKey}${suffix}`, placement });
  check.outcome(exchange, keyError('PUBLIC_API_KEY_IS_NOT_IN_VALID_FORMAT', 'PUBLIC_API_KEY_DOES_NOT_EXIST'));
});

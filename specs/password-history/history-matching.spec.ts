// The history rule (E002, "You have entered a previously used password") compares this customer's own
// passwords, exactly: a different string, even one differing only in letter case, is not "previously used",
// and another customer's password is not this customer's.
import { submit } from '../../helpers/http/endpoint-client.js';
import { success } from '../../helpers/checks/outcomes.js';
import { randomPassword } from '../../helpers/run/random.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { check } from '../../helpers/checks/check.js';

/** `password` with the letter case of its first (or last) letter flipped. */
function flipOneLetter(password: string, pick: 'first' | 'last'): string {
  const letters = [...password].map((c, i) => (c.toLowerCase() !== c.toUpperCase() ? i : -1)).filter((i) => i >= 0);
  const at = pick === 'first' ? letters[0] : letters[letters.length - 1];
  if (at === undefined) return `${password}A`; // randomPassword always has letters; never reached
  const c = password[at] as string;
  return password.slice(0, at) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + password.slice(at + 1);
}

const exact = requirement('SNP-HISTORY-EXACT-MATCH');
exact.each([
  { label: 'the current password with its first letter case-flipped', index: 0, change: (p: string) => flipOneLetter(p, 'first') },
  { label: 'the current password with its last letter case-flipped', index: 0, change: (p: string) => flipOneLetter(p, 'last') },
  { label: 'the current password in upper case', index: 0, change: (p: string) => p.toUpperCase() },
  { label: 'an earlier password with its first letter case-flipped', index: 1, change: (p: string) => flipOneLetter(p, 'first') },
])('$label is not previously used: it succeeds and becomes current', async ({ index, change }, { rand, state, skip }) => {
  const history = [randomPassword(rand), randomPassword(rand)];
  const candidate = change(history[index] as string);
  if (history.includes(candidate)) skip('the generated password has no letter to change');
  const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
  check.outcome(await submit({ token, password: candidate }), success());
  await check.password(state, customerId).is(candidate, 'the case-changed password');
});

// Whether NFC/NFD/NFKC forms count as the same password is left alone here: NIST SP 800-63B (5.1.1.2)
// recommends normalising, the profile stores passwords exactly; invisible characters are no such case.
const invisible = requirement('SNP-HISTORY-INVISIBLE-CHARACTERS');
invisible.each([
  { label: 'the current password with a zero-width space inserted', index: 0, change: (p: string) => `${p.slice(0, 4)}\u200b${p.slice(4)}` },
  { label: 'the current password with a soft hyphen inserted', index: 0, change: (p: string) => `${p.slice(0, 4)}\u00ad${p.slice(4)}` },
  { label: 'the current password with a zero-width joiner appended', index: 0, change: (p: string) => `${p}\u200d` },
  { label: 'the current password with a trailing space', index: 0, change: (p: string) => `${p} ` },
  { label: 'an earlier password with a leading tab', index: 1, change: (p: string) => `\t${p}` },
])('$label is not previously used: it succeeds and is stored exactly', async ({ index, change }, { rand, state }) => {
  const history = [randomPassword(rand), randomPassword(rand)];
  const candidate = change(history[index] as string);
  const { customerId, token } = await state.pendingRequest({ passwordHistory: history });
  check.outcome(await submit({ token, password: candidate }), success());
  await check.password(state, customerId).is(candidate, 'the password with the invisible character');
  await check.password(state, customerId).isNot(history[index] as string, 'the password without it');
});

const perCustomer = requirement('SNP-HISTORY-PER-CUSTOMER');
perCustomer.each([
  { label: "another customer's current password", index: 0 },
  { label: "another customer's earlier password", index: 1 },
])('$label is not previously used by this customer: it succeeds', async ({ index }, { rand, state }) => {
  const othersHistory = [randomPassword(rand), randomPassword(rand)];
  await state.pendingRequest({ passwordHistory: othersHistory });
  const { customerId, token } = await state.pendingRequest({ passwordHistory: [randomPassword(rand)] });
  const candidate = othersHistory[index] as string;
  check.outcome(await submit({ token, password: candidate }), success());
  await check.password(state, customerId).is(candidate, "the other customer's password, now this customer's");
});
perCustomer.test('a password another customer has just set through the endpoint is accepted for this customer', async ({ rand, state }) => {
  const chosen = randomPassword(rand);
  const other = await state.pendingRequest();
  check.outcome(await submit({ token: other.token, password: chosen }), success());
  const { customerId, token } = await state.pendingRequest();
  check.outcome(await submit({ token, password: chosen }), success());
  await check.password(state, customerId).is(chosen);
});

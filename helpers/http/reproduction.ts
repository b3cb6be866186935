// A failure's reproduction as a shell command a vendor can paste: the request as sent, with every secret
// replaced by a shell variable. The API key, base URL and state-hook settings are the run's own
// (CONFORMANCE_*, which the vendor has exported); a reset token the state hook issued is fetched again by
// the same setup call; passwords and never-issued tokens get fresh random values of the same shape. So it
// runs as pasted, and nothing secret is printed.
import { currentCase, type SetupCall } from './case-scope.js';
import { shellQuote, toCurl, type RecordedRequest } from './exchange.js';
import { redact, secretsOfKind } from '../run/redaction.js';
import { runContext, runContextIfAny } from '../run/run-context.js';

/** A word of the command: literal text and shell variables, quoted piece by piece. */
type Piece = { text: string } | { variable: string };

function quote(pieces: Piece[]): string {
  return pieces.map((p) => ('variable' in p ? `"$${p.variable}"` : shellQuote(p.text))).join('');
}

/** Splits `text` at every occurrence of the named values, which become variables. */
function pieces(text: string, names: Map<string, string>): Piece[] {
  const values = [...names.keys()].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
  let out: Piece[] = [{ text }];
  for (const value of values) {
    out = out.flatMap((piece) => {
      if ('variable' in piece || !piece.text.includes(value)) return [piece];
      const parts = piece.text.split(value);
      return parts.flatMap((part, i) => (i === 0 ? [{ text: part }] : [{ variable: names.get(value) as string }, { text: part }]));
    });
  }
  return out.filter((p) => 'variable' in p || p.text !== '');
}

const RANDOM_32 = `$(node -e "process.stdout.write(require('crypto').randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g,'').slice(0,32))")`;
const TOKEN_OF_ANSWER = `node -pe "JSON.parse(require('fs').readFileSync(0,'utf8')).token"`;

function setupCommand(setup: SetupCall, names: Map<string, string>): string {
  const body = JSON.stringify({ action: 'setup', state: setup.state, params: setup.params });
  const auth = runContext().stateToken ? ` -H "Authorization: Bearer $CONFORMANCE_STATE_TOKEN"` : '';
  return `curl -s -X POST "$CONFORMANCE_STATE_URL"${auth} -H 'Content-Type: application/json' --data-binary ${quote(pieces(body, names))} | ${TOKEN_OF_ANSWER}`;
}

/** The shell command that repeats `request`, preceded by the assignments of the variables it uses. */
export function reproduction(request: RecordedRequest): string {
  const context = runContextIfAny();
  if (context === undefined) return toCurl(request); // outside a run: the plain, redacted command
  const { apiKey, baseUrl } = context;
  const names = new Map<string, string>([[apiKey, 'CONFORMANCE_API_KEY']]);
  const assignments: string[] = [];
  const body = request.body?.toString('utf8') ?? '';
  const sent = `${request.url}\n${Object.values(request.headers).join('\n')}\n${body}`;
  const setups = currentCase()?.tokenSetups ?? new Map<string, SetupCall>();

  secretsOfKind('password')
    .filter((password) => sent.includes(password) || [...setups.values()].some((s) => JSON.stringify(s.params).includes(JSON.stringify(password))))
    .forEach((password, i) => {
      names.set(password, `PASSWORD_${i + 1}`);
      assignments.push(`PASSWORD_${i + 1}="Repro-${'$'}(date +%s%N)-Aa1"`);
    });
  let tokens = 0;
  for (const token of secretsOfKind('token').filter((t) => sent.includes(t))) {
    tokens += 1;
    names.set(token, `TOKEN_${tokens}`);
    const setup = setups.get(token);
    assignments.push(`TOKEN_${tokens}=${setup ? `$(${setupCommand(setup, names)})` : RANDOM_32}`);
  }

  const url = request.url.startsWith(baseUrl) ? [{ variable: 'CONFORMANCE_BASE_URL' }, ...pieces(request.url.slice(baseUrl.length), names)] : pieces(request.url, names);
  const parts = ['curl', '-i', '-X', request.method, quote(url)];
  for (const [name, value] of Object.entries(request.headers)) parts.push('-H', quote(pieces(`${name}: ${value}`, names)));
  if (request.body !== null && request.body.length > 0) {
    const printable = Buffer.from(body, 'utf8').equals(request.body) && body.length <= 2000;
    parts.push('--data-binary', printable ? quote(pieces(body, names)) : `"<${request.body.length} bytes, not shown>"`);
  }
  // The case's waits on purpose come after its setups, before this request (the expiry cases).
  const waitedMs = currentCase()?.waitedMs ?? 0;
  const wait = waitedMs > 0 ? [`sleep ${Math.ceil(waitedMs / 1000)}`] : [];
  // Anything secret that was not named above (a token derived from a real one) is still masked.
  return redact([...assignments, ...wait, parts.join(' ')].join(' && '));
}

// Requirement SNP-NO-SECRET-ECHO (specs/responses/requirements.ts), for methods other than POST.
import { send } from '../../helpers/http/endpoint-client.js';
import { findEcho } from '../../helpers/checks/response-hygiene.js';
import { randomToken } from '../../helpers/run/random.js';
import { registerSecret } from '../../helpers/run/redaction.js';
import { requirement } from '../../helpers/checks/requirement-test.js';
import { runContext } from '../../helpers/run/run-context.js';
import { check } from '../../helpers/checks/check.js';

// No method reflects the request: a TRACE (or any other method) answered with the request echoed back
// hands the Authorization header to whatever script can send it (cross-site tracing).
const echo = requirement('SNP-NO-SECRET-ECHO');
echo.each(['TRACE', 'OPTIONS', 'GET', 'PUT', 'DELETE'].map((method) => ({ label: method, method })))(
  '$label with the key as Authorization: Bearer echoes neither the key nor the token',
  async ({ method }, { rand }) => {
    const { apiKey } = runContext();
    const token = randomToken(rand);
    registerSecret(token, 'token');
    const exchange = await send({ method, headers: { Authorization: `Bearer ${apiKey}`, 'X-Reset-Token': token }, contentType: null });
    const found = findEcho(exchange, [apiKey, token]);
    check.fact(found === null, 'no request header echoed in body or headers', found ?? '', exchange);
  },
);

// The state hook's part of docs/openapi.yaml (docs/state-hook.md, version 1.1): the suite's own request
// schema, and the answers unwrapped from the answer schema (it wraps each kind for validation only).
import { fixtureSchema, type Schema } from './fixture-schema.js';

/** The answer schema's kinds ({provisioned: …}, {inspection: …}, {apiKey: …}) as the bodies the hook sends. */
function answerBodies(): Record<string, Schema> {
  const { oneOf } = fixtureSchema('state-hook-answer') as { oneOf: { required: [string]; properties: Record<string, Schema> }[] };
  const names: Record<string, string> = { provisioned: 'StateHookProvisioned', inspection: 'StateHookInspection', apiKey: 'StateHookApiKey' };
  return Object.fromEntries(
    oneOf.map((kind) => {
      const [wrapper] = kind.required;
      const name = names[wrapper];
      if (!name) throw new Error(`openapi: state-hook answer kind "${wrapper}" has no schema name; add it in state-hook.ts`);
      return [name, kind.properties[wrapper] as Schema];
    }),
  );
}

const problem = (description: string): Schema => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function stateHookPathItem(): Schema {
  const answers = Object.keys(answerBodies()).map((name) => ({ $ref: `#/components/schemas/${name}` }));
  return {
    summary: 'The state hook (test deployments only)',
    description:
      'Served by the implementation under test at CONFORMANCE_STATE_URL (this path is the reference implementation\'s; any URL works). The suite calls it to set up customers and reset requests, inspect a customer and tear it down (Pact-style provider states). Never deploy it to production. See docs/state-hook.md.',
    servers: [{ url: '{stateHookBase}', description: 'The base of CONFORMANCE_STATE_URL', variables: { stateHookBase: { default: 'http://127.0.0.1:8080' } } }],
    post: {
      operationId: 'stateHook',
      summary: 'Set up, inspect or tear down a state: {action, state, params}',
      security: [{ stateHookToken: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/StateHookRequest' },
            example: { action: 'setup', state: 'pending reset request', params: { passwordHistory: ['current-pw', 'older-pw'], expiresInSeconds: 3600 } },
          },
        },
      },
      responses: {
        '200': {
          description: 'The state is set up (setup) or described (inspect); teardown may answer 200 with any JSON object instead of 204.',
          // anyOf, not oneOf: the teardown alternative (any object) also matches the others.
          content: { 'application/json': { schema: { anyOf: [...answers, { type: 'object', description: 'teardown / customer' }] } } },
        },
        '204': { description: 'teardown / customer: removed (idempotent).' },
        '400': problem('Unknown action or state. For the optional version 1.1 states (inactive api key, expired api key) it means "not offered": the requirements that need them are not run.'),
        '401': { description: 'The bearer token is wrong or missing.' },
      },
    },
  };
}

export function stateHookSchemas(): Record<string, Schema> {
  return { StateHookRequest: fixtureSchema('state-hook-request'), ...answerBodies() };
}

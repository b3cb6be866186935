// The endpoint's path, in a module of its own: the runner's preflight needs it without loading the HTTP
// client (supertest and its dependencies, ~90 ms at every start).
export const ENDPOINT_PATH = '/api/v1/customer/set-new-password';

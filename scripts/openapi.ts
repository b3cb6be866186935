// `npm run openapi`: writes docs/openapi.yaml from the suite's schemas, default profile and catalogue.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPENAPI_FILE, openApiYaml } from './openapi/document.js';

writeFileSync(OPENAPI_FILE, openApiYaml());
console.log(`openapi: wrote ${fileURLToPath(OPENAPI_FILE)}`);

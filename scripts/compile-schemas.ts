// `npm run schemas`: regenerates fixtures/schemas/compiled-validators.ts after a schema changed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { COMPILED_PATH, compiledValidatorsSource } from '../helpers/run/schema-compiler.js';

writeFileSync(COMPILED_PATH, compiledValidatorsSource());
console.log(`wrote ${fileURLToPath(COMPILED_PATH)}`);

#!/usr/bin/env node
// The `snp-conformance` command: runs bin/conformance.ts through tsx, since Node 20 cannot load
// TypeScript by itself. The suite's own tsconfig.json, not one in the user's folder: installed as a
// package, the command runs wherever the user is.
import { fileURLToPath, URL } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('./conformance.ts');

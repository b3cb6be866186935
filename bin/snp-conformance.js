#!/usr/bin/env node
// The `snp-conformance` command: runs bin/conformance.ts through tsx, since Node 20 cannot load
// TypeScript by itself.
import { register } from 'tsx/esm/api';

register();
await import('./conformance.ts');

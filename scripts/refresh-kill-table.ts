// `npm run kill-table`: copies the kill table the last `npm test` wrote (reports/kill-table.md) to
// docs/kill-table.md, the tracked copy. Kept apart so a test run never changes a tracked file.
import { copyFileSync, existsSync } from 'node:fs';

const source = new URL('../reports/kill-table.md', import.meta.url);
if (!existsSync(source)) {
  console.error('kill-table: reports/kill-table.md does not exist: run npm test first (the fault catalogue writes it)');
  process.exit(2);
}
copyFileSync(source, new URL('../docs/kill-table.md', import.meta.url));
console.log('kill-table: docs/kill-table.md refreshed from reports/kill-table.md');

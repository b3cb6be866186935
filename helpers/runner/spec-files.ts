// Which spec files declare tests of the selected requirements, so a `--only` run loads only those files
// instead of importing and collecting the whole suite to filter it by name. A file counts when it names the
// ID as a quoted string: requirement('<ID>'), or an `id: '<ID>'` in a table it declares tests from. Naming
// one too many only loads a file more; test/unit/spec-files.test.ts checks that no declaring file is
// missed. The verdict still comes from task.meta, never from this scan.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specFiles(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The spec files (paths under `root`) that declare a test of one of `ids`. */
export function specFilesFor(root: string, ids: readonly string[]): string[] {
  return specFiles(join(root, 'specs')).filter((file) => {
    const text = readFileSync(file, 'utf8');
    return ids.some((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`));
  });
}

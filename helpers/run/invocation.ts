// The command a user types to run this suite: `npm run conformance` in a checkout of the project, and
// `npx snp-conformance` where it is installed as a package (there the project's npm scripts do not exist).
// Printed lines that tell the user what to run (the replay command) use it.

/** The suite's files are under node_modules/ when it is installed as a package. */
const INSTALLED = /[\\/]node_modules[\\/]/.test(new URL('.', import.meta.url).pathname);

/** The command with its flags, e.g. `npm run conformance -- --only X` or `npx snp-conformance --only X`. */
export function conformanceCommand(flags: readonly string[], installed = INSTALLED): string {
  if (installed) return ['npx snp-conformance', ...flags].join(' ');
  return flags.length ? `npm run conformance -- ${flags.join(' ')}` : 'npm run conformance';
}

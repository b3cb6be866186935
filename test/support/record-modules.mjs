// `node --import` this file to append the URL of every module the process resolves through the ES module
// loader to the file named by RECORD_MODULES (one per line). Used to see what the runner loads at start.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.RECORD_MODULES, result.url + '\\n');
  return result;
}`)}`,
);

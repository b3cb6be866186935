// Splitting a request target ("/path?query") without interpreting it further.

/** The path without the query string (logs use this: the API key may travel in the query). */
export function pathOf(requestTarget: string): string {
  const index = requestTarget.indexOf('?');
  return index === -1 ? requestTarget : requestTarget.slice(0, index);
}

/** The raw query string after "?", or undefined when there is none. */
export function queryOf(requestTarget: string): string | undefined {
  const index = requestTarget.indexOf('?');
  return index === -1 ? undefined : requestTarget.slice(index + 1);
}

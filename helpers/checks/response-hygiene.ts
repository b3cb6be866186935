// Properties every response must have, whatever its kind: judged on the raw bytes of body and headers.
import type { Exchange } from '../http/exchange.js';
import { secretForms } from '../run/redaction.js';

function rawHeaders(exchange: Exchange): string {
  return Object.entries(exchange.headers)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : (value ?? '')}`)
    .join('\n');
}

/** Where a secret shows up in the response, or null. Secrets shorter than 6 characters are not searched. */
export function findEcho(exchange: Exchange, secrets: string[]): string | null {
  const haystacks = { body: exchange.text, headers: rawHeaders(exchange) };
  for (const secret of secrets.filter((s) => s.length >= 6)) {
    for (const form of secretForms(secret)) {
      for (const [where, text] of Object.entries(haystacks)) if (text.includes(form)) return `a submitted secret appears in the response ${where}`;
    }
  }
  return null;
}

/** Signs of internals leaking from an error: stack frames, exception text, paths, SQL errors, framework internals. */
export const INTERNALS_PATTERNS: { label: string; pattern: RegExp }[] = [
  { label: 'a JavaScript stack frame', pattern: /\bat [\w$.<>[\] ]+ \(?[\w/\\.:-]+:\d+:\d+\)?/ },
  { label: 'a Python traceback', pattern: /Traceback \(most recent call last\)/ },
  { label: 'a Java stack frame', pattern: /\.java:\d+\)/ },
  { label: 'an exception class name', pattern: /\b[A-Z][a-z]+[A-Za-z]*(Exception|Error):\s/ },
  { label: 'SQL error text', pattern: /SQLSTATE|ORA-\d{5}|syntax error at or near|SQLITE_|ER_\w+:/ },
  { label: 'a server file path', pattern: /(\/home\/|\/usr\/src\/|\/var\/www\/|\/root\/|node_modules|[A-Z]:\\\\)/ },
  { label: 'a framework name or internal error code', pattern: /\b(fastify|express|koa|django|laravel|symfony|spring|FST_ERR_\w+)\b/i },
];

/** Internals in the body (a MUST: OWASP API8). Version banners are findVersionBanner's, a SHOULD. */
export function findInternals(exchange: Exchange): string | null {
  for (const { label, pattern } of INTERNALS_PATTERNS) if (pattern.test(exchange.text)) return `${label} in the body`;
  return null;
}

/** Product/version pairs of servers and runtimes, as gateways print them (nginx/1.25.3, Python/3.11). */
const VERSIONED_PRODUCT = /\b(nginx|openresty|apache|httpd|caddy|envoy|microsoft-iis|iis|php|python|werkzeug|gunicorn|uvicorn|node|jetty|tomcat|kestrel)\/\d+(\.\d+)*/i;

/** A software version the response discloses: X-Powered-By, a versioned Server header, a banner in the body. */
export function findVersionBanner(exchange: Exchange): string | null {
  const poweredBy = exchange.headers['x-powered-by'];
  if (poweredBy !== undefined) return `an X-Powered-By header (${String(poweredBy)})`;
  const server = String(exchange.headers.server ?? '');
  if (/\d+\.\d+/.test(server)) return `a versioned Server header (${server})`;
  const banner = VERSIONED_PRODUCT.exec(exchange.text);
  return banner ? `a version banner in the body (${banner[0]})` : null;
}

/** An HTML page: the signature of an answer a gateway gave before the application ran. */
export function isHtmlPage(exchange: Exchange): boolean {
  const type = String(exchange.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'text/html';
}

/** Cookies a CDN or load balancer sets on every response: they carry no session (judged at SHOULD at most). */
const INFRASTRUCTURE_COOKIES = /^(__cf_bm|__cfruid|_cfuvid|cf_clearance|AWSALB\w*|AWSELB\w*|incap_ses_\w*|visid_incap_\w*|ak_bmsc|bm_sv)=/;

/** The Set-Cookie values that are not a CDN's or load balancer's own. */
export function applicationCookies(exchange: Exchange): string[] {
  const raw = exchange.headers['set-cookie'];
  const cookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
  return cookies.filter((cookie) => !INFRASTRUCTURE_COOKIES.test(cookie.trim()));
}

export function isJsonContentType(exchange: Exchange): boolean {
  const type = String(exchange.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

export function hasNoStore(exchange: Exchange): boolean {
  const value = exchange.headers['cache-control'];
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text.split(',').some((directive) => directive.trim().toLowerCase() === 'no-store');
}

// helmet's security headers, computed once. helmet() sets the same headers on every response here
// (no per-request nonces), and calling its dozen middlewares per request is a measurable share of
// a short API request's CPU, so its answer is captured at start-up and replayed in one call.
// Two answers are captured: the CSP's `upgrade-insecure-requests` is sent only to requests that
// came over HTTPS (req.secure, which honours the trust-proxy setting) or when the secure-cookies
// option says the app is served over HTTPS. Sent over plain HTTP on another host than localhost,
// it makes the browser fetch the app's scripts over https, which fails: a blank page.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeaderOptions {
  /** STAGECRAFT_SECURE_COOKIES: the app is served over HTTPS, whatever a request says. */
  secureCookies?: boolean;
}

interface RecordedHeaders {
  headers: Map<string, string | number | readonly string[]>;
  removed: string[];
}

/** helmet's headers for these options, or undefined when helmet did not answer synchronously. */
function record(options: HelmetOptions): RecordedHeaders | undefined {
  const headers = new Map<string, string | number | readonly string[]>();
  const removed: string[] = [];
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name, value);
    },
    removeHeader(name: string) {
      removed.push(name);
    },
  };
  let isDone = false;
  helmet(options)({} as IncomingMessage, recorder as never, () => {
    isDone = true;
  });
  return isDone ? { headers, removed } : undefined;
}

const OVER_HTTP: HelmetOptions = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const overHttps = record({});
  const overHttp = options.secureCookies ? overHttps : record(OVER_HTTP);
  // helmet runs synchronously; if a version stops doing so, fall back to calling it per request.
  if (!overHttps || !overHttp) {
    const secure = helmet();
    const plain = helmet(options.secureCookies ? {} : OVER_HTTP);
    return (request, response, next) => (request.secure ? secure : plain)(request, response, next);
  }
  return (request, response, next) => {
    const { headers, removed } = request.secure ? overHttps : overHttp;
    response.setHeaders(headers);
    for (const name of removed) response.removeHeader(name);
    next();
  };
}

// helmet's security headers, computed once. helmet() sets the same headers on every response here
// (no per-request nonces), and calling its dozen middlewares per request is a measurable share of
// a short API request's CPU, so its answer is captured at start-up and replayed in one call.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler {
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
  helmet()({} as IncomingMessage, recorder as never, () => {
    isDone = true;
  });
  // helmet runs synchronously; if a version stops doing so, fall back to calling it per request.
  if (!isDone) return helmet() as RequestHandler;
  return (_request, response, next) => {
    response.setHeaders(headers);
    for (const name of removed) response.removeHeader(name);
    next();
  };
}

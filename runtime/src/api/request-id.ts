// Every request gets an id: the caller's `X-Request-Id` when it is a sane token (so ids follow a
// request through proxies), a new UUID otherwise. Echoed in the response and written to audit rows.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { setRequestId } from './request-actor';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export const assignRequestId: RequestHandler = (request, response, next) => {
  const given = request.get('x-request-id');
  const requestId = given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  setRequestId(request, requestId);
  response.setHeader('X-Request-Id', requestId);
  next();
};

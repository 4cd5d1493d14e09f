// The authentication middleware in front of every /api route but health and login. A bearer
// token (`Authorization: Bearer sc_…`) or the session cookie names a session; the session, its
// user and that user's `active` flag are checked on every request. Cookie-authenticated unsafe
// requests must also carry the CSRF token; bearer requests need none (browsers never add them).
import { ForbiddenError, UnauthorizedError } from '@stagecraft/core';
import type { Request, RequestHandler } from 'express';
import type { AuthService } from '../identity/auth-service';
import { CSRF_HEADER, isCsrfTokenValid } from '../identity/csrf';
import { actorOf, setAuthentication } from './request-actor';

export const SESSION_COOKIE = 'stagecraft_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** One cookie's value from the Cookie header (no dependency needed for one name). */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function authenticate(auth: AuthService): RequestHandler {
  return async (request, _response, next) => {
    const header = request.get('authorization');
    if (header !== undefined) {
      const token = BEARER.exec(header)?.[1];
      const authenticated = token ? await auth.authenticate(token, ['bearer', 'personal']) : null;
      if (!authenticated) throw new UnauthorizedError('The bearer token is unknown, expired or revoked, or its user is disabled');
      setAuthentication(request, authenticated);
      next();
      return;
    }
    const secret = cookieOf(request, SESSION_COOKIE);
    if (secret === undefined || secret === '') throw new UnauthorizedError();
    const authenticated = await auth.authenticate(secret, ['session']);
    if (!authenticated) throw new UnauthorizedError('The session has ended or its user is disabled; sign in again');
    if (!SAFE_METHODS.has(request.method) && !isCsrfTokenValid(secret, request.get(CSRF_HEADER))) {
      throw new ForbiddenError('This request needs the X-CSRF-Token header of your session (from login or GET /api/auth/me)', [{ path: '/headers/x-csrf-token', message: 'is missing or wrong', code: 'csrf' }]);
    }
    setAuthentication(request, authenticated, secret);
    next();
  };
}

/** For administrator-only routes: 403 for everyone else. */
export const requireAdmin: RequestHandler = (request, _response, next) => {
  if (!actorOf(request).isAdmin) throw new ForbiddenError('Only administrators may do this');
  next();
};

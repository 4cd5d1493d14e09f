// What the middleware learned about a request — who acts (the Actor), how they signed in, the
// request id — kept beside the request (a WeakMap, no globals on Express's types) and read by
// the routes through these functions.
import { UnauthorizedError } from '@stagecraft/core';
import type { Request } from 'express';
import type { Actor, RequestOrigin } from '../identity/actor';
import type { Authenticated } from '../identity/resolve-actor';

interface RequestState {
  requestId?: string;
  authentication?: Authenticated;
  /** The session secret from the cookie, for the CSRF token (cookie sessions only). */
  sessionSecret?: string;
}

const states = new WeakMap<Request, RequestState>();

function stateOf(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    state = {};
    states.set(request, state);
  }
  return state;
}

export function setRequestId(request: Request, requestId: string): void {
  stateOf(request).requestId = requestId;
}

export function setAuthentication(request: Request, authentication: Authenticated, sessionSecret?: string): void {
  const state = stateOf(request);
  state.authentication = authentication;
  if (sessionSecret !== undefined) state.sessionSecret = sessionSecret;
}

/** The signed-in user's session; a route behind the authentication middleware always has one. */
export function authenticationOf(request: Request): Authenticated {
  const authentication = states.get(request)?.authentication;
  if (!authentication) throw new UnauthorizedError();
  return authentication;
}

export function actorOf(request: Request): Actor {
  return authenticationOf(request).actor;
}

export function sessionSecretOf(request: Request): string | undefined {
  return states.get(request)?.sessionSecret;
}

export function originOf(request: Request): RequestOrigin {
  return { requestId: states.get(request)?.requestId ?? null, ip: request.ip ?? null };
}

// Authentication endpoints. `loginRouter` is public (POST /login, and GET /session: who the browser's
// session cookie belongs to, or nobody — 200 either way, so a signed-out start logs no error);
// `authRouter` sits behind the authentication middleware: logout, me, own password, personal
// tokens, and the administrators' password reset for other users.
import type { CookieOptions, Request, Response } from 'express';
import { Router } from 'express';
import type { AuthConfig } from '../config/config';
import type { AuthService } from '../identity/auth-service';
import { csrfTokenFor } from '../identity/csrf';
import type { UserRow } from '../identity/identity-entities';
import { isPlainObject } from '../records/write-input';
import type { Authenticated } from '../identity/resolve-actor';
import { cookieOf, requireAdmin, SESSION_COOKIE } from './authenticate';
import { jsonBody } from './json-body';
import { actorOf, authenticationOf, originOf, sessionSecretOf } from './request-actor';
import { routeParam } from './route-params';

const AUTH_BODY_LIMIT = '16kb';

function bodyOf(request: Request): Record<string, unknown> {
  return isPlainObject(request.body) ? request.body : {};
}

export function publicUser(user: UserRow) {
  return { id: user.id, username: user.username, displayName: user.displayName, email: user.email, locale: user.locale, role: user.role, team: user.team, partnerAccount: user.partnerAccount };
}

function cookieOptions(config: Pick<AuthConfig, 'secureCookies'>, request: Request, expires?: Date): CookieOptions {
  const options: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: config.secureCookies || request.secure, path: '/' };
  if (expires) options.expires = expires;
  return options;
}

/** Who is signed in, as GET /me and GET /session answer it. */
function identityOf({ user, actor, kind }: Authenticated, sessionSecret: string | undefined) {
  return {
    user: publicUser(user),
    roles: actor.roles,
    subordinateRoles: actor.subordinateRoles,
    teamIds: actor.teamIds,
    partnerAccountId: actor.partnerAccountId,
    isAdmin: actor.isAdmin,
    locale: actor.locale,
    authenticatedBy: kind,
    ...(sessionSecret !== undefined && { csrfToken: csrfTokenFor(sessionSecret) }),
  };
}

export function loginRouter(auth: AuthService, config: Pick<AuthConfig, 'secureCookies'>): Router {
  const router = Router();
  router.post('/login', ...jsonBody({ limit: AUTH_BODY_LIMIT }), async (request: Request, response: Response) => {
    const body = bodyOf(request);
    const wantsToken = body.token === true;
    const { session, user } = await auth.login({ username: body.username, password: body.password, kind: wantsToken ? 'bearer' : 'session' }, originOf(request));
    const expiresAt = session.expiresAt?.toISOString() ?? null;
    response.setHeader('Cache-Control', 'no-store');
    if (wantsToken) {
      response.json({ token: session.secret, tokenType: 'Bearer', expiresAt, user: publicUser(user) });
      return;
    }
    response.cookie(SESSION_COOKIE, session.secret, cookieOptions(config, request, session.expiresAt ?? undefined));
    response.json({ csrfToken: csrfTokenFor(session.secret), expiresAt, user: publicUser(user) });
  });
  router.get('/session', async (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    const secret = cookieOf(request, SESSION_COOKIE);
    const authenticated = secret ? await auth.authenticate(secret, ['session']) : null;
    if (!authenticated || secret === undefined) {
      response.json({ signedIn: false });
      return;
    }
    response.json({ signedIn: true, ...identityOf(authenticated, secret) });
  });
  return router;
}

export function authRouter(auth: AuthService, config: Pick<AuthConfig, 'secureCookies'>): Router {
  const router = Router();
  const body = jsonBody({ limit: AUTH_BODY_LIMIT });
  const optionalBody = jsonBody({ limit: AUTH_BODY_LIMIT, isOptional: true });

  router.post('/logout', ...optionalBody, async (request, response) => {
    await auth.logout(authenticationOf(request), originOf(request));
    if (sessionSecretOf(request) !== undefined) response.clearCookie(SESSION_COOKIE, cookieOptions(config, request));
    response.status(204).end();
  });

  router.get('/me', (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json(identityOf(authenticationOf(request), sessionSecretOf(request)));
  });

  router.post('/password', ...body, async (request, response) => {
    const { currentPassword, newPassword, keepTokens } = bodyOf(request);
    await auth.changeOwnPassword(authenticationOf(request), currentPassword, newPassword, keepTokens, originOf(request));
    response.status(204).end();
  });

  router.put('/users/:id/password', requireAdmin, ...body, async (request, response) => {
    await auth.setUserPassword(actorOf(request), routeParam(request, 'id'), bodyOf(request).password, originOf(request));
    response.status(204).end();
  });

  router.get('/tokens', async (request, response) => {
    response.json({ data: await auth.listTokens(authenticationOf(request)) });
  });

  router.post('/tokens', ...body, async (request, response) => {
    const { name, expiresAt } = bodyOf(request);
    const { session, name: tokenName } = await auth.createToken(authenticationOf(request), name, expiresAt, originOf(request));
    response.setHeader('Cache-Control', 'no-store');
    response.status(201).json({ id: session.id, name: tokenName, token: session.secret, tokenType: 'Bearer', expiresAt: session.expiresAt?.toISOString() ?? null });
  });

  router.delete('/tokens/:id', async (request, response) => {
    await auth.revokeToken(authenticationOf(request), routeParam(request, 'id'), originOf(request));
    response.status(204).end();
  });

  return router;
}

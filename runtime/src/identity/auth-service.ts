// Sign-in and everything a signed-in user does with credentials: login (throttled, audited),
// per-request authentication, logout, password changes, personal API tokens. The HTTP layer
// (api/auth-router.ts) only translates requests and responses.
import { isStorableInstant, MAX_STORED_DATE, NotFoundError, UnauthorizedError, TooManyRequestsError, ValidationError, type Problem } from '@stagecraft/core';
import { appendAudit, type AuditAction } from '../audit/audit-log';
import type { AuthConfig } from '../config/config';
import type { Database } from '../db/database';
import type { CompiledMetadata } from '../live/compiled-types';
import type { Actor, RequestOrigin } from './actor';
import { readPasswordHash, setPassword } from './credential-store';
import { findUser, type UserRow } from './identity-entities';
import { LoginThrottle, throttleKeysOf } from './login-throttle';
import { checkNewPassword, MAX_PASSWORD_LENGTH, verifyAgainstNothing, verifyPassword } from './passwords';
import { actorOfUser, authenticateSecret, readRoles, type Authenticated } from './resolve-actor';
import { issueSession, listPersonalTokens, revokePersonalToken, revokeSession, revokeSessionsOf, type IssuedSession, type PersonalTokenSummary, type SessionKind } from './session-store';

export interface AuthServiceDependencies {
  database: Database;
  metadata: () => CompiledMetadata;
  config: AuthConfig;
  now?: () => Date;
}

export interface LoginRequest {
  username: unknown;
  password: unknown;
  kind: 'session' | 'bearer';
}

export interface LoginResult {
  session: IssuedSession;
  user: UserRow;
  actor: Actor;
}

const TOKEN_NAME_LENGTH = 100;

export class AuthService {
  private readonly throttle: LoginThrottle;
  readonly now: () => Date;

  constructor(private readonly dependencies: AuthServiceDependencies) {
    this.throttle = new LoginThrottle(dependencies.database, dependencies.config.loginThrottle);
    this.now = dependencies.now ?? (() => new Date());
  }

  private get database(): Database {
    return this.dependencies.database;
  }

  private audit(action: AuditAction, actor: Pick<Actor, 'userId' | 'username'>, origin: RequestOrigin, details: { recordId?: string | null; changes?: unknown } = {}): Promise<void> {
    return appendAudit(this.database, { action, actor, origin, at: this.now(), entity: 'user', recordId: details.recordId ?? actor.userId, changes: details.changes });
  }

  async login(request: LoginRequest, origin: RequestOrigin): Promise<LoginResult> {
    const problems: Problem[] = [];
    if (typeof request.username !== 'string' || request.username.trim() === '' || request.username.length > 200) problems.push({ path: '/username', message: 'is required (a string)', code: 'required' });
    if (typeof request.password !== 'string' || request.password === '' || request.password.length > MAX_PASSWORD_LENGTH) problems.push({ path: '/password', message: 'is required (a string)', code: 'required' });
    if (problems.length > 0) throw new ValidationError('Send a username and a password', problems);
    const username = String(request.username).trim().toLowerCase();
    const password = String(request.password);
    const keys = throttleKeysOf(username, origin.ip ?? 'unknown');
    const now = this.now();
    try {
      await this.throttle.check(keys, now);
    } catch (error) {
      if (error instanceof TooManyRequestsError) await this.audit('loginFailed', { userId: null, username }, origin, { recordId: null, changes: { reason: 'throttled' } });
      throw error;
    }
    const metadata = this.dependencies.metadata();
    const user = await findUser(this.database, metadata, 'username', username);
    const hash = user ? await readPasswordHash(this.database, user.id) : null;
    const isPasswordRight = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
    if (!user || !isPasswordRight || !user.active) {
      await this.throttle.recordFailure(keys, now);
      const reason = !user ? 'unknownUser' : !isPasswordRight ? 'wrongPassword' : 'disabled';
      await this.audit('loginFailed', { userId: user?.id ?? null, username }, origin, { changes: { reason } });
      throw new UnauthorizedError('The username or password is wrong, or the user is disabled');
    }
    await this.throttle.clearUser(keys);
    const expiresAt = new Date(now.getTime() + this.dependencies.config.sessionHours * 3_600_000);
    const session = await issueSession(this.database, { userId: user.id, kind: request.kind, now, expiresAt });
    const actor = actorOfUser(user, await readRoles(this.database, metadata));
    await this.audit('login', actor, origin, { changes: { method: request.kind } });
    return { session, user, actor };
  }

  authenticate(secret: string, kinds: readonly SessionKind[]): Promise<Authenticated | null> {
    return authenticateSecret(this.database, this.dependencies.metadata(), secret, kinds, this.now());
  }

  async logout(auth: Authenticated, origin: RequestOrigin): Promise<void> {
    await revokeSession(this.database, auth.sessionId);
    await this.audit('logout', auth.actor, origin);
  }

  /** Changes one's own password; other sessions and login tokens end, this one stays. */
  async changeOwnPassword(auth: Authenticated, current: unknown, next: unknown, origin: RequestOrigin): Promise<void> {
    const password = checkNewPassword(next, '/newPassword');
    const hash = await readPasswordHash(this.database, auth.user.id);
    const isRight = typeof current === 'string' && hash !== null && (await verifyPassword(current, hash));
    if (!isRight) throw new ValidationError('The current password is wrong', [{ path: '/currentPassword', message: 'does not match', code: 'wrongPassword' }]);
    await setPassword(this.database, auth.user.id, password, this.now());
    await revokeSessionsOf(this.database, auth.user.id, ['session', 'bearer'], auth.sessionId);
    await this.audit('passwordChanged', auth.actor, origin);
  }

  /** An administrator sets someone's password; that user's sessions and login tokens end. */
  async setUserPassword(admin: Actor, userId: string, next: unknown, origin: RequestOrigin): Promise<void> {
    const password = checkNewPassword(next);
    const user = await findUser(this.database, this.dependencies.metadata(), 'id', userId);
    if (!user) throw new NotFoundError(`There is no user with id "${userId}"`);
    await setPassword(this.database, user.id, password, this.now());
    await revokeSessionsOf(this.database, user.id, ['session', 'bearer']);
    await this.audit('passwordChanged', admin, origin, { recordId: user.id });
  }

  async createToken(auth: Authenticated, name: unknown, expiresAt: unknown, origin: RequestOrigin): Promise<{ session: IssuedSession; name: string }> {
    const problems: Problem[] = [];
    if (typeof name !== 'string' || name.trim() === '' || name.length > TOKEN_NAME_LENGTH) problems.push({ path: '/name', message: `is required (1–${TOKEN_NAME_LENGTH} characters)`, code: 'required' });
    const now = this.now();
    let expiry: Date | null = null;
    if (expiresAt !== undefined && expiresAt !== null) {
      expiry = typeof expiresAt === 'string' ? new Date(expiresAt) : new Date(Number.NaN);
      // Past year 9999 (UTC) the session table's DATETIME cannot hold it.
      if (!isStorableInstant(expiry) || expiry.getTime() <= now.getTime()) problems.push({ path: '/expiresAt', message: `must be a future date-time (ISO 8601) up to ${MAX_STORED_DATE}`, code: 'format' });
    }
    if (problems.length > 0) throw new ValidationError('The token request is not valid', problems);
    const tokenName = String(name).trim();
    const session = await issueSession(this.database, { userId: auth.user.id, kind: 'personal', now, expiresAt: expiry, name: tokenName });
    await this.audit('tokenCreated', auth.actor, origin, { changes: { tokenId: session.id, name: tokenName } });
    return { session, name: tokenName };
  }

  listTokens(auth: Authenticated): Promise<PersonalTokenSummary[]> {
    return listPersonalTokens(this.database, auth.user.id);
  }

  async revokeToken(auth: Authenticated, id: string, origin: RequestOrigin): Promise<void> {
    if (!(await revokePersonalToken(this.database, auth.user.id, id))) throw new NotFoundError(`You have no token with id "${id}"`);
    await this.audit('tokenRevoked', auth.actor, origin, { changes: { tokenId: id } });
  }
}

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
import { LoginThrottle, throttleKeysOf, type LoginReservation } from './login-throttle';
import { checkNewPassword, MAX_PASSWORD_LENGTH, verifyAgainstNothing, verifyPassword } from './passwords';
import { hasControlOrFormatCharacters, normaliseUsername } from './usernames';
import { actorOfUser, authenticateSecret, readRoles, type Authenticated } from './resolve-actor';
import { issueSession, listPersonalTokens, revokePersonalToken, revokeSession, revokeSessionsOf, SESSION_KINDS, type IssuedSession, type PersonalTokenSummary, type SessionKind } from './session-store';

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
const MAX_KEPT_TOKENS = 100;

/** The `keepTokens` of a password change: absent, or a list of token ids. */
function tokenIdsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_KEPT_TOKENS || !value.every((id) => typeof id === 'string' && id !== '' && id.length <= 36)) {
    throw new ValidationError('keepTokens must list personal token ids', [{ path: '/keepTokens', message: `must be a list of up to ${MAX_KEPT_TOKENS} token ids`, code: 'type' }]);
  }
  return [...new Set(value as string[])];
}

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
    const typed = String(request.username);
    const username = normaliseUsername(typed);
    const password = String(request.password);
    const metadata = this.dependencies.metadata();
    // The user is resolved before the throttle, so every spelling the database equates with a
    // user's name (MariaDB's collation ignores width, case and some invisible characters) counts
    // against that one user; a name matching nobody counts under its normalised spelling.
    const found = username === '' ? null : await findUser(this.database, metadata, 'username', username);
    const keys = throttleKeysOf(found ? { userId: found.id } : { name: username }, origin.ip ?? 'unknown');
    const now = this.now();
    let reservation: LoginReservation;
    try {
      reservation = await this.throttle.reserve(keys, now);
    } catch (error) {
      if (error instanceof TooManyRequestsError) await this.audit('loginFailed', { userId: found?.id ?? null, username }, origin, { recordId: found?.id ?? null, changes: { reason: 'throttled' } });
      throw error;
    }
    // Only the user's own name (normalised alike) signs in: not a spelling with invisible
    // characters, nor one the collation merely equates (MariaDB's ignores accents: rép2 = rep2).
    const user = found && normaliseUsername(found.username) === username && !hasControlOrFormatCharacters(typed) ? found : null;
    const hash = user ? await readPasswordHash(this.database, user.id) : null;
    const isPasswordRight = hash ? await verifyPassword(password, hash) : await verifyAgainstNothing(password);
    if (!user || !isPasswordRight || !user.active) {
      // The reservation stays: it is this attempt's failure.
      const reason = !user ? 'unknownUser' : !isPasswordRight ? 'wrongPassword' : 'disabled';
      await this.audit('loginFailed', { userId: found?.id ?? null, username }, origin, { recordId: found?.id ?? null, changes: { reason } });
      throw new UnauthorizedError('The username or password is wrong, or the user is disabled');
    }
    await this.throttle.release(reservation, now);
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

  /**
   * Changes one's own password. Every other credential of the user ends with it: other sessions,
   * login tokens and personal API tokens — the request's own session or login token stays, and so
   * do the personal tokens listed in `keepTokens` (ids), which the user keeps on purpose.
   */
  async changeOwnPassword(auth: Authenticated, current: unknown, next: unknown, keepTokens: unknown, origin: RequestOrigin): Promise<void> {
    const password = checkNewPassword(next, '/newPassword');
    const keptIds = tokenIdsOf(keepTokens);
    const hash = await readPasswordHash(this.database, auth.user.id);
    const isRight = typeof current === 'string' && hash !== null && (await verifyPassword(current, hash));
    if (!isRight) throw new ValidationError('The current password is wrong', [{ path: '/currentPassword', message: 'does not match', code: 'wrongPassword' }]);
    const owned = new Set((await listPersonalTokens(this.database, auth.user.id)).map((token) => token.id));
    const unknown: Problem[] = keptIds.flatMap((id, index) => (owned.has(id) ? [] : [{ path: `/keepTokens/${index}`, message: `you have no personal token with id "${id}"`, code: 'notFound' }]));
    if (unknown.length > 0) throw new ValidationError('Only your own personal tokens can be kept', unknown);
    const exceptIds = auth.kind === 'personal' ? keptIds : [auth.sessionId, ...keptIds];
    let revoked = 0;
    await setPassword(this.database, auth.user.id, password, this.now(), async (transaction) => {
      revoked = await revokeSessionsOf(this.database, auth.user.id, SESSION_KINDS, { exceptIds, transaction });
    });
    await this.audit('passwordChanged', auth.actor, origin, { changes: { revokedCredentials: revoked, keptTokens: keptIds } });
  }

  /** An administrator sets someone's password; every session and token of that user ends (personal API tokens too). */
  async setUserPassword(admin: Actor, userId: string, next: unknown, origin: RequestOrigin): Promise<void> {
    const password = checkNewPassword(next);
    const user = await findUser(this.database, this.dependencies.metadata(), 'id', userId);
    if (!user) throw new NotFoundError(`There is no user with id "${userId}"`);
    let revoked = 0;
    await setPassword(this.database, user.id, password, this.now(), async (transaction) => {
      revoked = await revokeSessionsOf(this.database, user.id, SESSION_KINDS, { transaction });
    });
    await this.audit('passwordChanged', admin, origin, { recordId: user.id, changes: { revokedCredentials: revoked } });
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

// Who is acting on a request, resolved once per request by the authentication middleware and
// passed explicitly to every record operation (audit and permissions read it; nothing global).

export interface Actor {
  kind: 'user' | 'system';
  /** null for system. */
  userId: string | null;
  /** 'system' for system tasks. */
  username: string;
  /** Role names the user holds (a user has one primary role in `user.role`; an array for the future). */
  roles: string[];
  /** Role names strictly BELOW the user's role(s) in the hierarchy (for "everyone above the owner sees"). */
  subordinateRoles: string[];
  teamIds: string[];
  /** Set for partner users: the account whose records they may see. */
  partnerAccountId: string | null;
  isAdmin: boolean;
  locale: string;
}

/** The role whose holders are administrators. */
export const ADMIN_ROLE = 'admin';

/** The actor of CLI commands, start-up seeding and workers: may do everything. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  kind: 'system',
  userId: null,
  username: 'system',
  roles: [],
  subordinateRoles: [],
  teamIds: [],
  partnerAccountId: null,
  isAdmin: true,
  locale: 'en',
});

/** Where a request came from, recorded with every audit row it causes. */
export interface RequestOrigin {
  requestId: string | null;
  ip: string | null;
}

export const NO_ORIGIN: RequestOrigin = Object.freeze({ requestId: null, ip: null });

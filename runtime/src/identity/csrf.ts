// CSRF tokens for cookie sessions, derived from the session secret (HMAC), so nothing extra is
// stored and `GET /api/auth/me` can hand the token to a reloaded page. A cross-site page can
// make the browser send the cookie but cannot read the token, so it cannot send the header.
import { createHmac } from 'node:crypto';
import { equalSecrets } from './secrets';

export const CSRF_HEADER = 'x-csrf-token';

export function csrfTokenFor(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('stagecraft-csrf').digest('base64url');
}

export function isCsrfTokenValid(sessionSecret: string, presented: string | undefined): boolean {
  return presented !== undefined && equalSecrets(presented, csrfTokenFor(sessionSecret));
}

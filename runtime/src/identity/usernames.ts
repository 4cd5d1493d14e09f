// How a typed username becomes the name looked up and throttled. MariaDB's collation equates
// spellings (`rep2`, `REP2`, `ｒｅｐ２`, `rep2` + zero-width space or NUL), so the server must not
// treat them as different people: a login name is normalised (NFKC, lower case) before anything
// else, and a name carrying control (Cc) or format (Cf) characters — invisible, never part of a
// real username — is refused at login and at user creation or rename.
import type { Problem } from '@stagecraft/core';

const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const CONTROL_OR_FORMAT_ALL = /[\p{Cc}\p{Cf}]/gu;

export function hasControlOrFormatCharacters(text: string): boolean {
  return CONTROL_OR_FORMAT.test(text);
}

/** The canonical spelling of a typed login name: invisible characters dropped, NFKC, trimmed, lower case. */
export function normaliseUsername(typed: string): string {
  return typed.replace(CONTROL_OR_FORMAT_ALL, '').normalize('NFKC').trim().toLowerCase();
}

/** Problems with a `user` record's username as written (create or rename), whatever pattern the live metadata sets. */
export function usernameProblems(values: Readonly<Record<string, unknown>>): Problem[] {
  const username = values.username;
  if (typeof username !== 'string' || !hasControlOrFormatCharacters(username)) return [];
  return [{ path: '/username', message: 'must not contain control or invisible formatting characters', code: 'pattern' }];
}

// Opaque secrets for sessions and tokens: 256 random bits, shown to the client once and stored
// only as a SHA-256 digest (a fast hash is right here: the secret has full entropy, unlike a password).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Personal and login bearer tokens start with this, so they are recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'sc_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function digestOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function equalSecrets(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

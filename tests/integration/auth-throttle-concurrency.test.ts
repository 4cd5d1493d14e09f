// The login throttle under concurrency, on real SQLite and MariaDB: each attempt reserves its
// place in the database before any password is hashed, so 200 guesses sent at once check at most
// the limit's worth of passwords (the rest are 429 without hashing) and the right password after
// them is 429 too — also when the guesses arrive through two server processes. Username variants the database collation equates (NUL, zero-width space,
// full-width letters, upper case) resolve to the same user and so share its one budget.
import { TooManyRequestsError, UnauthorizedError } from '@stagecraft/core';
import { AuthService, DEFAULT_AUTH_CONFIG, openSystemDatabase, type AuthConfig } from '@stagecraft/runtime';
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

const PASSWORD = 'the right password';
const WINDOW_MINUTES = 15;
const MAX_PER_USER = 5;
const MAX_PER_ADDRESS = 8;
const GUESSES = 200;
const AUTH: AuthConfig = { ...DEFAULT_AUTH_CONFIG, loginThrottle: { maxFailuresPerUser: MAX_PER_USER, maxFailuresPerAddress: MAX_PER_ADDRESS, windowMinutes: WINDOW_MINUTES } };
const VARIANTS = ['rep2\u0000', 'rep2\u200b', 'ｒｅｐ２', 'REP2', '\u200brep2', 'rep2\u2060'];

interface Outcomes {
  signedIn: number;
  unauthorized: number;
  throttled: number;
}

describe.each(testDialects())('login throttle under concurrency on %s', (dialect) => {
  let runtime: TestRuntime;
  const now = new Date('2026-03-01T09:00:00Z');
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { authNow: () => now, auth: AUTH });
    for (const username of ['racer', 'rep2', 'rep3', 'rep4']) await runtime.createUser({ username, password: PASSWORD });
  });
  afterAll(async () => runtime?.close());

  /** One attempt's answer as the HTTP route would give it: 200, 401 or 429 (with Retry-After seconds). */
  async function login(username: string, password: string, ip: string): Promise<{ status: number; retryAfter?: number; username?: string }> {
    try {
      const { user } = await runtime.auth.login({ username, password, kind: 'bearer' }, { requestId: null, ip });
      return { status: 200, username: user.username };
    } catch (error) {
      if (error instanceof UnauthorizedError) return { status: 401 };
      if (error instanceof TooManyRequestsError) return { status: 429, retryAfter: error.retryAfterSeconds };
      throw error;
    }
  }

  /**
   * Sends every attempt at once through the service's login (the code path of POST /api/auth/login,
   * without 200 sockets); every other one through a second service on its own connection pool, as
   * another server process would.
   */
  async function attemptAll(attempts: ReadonlyArray<{ username: string; password: string; ip: string }>): Promise<Outcomes> {
    const other = await openSystemDatabase({ databaseUrl: runtime.testDatabase.url, logSql: false });
    const otherAuth = new AuthService({ database: other.database, metadata: () => runtime.live.get(), config: AUTH, now: () => now });
    const services = [runtime.auth, otherAuth];
    const results = await Promise.allSettled(
      attempts.map((attempt, index) => (services[index % 2] ?? runtime.auth).login({ username: attempt.username, password: attempt.password, kind: 'bearer' }, { requestId: null, ip: attempt.ip })),
    ).finally(() => other.close());
    const outcomes: Outcomes = { signedIn: 0, unauthorized: 0, throttled: 0 };
    for (const result of results) {
      if (result.status === 'fulfilled') outcomes.signedIn += 1;
      else if (result.reason instanceof UnauthorizedError) outcomes.unauthorized += 1;
      else if (result.reason instanceof TooManyRequestsError) outcomes.throttled += 1;
      else throw result.reason;
    }
    return outcomes;
  }

  it(`checks at most ${MAX_PER_USER} passwords of ${GUESSES} parallel guesses for one user, then refuses the right one with 429`, async () => {
    const guesses = Array.from({ length: GUESSES }, (_, index) => ({ username: 'racer', password: `guess ${index}`, ip: `10.1.${Math.floor(index / 250)}.${index % 250}` }));
    const outcomes = await attemptAll(guesses);
    expect(outcomes).toEqual({ signedIn: 0, unauthorized: MAX_PER_USER, throttled: GUESSES - MAX_PER_USER });
    const right = await login('racer', PASSWORD, '10.9.9.9');
    expect(right.status).toBe(429);
    expect(right.retryAfter).toBe(WINDOW_MINUTES * 60);
  });

  it(`checks at most ${MAX_PER_ADDRESS} passwords of ${GUESSES} parallel guesses from one address across usernames`, async () => {
    const guesses = Array.from({ length: GUESSES }, (_, index) => ({ username: `sprayed${index}`, password: 'guess', ip: '10.2.0.1' }));
    const outcomes = await attemptAll(guesses);
    expect(outcomes).toEqual({ signedIn: 0, unauthorized: MAX_PER_ADDRESS, throttled: GUESSES - MAX_PER_ADDRESS });
  });

  it('gives username variants the user\'s own budget: the variants lock rep2, and none of them signs in while it is locked', async () => {
    for (const [index, variant] of VARIANTS.slice(0, MAX_PER_USER).entries()) expect((await login(variant, 'guess', `10.3.0.${index}`)).status).toBe(401);
    expect((await login('rep2', PASSWORD, '10.3.1.1')).status).toBe(429);
    for (const [index, variant] of VARIANTS.entries()) expect((await login(variant, PASSWORD, `10.3.2.${index}`)).status).toBe(429);
  });

  it(`shares one budget among variants sent in parallel: at most ${MAX_PER_USER} passwords are checked`, async () => {
    const spellings = VARIANTS.map((variant) => variant.replace(/rep2|ｒｅｐ２|REP2/, (name) => (name === 'ｒｅｐ２' ? 'ｒｅｐ３' : name === 'REP2' ? 'REP3' : 'rep3')));
    const guesses = Array.from({ length: GUESSES }, (_, index) => ({ username: spellings[index % spellings.length] ?? 'rep3', password: `guess ${index}`, ip: `10.4.${Math.floor(index / 250)}.${index % 250}` }));
    const outcomes = await attemptAll(guesses);
    expect(outcomes).toEqual({ signedIn: 0, unauthorized: MAX_PER_USER, throttled: GUESSES - MAX_PER_USER });
    expect((await login('rep3', PASSWORD, '10.4.9.9')).status).toBe(429);
  });

  it('refuses a name with control or format characters like a wrong name (401), and signs a full-width spelling in as the user', async () => {
    const zeroWidth = await login('rep4\u200b', PASSWORD, '10.5.0.1');
    expect(zeroWidth.status).toBe(401);
    expect((await login('rep4\u0000', PASSWORD, '10.5.0.2')).status).toBe(401);
    const fullWidth = await login('ｒｅｐ４', PASSWORD, '10.5.0.3');
    expect(fullWidth.status).toBe(200);
    expect(fullWidth.username).toBe('rep4');
  });
});

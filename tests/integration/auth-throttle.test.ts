// Brute-force protection on real SQLite and MariaDB: failed logins are counted in the database
// per username and per client address; past the limit even the right password gets 429 with
// Retry-After, until the window has passed (an injected clock, no sleeping). A second app on the
// same database — another server process — sees the same counts. Sessions expire on that clock too.
import { AuthService, createApp, DEFAULT_AUTH_CONFIG, type AuthConfig } from '@stagecraft/runtime';
import request from 'supertest';
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

const PASSWORD = 'the right password';
const WINDOW_MINUTES = 15;
const AUTH: AuthConfig = { ...DEFAULT_AUTH_CONFIG, loginThrottle: { maxFailuresPerUser: 3, maxFailuresPerAddress: 6, windowMinutes: WINDOW_MINUTES } };

describe.each(testDialects())('login throttling on %s', (dialect) => {
  let runtime: TestRuntime;
  let now = new Date('2026-03-01T09:00:00Z');
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect, { authNow: () => now, auth: AUTH });
    for (const username of ['target', 'bystander', 'other1', 'other2']) await runtime.createUser({ username, password: PASSWORD });
  });
  afterAll(async () => runtime?.close());

  const login = (username: string, password: string) => runtime.anonymous().post('/api/auth/login').send({ username, password });
  const later = (minutes: number): void => {
    now = new Date(now.getTime() + minutes * 60_000);
  };

  it('locks a username after 3 failures, even for the right password, and lets it in once the window has passed', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login('target', 'guess')).status).toBe(401);
    const locked = await login('target', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('tooManyRequests');
    expect(Number(locked.headers['retry-after'])).toBe(WINDOW_MINUTES * 60);
    later(5);
    const stillLocked = await login('TARGET', PASSWORD);
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.headers['retry-after'])).toBe((WINDOW_MINUTES - 5) * 60);
    // Other usernames from the same address are not locked by this (3 of 6 address failures used).
    expect((await login('bystander', PASSWORD)).status).toBe(200);
    later(WINDOW_MINUTES - 5 + 1);
    expect((await login('target', PASSWORD)).status).toBe(200);
  });

  it('counts failures in the database, so a second server process enforces the same lock', async () => {
    const { database, repository } = runtime.system;
    const otherAuth = new AuthService({ database, metadata: () => runtime.live.get(), config: AUTH, now: () => now });
    const otherApp = createApp({ database, repository, live: runtime.live, config: { bodyLimit: '1mb', metadataBodyLimit: '5mb', isProduction: false, auth: AUTH }, auth: otherAuth });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login('other1', 'guess')).status).toBe(401);
    expect((await request(otherApp).post('/api/auth/login').send({ username: 'other1', password: PASSWORD })).status).toBe(429);
    later(WINDOW_MINUTES + 1);
  });

  it('locks a client address after 6 failures across usernames', async () => {
    for (const username of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) expect((await login(username, 'guess')).status).toBe(401);
    const locked = await login('other2', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    later(WINDOW_MINUTES + 1);
    expect((await login('other2', PASSWORD)).status).toBe(200);
  });

  it('clears a username\'s failures on a successful login', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await login('bystander', 'guess')).status).toBe(401);
    expect((await login('bystander', PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await login('bystander', 'guess')).status).toBe(401);
    expect((await login('bystander', PASSWORD)).status).toBe(200);
  });

  it('ends a login session and a login token after the session lifetime', async () => {
    const cookieLogin = await login('bystander', PASSWORD);
    const cookie = String(cookieLogin.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const token = (await runtime.anonymous().post('/api/auth/login').send({ username: 'bystander', password: PASSWORD, token: true })).body.token as string;
    expect(new Date(cookieLogin.body.expiresAt as string).getTime()).toBe(now.getTime() + AUTH.sessionHours * 3_600_000);
    later(AUTH.sessionHours * 60 - 1);
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(200);
    expect((await runtime.as(token).get('/api/auth/me')).status).toBe(200);
    later(2);
    expect((await runtime.anonymous().get('/api/auth/me').set('Cookie', cookie)).status).toBe(401);
    expect((await runtime.as(token).get('/api/auth/me')).status).toBe(401);
  });
});

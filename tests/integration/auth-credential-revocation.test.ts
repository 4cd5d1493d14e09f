// A password change or reset ends every credential of the user, on real SQLite and MariaDB:
// sessions, login tokens AND personal API tokens. One's own change keeps the session or login
// token sending it and the personal tokens listed in `keepTokens`; an administrator's reset keeps
// nothing. (Disabling a user ends them for good: auth-tokens.test.ts.)
import { testDialects } from '../support/databases';
import { startTestRuntime, type TestRuntime } from './runtime-harness';

const PASSWORD = 'revocation test password';
const NEW_PASSWORD = 'a brand new password';

describe.each(testDialects())('credential revocation on password changes on %s', (dialect) => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await startTestRuntime(dialect);
  });
  afterAll(async () => runtime?.close());

  const loginToken = async (username: string, password = PASSWORD): Promise<string> => {
    const response = await runtime.anonymous().post('/api/auth/login').send({ username, password, token: true });
    expect(response.status).toBe(200);
    return response.body.token as string;
  };
  const personalToken = async (token: string, name: string): Promise<{ id: string; token: string }> => {
    const response = await runtime.as(token).post('/api/auth/tokens').send({ name });
    expect(response.status).toBe(201);
    return { id: response.body.id as string, token: response.body.token as string };
  };
  const statusOf = async (token: string): Promise<number> => (await runtime.as(token).get('/api/auth/me')).status;

  it('ends other sessions and every personal token on one\'s own change, except this request\'s token and the ones kept', async () => {
    await runtime.createUser({ username: 'selfchanger', password: PASSWORD });
    const current = await loginToken('selfchanger');
    const other = await loginToken('selfchanger');
    const dropped = await personalToken(current, 'old laptop');
    const kept = await personalToken(current, 'CI export');
    const changed = await runtime.as(current).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepTokens: [kept.id] });
    expect(changed.status).toBe(204);
    expect(await statusOf(current)).toBe(200);
    expect(await statusOf(other)).toBe(401);
    expect(await statusOf(dropped.token)).toBe(401);
    expect(await statusOf(kept.token)).toBe(200);
    expect((await runtime.as(current).get('/api/auth/tokens')).body.data.map((token: { id: string }) => token.id)).toEqual([kept.id]);
  });

  it('ends every personal token when none is kept, the one sending the change included', async () => {
    await runtime.createUser({ username: 'tokenchanger', password: PASSWORD });
    const login = await loginToken('tokenchanger');
    const personal = await personalToken(login, 'script');
    expect((await runtime.as(personal.token).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect(await statusOf(personal.token)).toBe(401);
    expect(await statusOf(login)).toBe(401);
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'tokenchanger', password: NEW_PASSWORD })).status).toBe(200);
  });

  it('keeps only one\'s own tokens: someone else\'s id or a malformed list is 422 and changes nothing', async () => {
    await runtime.createUser({ username: 'keeper', password: PASSWORD });
    const login = await loginToken('keeper');
    const mine = await personalToken(login, 'mine');
    const theirs = await personalToken(runtime.admin.token, 'the administrator\'s');
    const foreign = await runtime.as(login).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepTokens: [mine.id, theirs.id] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual([expect.objectContaining({ path: '/keepTokens/1' })]);
    const malformed = await runtime.as(login).post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, keepTokens: 'all' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ path: '/keepTokens' })]);
    expect(await statusOf(mine.token)).toBe(200);
    expect(await statusOf(theirs.token)).toBe(200);
    expect((await runtime.anonymous().post('/api/auth/login').send({ username: 'keeper', password: PASSWORD })).status).toBe(200);
  });

  it('ends every session and token, personal ones included, when an administrator resets the password', async () => {
    const user = await runtime.createUser({ username: 'resetee', password: PASSWORD });
    const login = await loginToken('resetee');
    const personal = await personalToken(login, 'nightly sync');
    expect((await runtime.api().put(`/api/auth/users/${user.id}/password`).send({ password: NEW_PASSWORD })).status).toBe(204);
    expect(await statusOf(login)).toBe(401);
    expect(await statusOf(personal.token)).toBe(401);
    expect(await statusOf(user.token)).toBe(401);
    expect(await statusOf(runtime.admin.token)).toBe(200);
    expect((await runtime.as(await loginToken('resetee', NEW_PASSWORD)).get('/api/auth/tokens')).body.data).toEqual([]);
  });

  it('documents keepTokens in the OpenAPI document', async () => {
    const document = (await runtime.api().get('/api/openapi.json')).body;
    expect(document.components.schemas.PasswordChange.properties.keepTokens).toMatchObject({ type: 'array', items: { type: 'string' } });
  });
});

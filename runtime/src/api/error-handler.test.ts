import express from 'express';
import request from 'supertest';
import { createErrorHandler } from './error-handler';

/** An app whose one route throws `error`, with the error handler in development mode. */
function throwing(error: unknown) {
  const app = express();
  app.get('/', () => {
    throw error;
  });
  app.use(createErrorHandler({ isProduction: false, log: () => undefined }));
  return app;
}

describe('the error handler', () => {
  it('never sends a database error\'s message (SQL text, values), even in development', async () => {
    const databaseError = Object.assign(new Error("Unknown column 'Infinity' in 'where clause'"), { sql: 'SELECT * FROM opportunity WHERE amount > Infinity' });
    const response = await request(throwing(databaseError)).get('/');
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe('internal');
    expect(response.body.error.message).not.toMatch(/Infinity|SELECT|column/);
    const sequelizeError = Object.assign(new Error('SQLITE_ERROR: near "x": syntax error'), { name: 'SequelizeDatabaseError' });
    expect((await request(throwing(sequelizeError)).get('/')).body.error.message).not.toMatch(/SQLITE|syntax/);
    expect((await request(throwing(new Error('plain bug'))).get('/')).body.error.message).toBe('Internal error: plain bug');
  });

  it('answers an exposed 4xx http-error (a body that does not inflate) in the error shape', async () => {
    const inflateError = Object.assign(new Error('incorrect header check'), { status: 400, expose: true, code: 'Z_DATA_ERROR' });
    const response = await request(throwing(inflateError)).get('/');
    expect([response.status, response.body.error.code, response.body.error.details]).toEqual([400, 'badRequest', []]);
  });
});

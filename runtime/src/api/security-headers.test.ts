import express from 'express';
import request from 'supertest';
import { securityHeaders } from './security-headers';

function appWith(options: Parameters<typeof securityHeaders>[0], trustProxy = false) {
  const app = express();
  if (trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders(options));
  app.get('/', (_request, response) => {
    response.send('ok');
  });
  return app;
}

describe('security headers', () => {
  it('sends no upgrade-insecure-requests over plain HTTP on a host other than localhost', async () => {
    const response = await request(appWith({})).get('/').set('Host', '192.168.1.20:3000');
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends it with secure cookies on, or when the request came over HTTPS through a trusted proxy', async () => {
    const secure = await request(appWith({ secureCookies: true })).get('/').set('Host', 'crm.example.com');
    expect(secure.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    const proxied = await request(appWith({}, true)).get('/').set('Host', 'crm.example.com').set('X-Forwarded-Proto', 'https');
    expect(proxied.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    const untrusted = await request(appWith({})).get('/').set('Host', 'crm.example.com').set('X-Forwarded-Proto', 'https');
    expect(untrusted.headers['content-security-policy']).not.toMatch(/upgrade-insecure-requests/);
  });
});

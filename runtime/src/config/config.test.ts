import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const options = { workingDirectory: '/srv/app', repositoryRoot: '/repo' };

describe('loadConfig', () => {
  it('has safe defaults: port 3000, SQLite in ./data, the SFA pack', () => {
    const config = loadConfig({}, options);
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDirectory: '/srv/app/data',
      databaseUrl: `sqlite:${path.join('/srv/app/data', 'stagecraft.sqlite')}`,
      dialect: 'sqlite',
      packDirectories: ['/repo/packs/sfa'],
      bodyLimit: '1mb',
      metadataBodyLimit: '5mb',
      metadataPollMs: 2000,
      isProduction: false,
      logSql: false,
    });
  });

  it('reads every variable it knows', () => {
    const config = loadConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        STAGECRAFT_DATA: 'var/db',
        DATABASE_URL: 'mysql://root@127.0.0.1:3306/crm',
        STAGECRAFT_PACKS: 'packs/sfa, /abs/csa',
        STAGECRAFT_BODY_LIMIT: '256kb',
        STAGECRAFT_METADATA_POLL_MS: '500',
        NODE_ENV: 'production',
        STAGECRAFT_LOG_SQL: 'true',
      },
      options,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDirectory: '/srv/app/var/db',
      dialect: 'mysql',
      packDirectories: ['/srv/app/packs/sfa', '/abs/csa'],
      bodyLimit: '256kb',
      metadataPollMs: 500,
      isProduction: true,
      logSql: true,
    });
  });

  it('reads the identity variables: admin and demo passwords, sessions, cookies, proxies, login throttling', () => {
    expect(loadConfig({}, options)).toMatchObject({
      demoPassword: 'demo',
      trustProxyHops: 0,
      auth: { sessionHours: 12, secureCookies: false, loginThrottle: { maxFailuresPerUser: 5, maxFailuresPerAddress: 20, windowMinutes: 15 } },
    });
    expect(loadConfig({}, options)).not.toHaveProperty('adminPassword');
    expect(loadConfig({ NODE_ENV: 'production' }, options).auth.secureCookies).toBe(true);
    const config = loadConfig(
      {
        STAGECRAFT_ADMIN_PASSWORD: 'a long admin password',
        STAGECRAFT_DEMO_PASSWORD: 'demo2',
        STAGECRAFT_SESSION_HOURS: '2',
        STAGECRAFT_SECURE_COOKIES: 'false',
        NODE_ENV: 'production',
        STAGECRAFT_TRUST_PROXY_HOPS: '1',
        STAGECRAFT_LOGIN_MAX_FAILURES_PER_USER: '3',
        STAGECRAFT_LOGIN_MAX_FAILURES_PER_ADDRESS: '9',
        STAGECRAFT_LOGIN_WINDOW_MINUTES: '30',
      },
      options,
    );
    expect(config).toMatchObject({
      adminPassword: 'a long admin password',
      demoPassword: 'demo2',
      trustProxyHops: 1,
      auth: { sessionHours: 2, secureCookies: false, loginThrottle: { maxFailuresPerUser: 3, maxFailuresPerAddress: 9, windowMinutes: 30 } },
    });
  });

  it.each([
    ['STAGECRAFT_ADMIN_PASSWORD', 'short'],
    ['STAGECRAFT_SESSION_HOURS', '0'],
    ['STAGECRAFT_LOGIN_MAX_FAILURES_PER_USER', 'many'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://localhost/crm'],
    ['STAGECRAFT_BODY_LIMIT', 'huge'],
    ['STAGECRAFT_METADATA_POLL_MS', '-5'],
    ['STAGECRAFT_LOG_SQL', 'sometimes'],
  ])('names the variable when %s is %s', (variable, value) => {
    expect(() => loadConfig({ [variable]: value }, options)).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value }, options)).toThrow(new RegExp(`^${variable}: `));
  });
});

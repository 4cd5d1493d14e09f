import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const options = { workingDirectory: '/srv/app', repositoryRoot: '/repo' };

describe('loadConfig', () => {
  it('has safe defaults: port 3000, SQLite in ./data, the example pack', () => {
    const config = loadConfig({}, options);
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDirectory: '/srv/app/data',
      databaseUrl: `sqlite:${path.join('/srv/app/data', 'stagecraft.sqlite')}`,
      dialect: 'sqlite',
      packDirectories: ['/repo/tests/fixtures/packs/example'],
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

  it.each([
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

// The Express application: health, metadata, publishing and record routes under /api, one
// error handler at the end. Everything it needs is passed in (no globals, no env reads).
import type { MetadataRepository } from '@stagecraft/metadata';
import express, { type Express } from 'express';
import type { RuntimeConfig } from '../config/config';
import type { Database } from '../db/database';
import type { LiveMetadata } from '../live/live-metadata';
import { RecordService } from '../records/record-service';
import { apiNotFound, createErrorHandler } from './error-handler';
import { metadataRouter, openApiDocument } from './metadata-router';
import { publishingRouter } from './publishing-router';
import { recordsRouter } from './records-router';

export interface AppDependencies {
  database: Database;
  repository: MetadataRepository;
  live: LiveMetadata;
  config: Pick<RuntimeConfig, 'bodyLimit' | 'metadataBodyLimit' | 'isProduction'>;
  /** Injected for tests; default: a service on the same database and live metadata. */
  records?: RecordService;
  log?: (message: string, error: unknown) => void;
}

export function createApp(dependencies: AppDependencies): Express {
  const { database, repository, live, config } = dependencies;
  const metadata = () => live.get();
  const records = dependencies.records ?? new RecordService({ database, metadata });
  const app = express();
  app.disable('x-powered-by');
  // Records carry their own ETag (the version); hashing every response body would only cost time.
  app.set('etag', false);

  app.get('/api/health', async (_request, response) => {
    await database.select('SELECT 1 AS ok', []);
    const current = live.get();
    response.json({ status: 'ok', database: database.dialect, metadataVersion: current.version, entities: current.entities.size });
  });
  app.get('/api/openapi.json', (_request, response) => {
    response.json(openApiDocument(live.get()));
  });
  app.use('/api/metadata', publishingRouter(repository, live, config.metadataBodyLimit));
  app.use('/api/metadata', metadataRouter(metadata));
  app.use('/api/records', recordsRouter(records, config.bodyLimit));
  app.use('/api', apiNotFound);
  const errorHandlerOptions: Parameters<typeof createErrorHandler>[0] = { isProduction: config.isProduction };
  if (dependencies.log) errorHandlerOptions.log = dependencies.log;
  app.use(createErrorHandler(errorHandlerOptions));
  return app;
}

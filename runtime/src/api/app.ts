// The Express application: security headers and a request id on everything; health and login
// in the open; every other /api route behind authentication (metadata, publishing, auth,
// audit, records, processes, notifications, the plugins' routes); one error handler at the end. Everything it needs is passed in (no globals,
// no env reads).
import type { MetadataRepository } from '@stagecraft/metadata';
import express, { type Express } from 'express';
import { DEFAULT_AUTH_CONFIG, type RuntimeConfig } from '../config/config';
import type { Database } from '../db/database';
import { AuthService } from '../identity/auth-service';
import type { LiveMetadata } from '../live/live-metadata';
import { BoardService } from '../boards/board-service';
import { ExportService } from '../export/export-service';
import { ImportService } from '../import/import-service';
import { RecordService } from '../records/record-service';
import { ReportService } from '../reports/report-service';
import type { StagecraftPlugin } from '../plugins/plugin';
import { pluginRouters, processRegistryRouter } from '../plugins/plugin-routes';
import { WorkflowRuntime } from '../workflow/workflow-runtime';
import { savedViewsRouter } from '../web/saved-views-router';
import { SavedViewStore } from '../web/saved-views';
import { studioRouter } from '../web/studio-app';
import { webAppRouter } from '../web/web-app';
import { auditRouter } from './audit-router';
import { boardsRouter } from './boards-router';
import { exportRouter } from './export-router';
import { importRouter } from './import-router';
import { authenticate } from './authenticate';
import { authRouter, loginRouter } from './auth-router';
import { apiNotFound, createErrorHandler } from './error-handler';
import { metadataRouter, openApiDocument } from './metadata-router';
import { actorOf } from './request-actor';
import { notificationsRouter } from './notifications-router';
import { processMetadataRouter } from './process-metadata-router';
import { publishingRouter } from './publishing-router';
import { recordCapabilitiesRouter } from './record-capabilities-router';
import { recordsRouter } from './records-router';
import { reportsRouter } from './reports-router';
import { securityHeaders } from './security-headers';
import { assignRequestId } from './request-id';
import { workflowRouter } from './workflow-router';

export interface AppDependencies {
  database: Database;
  repository: MetadataRepository;
  live: LiveMetadata;
  config: Pick<RuntimeConfig, 'bodyLimit' | 'metadataBodyLimit' | 'isProduction'> & Partial<Pick<RuntimeConfig, 'auth' | 'trustProxyHops'>>;
  /** Injected for tests; default: a service on the same database and live metadata. */
  records?: RecordService;
  /** Injected for tests (e.g. with a clock); default: a service on the same database and live metadata. */
  auth?: AuthService;
  /** The workflow engine; default: one on the same database running `plugins` (its loops are started by the server, not here). */
  workflow?: WorkflowRuntime;
  /** The plugins of this server, when no workflow engine is given (an engine given brings its own). Their routes are served at /api/plugins/<name>. */
  plugins?: readonly StagecraftPlugin[];
  log?: (message: string, error: unknown) => void;
  /** The largest import body (CSV or JSON); default 10mb. */
  importBodyLimit?: string;
  /** The built web app served at `/` (default runtime/web/dist); null serves none. */
  webRoot?: string | null;
  /** The built studio served at `/studio` to administrators (default designer/dist); null serves none. */
  studioRoot?: string | null;
}

export function createApp(dependencies: AppDependencies): Express {
  const { database, repository, live, config } = dependencies;
  const authConfig = config.auth ?? DEFAULT_AUTH_CONFIG;
  const metadata = () => live.get();
  const workflow = dependencies.workflow ?? new WorkflowRuntime({ database, repository, metadata, ...(dependencies.plugins ? { plugins: dependencies.plugins } : {}) });
  const records = dependencies.records ?? new RecordService({ database, metadata, hooks: workflow.hooks() });
  workflow.connectRecords(records);
  const auth = dependencies.auth ?? new AuthService({ database, metadata, config: authConfig });
  const app = express();
  app.disable('x-powered-by');
  // Records carry their own ETag (the version); hashing every response body would only cost time.
  app.set('etag', false);
  // Behind a reverse proxy, the client address (for login throttling and audit) is X-Forwarded-For's.
  if (config.trustProxyHops) app.set('trust proxy', config.trustProxyHops);
  app.use(securityHeaders({ secureCookies: authConfig.secureCookies }));
  app.use(assignRequestId);

  app.get('/api/health', async (_request, response) => {
    await database.select('SELECT 1 AS ok', []);
    const current = live.get();
    response.json({ status: 'ok', database: database.dialect, metadataVersion: current.version, entities: current.entities.size });
  });
  app.use('/api/auth', loginRouter(auth, authConfig));
  app.use('/api', authenticate(auth));
  app.use('/api/auth', authRouter(auth, authConfig));
  app.get('/api/openapi.json', (request, response) => {
    response.json(openApiDocument(live.get(), actorOf(request)));
  });
  app.use('/api/metadata', publishingRouter(repository, live, config.metadataBodyLimit, database));
  app.use('/api/metadata', metadataRouter(metadata));
  app.use('/api/metadata', processMetadataRouter(workflow.service, config.bodyLimit));
  app.use('/api/metadata', processRegistryRouter(workflow.plugins));
  app.use('/api/notifications', notificationsRouter(database, () => workflow.service.now()));
  app.use('/api/records', workflowRouter(workflow.service, records, { bodyLimit: config.bodyLimit }));
  app.use('/api/audit', auditRouter(database));
  app.use('/api/records', exportRouter(new ExportService({ database, metadata })));
  app.use('/api/records', importRouter(new ImportService(records), dependencies.importBodyLimit));
  app.use('/api/records', recordCapabilitiesRouter(records, config.bodyLimit));
  app.use('/api/records', recordsRouter(records, config.bodyLimit, database));
  app.use('/api/reports', reportsRouter(new ReportService({ database, metadata })));
  app.use('/api/boards', boardsRouter(new BoardService({ database, metadata })));
  app.use('/api/views', savedViewsRouter(new SavedViewStore(database), metadata));
  for (const [name, router] of pluginRouters(workflow.plugins, { database, metadata, records, workflow: workflow.service })) app.use(`/api/plugins/${name}`, router);
  app.use('/api', apiNotFound);
  if (dependencies.studioRoot !== null && dependencies.webRoot !== null) app.use(studioRouter(auth, dependencies.studioRoot));
  if (dependencies.webRoot !== null) app.use(webAppRouter(dependencies.webRoot));
  const errorHandlerOptions: Parameters<typeof createErrorHandler>[0] = { isProduction: config.isProduction };
  if (dependencies.log) errorHandlerOptions.log = dependencies.log;
  app.use(createErrorHandler(errorHandlerOptions));
  return app;
}

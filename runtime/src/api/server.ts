// Starts a server from a config: open the database (system tables ensured), load and compile the
// live metadata, poll for publishes from other processes, run the embedded scheduler (no Redis),
// listen. close() undoes it all.
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { RuntimeConfig } from '../config/config';
import { openSystemDatabase, type SystemDatabase } from '../db/system-database';
import { LiveMetadata } from '../live/live-metadata';
import type { StagecraftPlugin } from '../plugins/plugin';
import { WorkflowRuntime } from '../workflow/workflow-runtime';
import { createApp } from './app';

export interface RunningServer {
  url: string;
  app: Express;
  live: LiveMetadata;
  system: SystemDatabase;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** Runs after the live metadata is loaded and before the port opens (first-start and demo seeding), so no request sees a half-prepared server. */
  prepare?: (live: LiveMetadata) => Promise<void>;
  /** The plugins this server runs (guards, actions, deliverers, routes); the built-in one is always added. A `system` passed in should be opened with the same. */
  plugins?: readonly StagecraftPlugin[];
}

export async function startServer(config: RuntimeConfig, system?: SystemDatabase, options: StartServerOptions = {}): Promise<RunningServer> {
  const plugins = options.plugins ?? [];
  const opened = system ?? (await openSystemDatabase(config, { plugins }));
  try {
    const live = await LiveMetadata.load(opened.repository, (identifier) => opened.database.quote(identifier), {
      pollMs: config.metadataPollMs,
      onError: (error) => console.error('[stagecraft] could not refresh the live metadata:', error),
    });
    if (options.prepare) await options.prepare(live);
    const workflow = new WorkflowRuntime({ database: opened.database, repository: opened.repository, metadata: () => live.get(), config: config.workflow, plugins });
    const app = createApp({ database: opened.database, repository: opened.repository, live, config, workflow });
    const server = app.listen(config.port, config.host);
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    live.startPolling();
    // Without Redis the server fires timers and delivers the outbox itself (overdue timers first).
    if (config.workflow.embeddedScheduler) workflow.startEmbedded();
    const { port } = server.address() as AddressInfo;
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    return {
      url: `http://${host}:${port}`,
      app,
      live,
      system: opened,
      close: async () => {
        live.stopPolling();
        await workflow.close();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeIdleConnections();
        });
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

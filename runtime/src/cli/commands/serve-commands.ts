// CLI commands that serve: `start` publishes the configured packs first (additive changes apply;
// destructive ones are refused with the plan printed), `serve` serves whatever is live.
import { ConfirmationRequiredError, formatMigrationPlan } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import type { RuntimeConfig } from '../../config/config';
import { openSystemDatabase } from '../../db/system-database';
import { startServer, type RunningServer } from '../../api/server';
import type { CliIo } from '../cli-io';
import { CLI_AUTHOR } from './metadata-commands';

export async function startCommand(config: RuntimeConfig, io: CliIo): Promise<RunningServer> {
  const { bundle } = await loadPacks(config.packDirectories);
  const system = await openSystemDatabase(config);
  try {
    const result = await system.repository.publish(bundle, { author: CLI_AUTHOR, message: 'Published by stagecraft start' });
    if (!result.unchanged) io.out(`Published metadata version ${result.version.number} from ${config.packDirectories.join(', ')}`);
  } catch (error) {
    if (error instanceof ConfirmationRequiredError) {
      const { plan } = await system.repository.plan(bundle).catch(() => ({ plan: null }));
      if (plan) io.error(formatMigrationPlan(plan));
      io.error(`The packs change the live schema destructively, so start did not publish them. Run: stagecraft publish ${config.packDirectories.join(' ')} --confirm`);
    }
    await system.close();
    throw error;
  }
  return serveCommand(config, io, system);
}

export async function serveCommand(config: RuntimeConfig, io: CliIo, system?: Awaited<ReturnType<typeof openSystemDatabase>>): Promise<RunningServer> {
  const server = await startServer(config, system);
  io.out(`Stagecraft listening on ${server.url}`);
  return server;
}

// CLI commands that serve: `start` publishes the identity pack and the configured packs first
// (additive changes apply; destructive ones are refused with the plan printed) and seeds the
// demo users and the packs' demo data (their `seed/` folders); `serve` serves whatever is live
// (adding the identity entities if it lacks them) and seeds no demo data. Both make sure the administrator exists and can sign in.
import { ConfirmationRequiredError, formatMigrationPlan } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import type { RuntimeConfig } from '../../config/config';
import type { StagecraftPlugin } from '../../plugins/plugin';
import { openSystemDatabase, type SystemDatabase } from '../../db/system-database';
import { startServer, type RunningServer } from '../../api/server';
import { ensureAdministrator } from '../../identity/bootstrap-admin';
import { seedDemoIdentity } from '../../identity/demo-identity';
import { withIdentityPack } from '../../identity/identity-pack';
import { auditPublish, systemAuditScope } from '../../audit/publish-audit';
import { ensureIdentityPublished } from '../../identity/publish-identity';
import { RecordService } from '../../records/record-service';
import { describeSeedReport, seedPacks } from '../../seed/seed-packs';
import type { CliIo } from '../cli-io';
import { CLI_AUTHOR } from './metadata-commands';

export async function startCommand(config: RuntimeConfig, io: CliIo, plugins: readonly StagecraftPlugin[] = []): Promise<RunningServer> {
  const directories = withIdentityPack(config.packDirectories);
  const { bundle } = await loadPacks(directories);
  const system = await openSystemDatabase(config, { plugins });
  try {
    const result = await system.repository.publish(bundle, { author: CLI_AUTHOR, message: 'Published by stagecraft start' });
    await auditPublish(systemAuditScope(system.database), 'publish', result);
    if (!result.unchanged) io.out(`Published metadata version ${result.version.number} from ${directories.join(', ')}`);
  } catch (error) {
    if (error instanceof ConfirmationRequiredError) {
      const { plan } = await system.repository.plan(bundle).catch(() => ({ plan: null }));
      if (plan) io.error(formatMigrationPlan(plan));
      io.error(`The packs change the live schema destructively, so start did not publish them. Run: stagecraft publish ${config.packDirectories.join(' ')} --confirm`);
    }
    await system.close();
    throw error;
  }
  return serveCommand(config, io, plugins, system, { seedDemoData: true });
}

export async function serveCommand(config: RuntimeConfig, io: CliIo, plugins: readonly StagecraftPlugin[] = [], opened?: SystemDatabase, options: { seedDemoData?: boolean } = {}): Promise<RunningServer> {
  const system = opened ?? (await openSystemDatabase(config, { plugins }));
  try {
    const added = await ensureIdentityPublished(system.repository, CLI_AUTHOR);
    if (added) await auditPublish(systemAuditScope(system.database), 'publish', added);
    if (added) io.out(`Published metadata version ${added.version.number} with the identity pack (users, teams, roles)`);
  } catch (error) {
    await system.close();
    throw error;
  }
  const server = await startServer(config, system, {
    plugins,
    prepare: async (live) => {
      const records = new RecordService({ database: system.database, metadata: () => live.get() });
      const administrator: Parameters<typeof ensureAdministrator>[0] = { database: system.database, records, print: (line) => io.out(line) };
      if (config.adminPassword !== undefined) administrator.adminPassword = config.adminPassword;
      await ensureAdministrator(administrator);
      if (options.seedDemoData) {
        const hasAccounts = live.get().entities.has('account');
        const { created } = await seedDemoIdentity({ database: system.database, records, password: config.demoPassword, hasAccounts });
        if (created.length > 0) io.out(`Created demo users ${created.join(', ')} (password from STAGECRAFT_DEMO_PASSWORD, default "demo"; demo only).`);
        // The packs' demo data (packs/sfa/seed): dates relative to the first start; later starts find it all and add nothing.
        const started = Date.now();
        const reports = await seedPacks(config.packDirectories, { database: system.database, repository: system.repository, metadata: () => live.get(), anchor: new Date(started) });
        for (const report of reports) {
          const line = describeSeedReport(report, Date.now() - started);
          if (line) io.out(line);
        }
      }
    },
  });
  io.out(`Stagecraft listening on ${server.url}`);
  return server;
}

// CLI commands that work on metadata without serving: plan, publish, rollback, versions, types.
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatMigrationPlan } from '@stagecraft/core';
import { generateEntityTypes, loadPacks } from '@stagecraft/metadata';
import type { RuntimeConfig } from '../../config/config';
import type { StagecraftPlugin } from '../../plugins/plugin';
import { auditPublish, systemAuditScope } from '../../audit/publish-audit';
import { openSystemDatabase, type SystemDatabase } from '../../db/system-database';
import { withIdentityPack } from '../../identity/identity-pack';
import { EXIT_OK, type CliIo } from '../cli-io';

export const CLI_AUTHOR = 'cli';

/** What the metadata commands share: the plugins whose guards and actions a publish checks processes against. */
export interface MetadataCommandOptions {
  plugins?: readonly StagecraftPlugin[];
}

async function withDatabase<T>(config: RuntimeConfig, work: (system: SystemDatabase) => Promise<T>, options: MetadataCommandOptions = {}): Promise<T> {
  const system = await openSystemDatabase(config, options.plugins ? { plugins: options.plugins } : {});
  try {
    return await work(system);
  } finally {
    await system.close();
  }
}

// plan and publish include the identity pack, as start does, so a plan never proposes dropping users.
export async function planCommand(config: RuntimeConfig, io: CliIo, packDirectories: string[], options: MetadataCommandOptions = {}): Promise<number> {
  const { bundle } = await loadPacks(withIdentityPack(packDirectories));
  return withDatabase(config, async ({ repository }) => {
    const { plan } = await repository.plan(bundle);
    io.out(formatMigrationPlan(plan));
    return EXIT_OK;
  }, options);
}

export async function publishCommand(config: RuntimeConfig, io: CliIo, packDirectories: string[], options: MetadataCommandOptions & { confirm: boolean; message?: string }): Promise<number> {
  const { bundle } = await loadPacks(withIdentityPack(packDirectories));
  return withDatabase(config, async ({ repository, database }) => {
    const result = await repository.publish(bundle, { author: CLI_AUTHOR, confirm: options.confirm, ...(options.message !== undefined && { message: options.message }) });
    await auditPublish(systemAuditScope(database), 'publish', result);
    if (result.unchanged) io.out(`Nothing to publish: version ${result.version.number} already has this content.`);
    else io.out(`Published version ${result.version.number}.\n${formatMigrationPlan(result.plan)}`);
    return EXIT_OK;
  }, options);
}

export async function rollbackCommand(config: RuntimeConfig, io: CliIo, version: number, options: MetadataCommandOptions & { confirm: boolean }): Promise<number> {
  return withDatabase(config, async ({ repository, database }) => {
    const result = await repository.rollback(version, { author: CLI_AUTHOR, confirm: options.confirm });
    await auditPublish(systemAuditScope(database), 'rollback', result);
    io.out(result.unchanged ? `Version ${version}'s content is already live.` : `Published version ${result.version.number} with the content of version ${version}.\n${formatMigrationPlan(result.plan)}`);
    return EXIT_OK;
  }, options);
}

export async function versionsCommand(config: RuntimeConfig, io: CliIo): Promise<number> {
  return withDatabase(config, async ({ repository }) => {
    const live = await repository.liveVersionNumber();
    const versions = await repository.listVersions();
    if (versions.length === 0) io.out('No metadata version is published yet.');
    for (const version of versions) {
      const marker = version.number === live ? '*' : ' ';
      io.out(`${marker} ${String(version.number).padStart(4)}  ${version.hash.slice(0, 12)}  ${version.createdAt.toISOString()}  ${version.author}  ${version.message}`.trimEnd());
    }
    return EXIT_OK;
  });
}

export async function typesCommand(io: CliIo, packDirectories: string[], out: string | undefined): Promise<number> {
  const { bundle } = await loadPacks(withIdentityPack(packDirectories));
  const types = await generateEntityTypes(bundle);
  if (out === undefined) {
    io.out(types);
  } else {
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await fs.writeFile(out, types);
    io.out(`Wrote ${out}`);
  }
  return EXIT_OK;
}

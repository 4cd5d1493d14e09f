// `stagecraft worker`: a process that fires timers and delivers the outbox, with no HTTP. With
// REDIS_URL it consumes BullMQ timer jobs (run any number of these) and sweeps for lost jobs;
// without, it runs the embedded scheduler loop against the database. Every worker claims rows in
// the database before acting, so running several never fires a timer twice.
import type { RuntimeConfig } from '../../config/config';
import type { StagecraftPlugin } from '../../plugins/plugin';
import { openSystemDatabase } from '../../db/system-database';
import { LiveMetadata } from '../../live/live-metadata';
import { RecordService } from '../../records/record-service';
import { WorkflowRuntime } from '../../workflow/workflow-runtime';
import type { CliIo } from '../cli-io';

export interface RunningWorker {
  workflow: WorkflowRuntime;
  close(): Promise<void>;
}

export async function workerCommand(config: RuntimeConfig, io: CliIo, plugins: readonly StagecraftPlugin[] = []): Promise<RunningWorker> {
  const system = await openSystemDatabase(config, { plugins });
  try {
    const live = await LiveMetadata.load(system.repository, (identifier) => system.database.quote(identifier), {
      pollMs: config.metadataPollMs,
      onError: (error) => io.error(`[stagecraft] could not refresh the live metadata: ${String(error)}`),
    });
    live.startPolling();
    const workflow = new WorkflowRuntime({
      database: system.database, repository: system.repository, metadata: () => live.get(), config: config.workflow, plugins,
      log: (message, error) => io.error(`${message} ${error instanceof Error ? error.message : String(error ?? '')}`),
    });
    workflow.connectRecords(new RecordService({ database: system.database, metadata: () => live.get(), hooks: workflow.hooks() }));
    workflow.startWorker();
    io.out(`Stagecraft worker running (${config.workflow.redisUrl ? 'BullMQ timers' : 'embedded scheduler'}, metadata version ${String(live.get().version)})`);
    return {
      workflow,
      close: async () => {
        live.stopPolling();
        await workflow.close();
        await system.close();
      },
    };
  } catch (error) {
    await system.close();
    throw error;
  }
}

// The stagecraft command line: parses argv, builds the config from the environment it is given,
// runs one command. Serving commands return the running server so the caller decides its life.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningServer } from '../api/server';
import { loadConfig } from '../config/config';
import type { StagecraftPlugin } from '../plugins/plugin';
import { EXIT_ERROR, EXIT_USAGE, reportError, UsageError, type CliIo } from './cli-io';
import { planCommand, publishCommand, rollbackCommand, typesCommand, versionsCommand } from './commands/metadata-commands';
import { serveCommand, startCommand } from './commands/serve-commands';
import { workerCommand, type RunningWorker } from './commands/worker-command';

export const USAGE = `Usage: stagecraft <command> [options]

Commands:
  start                               publish STAGECRAFT_PACKS if changed, seed demo users, then serve
  serve                               serve the live metadata version
  worker                              fire timers and deliver the outbox (BullMQ with REDIS_URL)
  plan <packDir…>                     print the schema migration plan against the live version
  publish <packDir…> [--confirm] [--message <text>]
                                      publish packs (--confirm allows destructive steps)
  rollback <version> [--confirm]      publish an earlier version's content again
  versions                            list published metadata versions (* = live)
  types <packDir…> [--out <file.d.ts>]
                                      generate TypeScript types of the packs' entities

The identity pack (users, teams, roles) is always published before the given packs.

Environment: PORT, HOST, DATABASE_URL, STAGECRAFT_DATA, STAGECRAFT_PACKS, STAGECRAFT_BODY_LIMIT,
STAGECRAFT_METADATA_POLL_MS, STAGECRAFT_LOG_SQL, NODE_ENV, STAGECRAFT_ADMIN_PASSWORD,
STAGECRAFT_DEMO_PASSWORD (start only), STAGECRAFT_SESSION_HOURS, STAGECRAFT_SECURE_COOKIES,
STAGECRAFT_TRUST_PROXY_HOPS, STAGECRAFT_LOGIN_MAX_FAILURES_PER_USER,
STAGECRAFT_LOGIN_MAX_FAILURES_PER_ADDRESS, STAGECRAFT_LOGIN_WINDOW_MINUTES, REDIS_URL,
STAGECRAFT_EMBEDDED_SCHEDULER, STAGECRAFT_SCHEDULER_INTERVAL_MS, STAGECRAFT_TIMER_BATCH_SIZE,
STAGECRAFT_LEASE_MS, STAGECRAFT_WORKER_CONCURRENCY, STAGECRAFT_SWEEP_INTERVAL_MS,
STAGECRAFT_QUEUE_PREFIX, STAGECRAFT_SMTP_URL.`;

export interface CliResult {
  exitCode: number;
  /** Set by start and serve: the server keeps running until closed. */
  server?: RunningServer;
  /** Set by worker: it keeps running until closed. */
  worker?: RunningWorker;
}

export interface CliOptions {
  io: CliIo;
  workingDirectory?: string;
  /** The plugins every command runs (server, worker) or checks publishes against; the built-in one is always added. */
  plugins?: readonly StagecraftPlugin[];
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, options: CliOptions): Promise<CliResult> {
  const { io } = options;
  const plugins = options.plugins ?? [];
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { confirm: { type: 'boolean', default: false }, message: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.out(USAGE);
      return { exitCode: command === undefined && !values.help ? EXIT_USAGE : 0 };
    }
    const configOptions = options.workingDirectory ? { workingDirectory: options.workingDirectory } : {};
    const config = loadConfig(env, configOptions);
    const directories = (): string[] => {
      if (rest.length === 0) throw new UsageError(`${command} needs at least one pack directory`);
      return rest.map((directory) => path.resolve(options.workingDirectory ?? process.cwd(), directory));
    };
    const noArguments = (): void => {
      if (rest.length > 0) throw new UsageError(`${command} takes no arguments`);
    };
    switch (command) {
      case 'start':
        noArguments();
        return { exitCode: 0, server: await startCommand(config, io, plugins) };
      case 'serve':
        noArguments();
        return { exitCode: 0, server: await serveCommand(config, io, plugins) };
      case 'worker':
        noArguments();
        return { exitCode: 0, worker: await workerCommand(config, io, plugins) };
      case 'plan':
        return { exitCode: await planCommand(config, io, directories(), { plugins }) };
      case 'publish':
        return { exitCode: await publishCommand(config, io, directories(), { plugins, confirm: values.confirm === true, ...(values.message !== undefined && { message: values.message }) }) };
      case 'rollback': {
        const version = rest.length === 1 && /^\d+$/.test(rest[0] ?? '') ? Number(rest[0]) : Number.NaN;
        if (!Number.isSafeInteger(version) || version < 1) throw new UsageError('rollback takes one version number');
        return { exitCode: await rollbackCommand(config, io, version, { plugins, confirm: values.confirm === true }) };
      }
      case 'versions':
        noArguments();
        return { exitCode: await versionsCommand(config, io) };
      case 'types':
        return { exitCode: await typesCommand(io, directories(), values.out) };
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    // parseArgs reports bad options as errors coded ERR_PARSE_ARGS_*.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const isUsage = error instanceof UsageError || code.startsWith('ERR_PARSE_ARGS');
    if (isUsage) {
      io.error(`${(error as Error).message}\n\n${USAGE}`);
      return { exitCode: EXIT_USAGE };
    }
    reportError(io, error);
    return { exitCode: EXIT_ERROR };
  }
}

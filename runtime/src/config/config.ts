// The runtime's one typed configuration, built once at start-up from an environment object.
// This is the only module that reads environment variables; everything else receives the config.
import path from 'node:path';
import { dialectOfUrl, type Dialect } from '@stagecraft/metadata';
import { DEFAULT_WORKFLOW_CONFIG, type WorkflowConfig } from '../workflow/workflow-config';

export interface RuntimeConfig {
  port: number;
  host: string;
  /** Directory for the embedded database and other local files. */
  dataDirectory: string;
  databaseUrl: string;
  dialect: Dialect;
  /** Pack directories published by `start`, absolute. */
  packDirectories: string[];
  /** Body size limit of record requests (body-parser syntax, e.g. "1mb"). */
  bodyLimit: string;
  /** Body size limit of metadata publishing requests, which carry whole bundles. */
  metadataBodyLimit: string;
  /** How often a server looks for a publish made by another process. */
  metadataPollMs: number;
  /** Production hides internal error messages from responses. */
  isProduction: boolean;
  logSql: boolean;
  /** Sessions, cookies, login throttling. */
  auth: AuthConfig;
  /** Sets the `admin` user's password at start; unset: a random one is printed on first start. */
  adminPassword?: string;
  /** Password of the demo users `start` seeds (never seeded by `serve`). */
  demoPassword: string;
  /** Proxy hops in front of the server whose X-Forwarded-For is trusted (0: none). */
  trustProxyHops: number;
  /** Timers, outbox, BullMQ (REDIS_URL), e-mail. */
  workflow: WorkflowConfig;
}

export interface AuthConfig {
  /** Lifetime of a login session (cookie) or of a bearer token from login. */
  sessionHours: number;
  /** Marks the session cookie Secure; on by default in production. */
  secureCookies: boolean;
  loginThrottle: LoginThrottleConfig;
}

export interface LoginThrottleConfig {
  maxFailuresPerUser: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
}

export const DEFAULT_AUTH_CONFIG: AuthConfig = {
  sessionHours: 12,
  secureCookies: false,
  loginThrottle: { maxFailuresPerUser: 5, maxFailuresPerAddress: 20, windowMinutes: 15 },
};

/** A bad environment value; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Relative paths in the environment resolve against this (default: the process's directory). */
  workingDirectory?: string;
  /** Where the default packs live (default: the repository holding this package). */
  repositoryRoot?: string;
}

/** The shipped SFA pack (the identity pack is always added before it). */
export const DEFAULT_PACKS = ['packs/sfa'];
const BYTE_SIZE = /^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i;

export function loadConfig(env: NodeJS.ProcessEnv, options: LoadConfigOptions = {}): RuntimeConfig {
  const workingDirectory = options.workingDirectory ?? process.cwd();
  const repositoryRoot = options.repositoryRoot ?? path.resolve(__dirname, '../../..');
  const dataDirectory = path.resolve(workingDirectory, nonEmpty(env.STAGECRAFT_DATA) ?? './data');
  const databaseUrl = nonEmpty(env.DATABASE_URL) ?? `sqlite:${path.join(dataDirectory, 'stagecraft.sqlite')}`;
  let dialect: Dialect;
  try {
    dialect = dialectOfUrl(databaseUrl);
  } catch (error) {
    throw new ConfigError('DATABASE_URL', (error as Error).message);
  }
  const packsVariable = nonEmpty(env.STAGECRAFT_PACKS);
  const packDirectories = packsVariable
    ? packsVariable.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => path.resolve(workingDirectory, entry))
    : DEFAULT_PACKS.map((entry) => path.resolve(repositoryRoot, entry));
  if (packDirectories.length === 0) throw new ConfigError('STAGECRAFT_PACKS', 'names no pack directory');
  const isProduction = env.NODE_ENV === 'production';
  const adminPassword = env.STAGECRAFT_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword !== '' && adminPassword.length < 8) throw new ConfigError('STAGECRAFT_ADMIN_PASSWORD', 'must be at least 8 characters');
  const config: RuntimeConfig = {
    port: integerVariable(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDirectory,
    databaseUrl,
    dialect,
    packDirectories,
    bodyLimit: byteSizeVariable(env, 'STAGECRAFT_BODY_LIMIT', '1mb'),
    metadataBodyLimit: byteSizeVariable(env, 'STAGECRAFT_METADATA_BODY_LIMIT', '5mb'),
    metadataPollMs: integerVariable(env, 'STAGECRAFT_METADATA_POLL_MS', 2000, 10, 3_600_000),
    isProduction,
    logSql: booleanVariable(env, 'STAGECRAFT_LOG_SQL', false),
    auth: {
      sessionHours: integerVariable(env, 'STAGECRAFT_SESSION_HOURS', DEFAULT_AUTH_CONFIG.sessionHours, 1, 24 * 366),
      secureCookies: booleanVariable(env, 'STAGECRAFT_SECURE_COOKIES', isProduction),
      loginThrottle: {
        maxFailuresPerUser: integerVariable(env, 'STAGECRAFT_LOGIN_MAX_FAILURES_PER_USER', DEFAULT_AUTH_CONFIG.loginThrottle.maxFailuresPerUser, 1, 1000),
        maxFailuresPerAddress: integerVariable(env, 'STAGECRAFT_LOGIN_MAX_FAILURES_PER_ADDRESS', DEFAULT_AUTH_CONFIG.loginThrottle.maxFailuresPerAddress, 1, 100_000),
        windowMinutes: integerVariable(env, 'STAGECRAFT_LOGIN_WINDOW_MINUTES', DEFAULT_AUTH_CONFIG.loginThrottle.windowMinutes, 1, 24 * 60),
      },
    },
    demoPassword: env.STAGECRAFT_DEMO_PASSWORD || 'demo',
    trustProxyHops: integerVariable(env, 'STAGECRAFT_TRUST_PROXY_HOPS', 0, 0, 10),
    workflow: workflowConfigOf(env),
  };
  // A password is taken as given (spaces included); only an empty one counts as unset.
  if (adminPassword) config.adminPassword = adminPassword;
  return config;
}

function workflowConfigOf(env: NodeJS.ProcessEnv): WorkflowConfig {
  const redisUrl = nonEmpty(env.REDIS_URL);
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL', `"${redisUrl}" is not a redis:// or rediss:// URL`);
  const smtpUrl = nonEmpty(env.STAGECRAFT_SMTP_URL);
  const defaults = DEFAULT_WORKFLOW_CONFIG;
  return {
    ...(redisUrl ? { redisUrl } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    queuePrefix: nonEmpty(env.STAGECRAFT_QUEUE_PREFIX) ?? defaults.queuePrefix,
    embeddedScheduler: booleanVariable(env, 'STAGECRAFT_EMBEDDED_SCHEDULER', redisUrl === undefined),
    schedulerIntervalMs: integerVariable(env, 'STAGECRAFT_SCHEDULER_INTERVAL_MS', defaults.schedulerIntervalMs, 10, 3_600_000),
    timerBatchSize: integerVariable(env, 'STAGECRAFT_TIMER_BATCH_SIZE', defaults.timerBatchSize, 1, 10_000),
    leaseMs: integerVariable(env, 'STAGECRAFT_LEASE_MS', defaults.leaseMs, 100, 3_600_000),
    workerConcurrency: integerVariable(env, 'STAGECRAFT_WORKER_CONCURRENCY', defaults.workerConcurrency, 1, 1000),
    sweepIntervalMs: integerVariable(env, 'STAGECRAFT_SWEEP_INTERVAL_MS', defaults.sweepIntervalMs, 100, 3_600_000),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function integerVariable(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}–${max}`);
  return value;
}

function byteSizeVariable(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  if (!BYTE_SIZE.test(raw)) throw new ConfigError(name, `"${raw}" is not a size such as 512kb or 1mb`);
  return raw;
}

function booleanVariable(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not true or false`);
}

// The runtime's one typed configuration, built once at start-up from an environment object.
// This is the only module that reads environment variables; everything else receives the config.
import path from 'node:path';
import { dialectOfUrl, type Dialect } from '@stagecraft/metadata';

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
}

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

/** The example pack, until the shipped SFA/CSA/MA packs exist. */
export const DEFAULT_PACKS = ['tests/fixtures/packs/example'];
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
  return {
    port: integerVariable(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDirectory,
    databaseUrl,
    dialect,
    packDirectories,
    bodyLimit: byteSizeVariable(env, 'STAGECRAFT_BODY_LIMIT', '1mb'),
    metadataBodyLimit: byteSizeVariable(env, 'STAGECRAFT_METADATA_BODY_LIMIT', '5mb'),
    metadataPollMs: integerVariable(env, 'STAGECRAFT_METADATA_POLL_MS', 2000, 10, 3_600_000),
    isProduction: env.NODE_ENV === 'production',
    logSql: booleanVariable(env, 'STAGECRAFT_LOG_SQL', false),
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

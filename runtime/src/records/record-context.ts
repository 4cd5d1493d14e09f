// What every record operation receives: the database, the metadata version the request started
// with, who acts, and the clock. Passed explicitly; no globals.
import type { Database } from '../db/database';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import { NotFoundError } from '@stagecraft/core';

export interface RecordContext {
  database: Database;
  metadata: CompiledMetadata;
  /** Who performs the operation; "system" until authentication arrives. */
  actor: string;
  now(): Date;
  /** Autonumber counters known to exist, so each is created once per process. */
  knownSequences: Set<string>;
}

export function entityOf(context: RecordContext, name: string): CompiledEntity {
  const entity = context.metadata.entities.get(name);
  if (!entity) throw new NotFoundError(`There is no entity "${name}"`);
  return entity;
}

// What every record operation receives: the database, the metadata version the request started
// with, who acts, and the clock. Passed explicitly; no globals.
import type { Transaction } from 'sequelize';
import type { Database } from '../db/database';
import type { Actor, RequestOrigin } from '../identity/actor';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import { NotFoundError } from '@stagecraft/core';
import type { RecordHooks } from './record-hooks';

export interface RecordContext {
  database: Database;
  metadata: CompiledMetadata;
  /** Who performs the operation. */
  actor: Actor;
  /** The request it serves (request id, client address), for the audit log. */
  origin: RequestOrigin;
  now(): Date;
  /** Autonumber counters and write-lock rows known to exist, so each is created once per process. */
  knownSequences: Set<string>;
  /** Services beside the record operations (the workflow engine) hook in here. */
  hooks?: RecordHooks;
  /** Rules the writer confirmed breaking (`?confirm=overlap`): overlap rules by name. */
  confirmed?: ReadonlySet<string>;
  /** Set when the operation runs inside a caller's transaction (a process creating a related record). */
  transaction?: Transaction;
}

export function entityOf(context: RecordContext, name: string): CompiledEntity {
  const entity = context.metadata.entities.get(name);
  if (!entity) throw new NotFoundError(`There is no entity "${name}"`);
  return entity;
}

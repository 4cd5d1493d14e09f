// Moves the records running an older version of a process to the live version: every snapshot is
// checked first (a mapping that leaves a state unmapped moves nobody and answers 422 with every
// problem), then each record moves in its own transaction — snapshot, metadata version, stage
// column, timers, a transition log row and an audit row.
import { migrateSnapshot, ValidationError, type MigrationResult, type Problem, type ProcessStateValue, type StateMapping } from '@stagecraft/core';
import { changedFields } from '../audit/record-changes';
import { appendAudit } from '../audit/audit-log';
import type { Actor, RequestOrigin } from '../identity/actor';
import { recordWritePipeline } from '../records/pipeline/record-write-pipeline';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { isPlainObject } from '../records/write-input';
import { processIn } from './process-catalog';
import { listInstancesOfProcess, readInstances, updateInstance } from './process-instances';
import { processUserOf } from './process-start';
import { readRecordRow } from './record-row';
import { appendTransition } from './transition-log';
import { entityIn, recordContextOf, type WorkflowService } from './workflow-service';

export const MIGRATE_EVENT = 'stagecraft.migrate';
const MAX_RECORDS = 10_000;

export interface MigrationRequest {
  fromVersion: number;
  mapping: StateMapping;
}

export function readMigrationRequest(body: unknown): MigrationRequest {
  const problems: Problem[] = [];
  const raw = isPlainObject(body) ? body : {};
  const fromVersion = raw.fromVersion;
  if (!(typeof fromVersion === 'number' && Number.isSafeInteger(fromVersion) && fromVersion > 0)) problems.push({ path: '/fromVersion', message: 'must be a published metadata version number', code: 'type' });
  const mapping = raw.mapping === undefined ? {} : raw.mapping;
  if (!isPlainObject(mapping) || !Object.values(mapping).every((target) => typeof target === 'string')) problems.push({ path: '/mapping', message: 'must map old state paths to new ones ({ "review": "proposal" })', code: 'type' });
  if (problems.length > 0) throw new ValidationError('The migration request is not valid', problems);
  return { fromVersion: Number(fromVersion), mapping: mapping as StateMapping };
}

export interface MigrationReport {
  process: string;
  fromVersion: number;
  toVersion: number;
  migrated: number;
}

export async function migrateProcessInstances(service: WorkflowService, processName: string, request: MigrationRequest, actor: Actor, origin: RequestOrigin): Promise<MigrationReport> {
  const metadata = service.metadata();
  const toVersion = metadata.version;
  if (toVersion === null) throw new ValidationError('Nothing is published yet', [{ path: '', message: 'publish a version first', code: 'noLiveVersion' }]);
  const to = processIn(service.catalog.of(metadata), processName);
  // Instances already on the live version have nothing to move (and rewriting a row with the same
  // values changes no row on MySQL, which the update would take for a vanished instance).
  if (request.fromVersion === toVersion) return { process: processName, fromVersion: toVersion, toVersion, migrated: 0 };
  const from = processIn(await service.catalog.forVersion(request.fromVersion), processName);
  const entity = entityIn(metadata, to.document.entity);
  const instances = await listInstancesOfProcess(service.database, processName, request.fromVersion, MAX_RECORDS);
  const now = service.now();
  const input = (record: Record<string, unknown>) => ({ record, user: processUserOf(actor), now, locale: actor.locale });

  // Check every snapshot before moving any, so a bad mapping leaves all records where they were.
  const problems: Problem[] = [];
  for (const instance of instances) {
    const record = await readRecordRow(service.database, entity, instance.recordId);
    const result: MigrationResult = migrateSnapshot(from, to, instance.snapshot, request.mapping, input(record ?? {}));
    if (!result.ok) problems.push(...result.problems.map((problem) => ({ ...problem, path: `/mapping${problem.path}`, message: `${problem.message} (record ${instance.recordId})` })));
  }
  if (problems.length > 0) throw new ValidationError(`The mapping does not move every ${entity.name} record to version ${toVersion}`, problems.slice(0, 100));

  let migrated = 0;
  for (const { recordId } of instances) {
    let result: Extract<MigrationResult, { ok: true }> | undefined;
    let previous: unknown;
    // The record-write pipeline, as a transition (the stage moves): lock roll-up parents → load
    // (the locked read, the snapshot migrated) → formulas → UPDATE … WHERE version → roll-ups →
    // the instance, timers, log and audit rows (persistStep) → overlap rules → permission audit.
    const write: RecordWriteContext = {
      kind: 'transition', operation: recordContextOf(service.database, metadata, actor, origin, now), entity, id: recordId, now,
      after: {}, fields: [], sent: {}, links: new Map(), deferWrite: true, afterCommit: [],
      load: async (transaction) => {
        const record = await readRecordRow(service.database, entity, recordId, transaction, true);
        const instance = (await readInstances(service.database, entity.name, recordId, transaction, true)).find((candidate) => candidate.process === processName);
        if (!record || !instance || instance.metadataVersion !== request.fromVersion) return false;
        const migrated = migrateSnapshot(from, to, instance.snapshot, request.mapping, input(record));
        if (!migrated.ok) throw new ValidationError(`The ${entity.name} record ${recordId} changed during the migration`, migrated.problems);
        result = migrated;
        previous = (instance.snapshot as { value?: unknown }).value ?? null;
        const stageField = to.document.stageField;
        Object.assign(write, { before: record, after: { ...record, [stageField]: migrated.stage }, fields: [stageField] });
        return true;
      },
      persistStep: async (transaction) => {
        const written = write.stored;
        if (!result || !written || !write.before) return;
        const owner = { entity: entity.name, recordId, process: processName };
        await updateInstance(service.database, { ...owner, metadataVersion: toVersion, snapshot: result.snapshot }, now, transaction);
        await service.timers.apply(owner, result.timers, transaction);
        await appendTransition(service.database, {
          ...owner, metadataVersion: toVersion, event: MIGRATE_EVENT, from: previous as ProcessStateValue | null, to: result.stateValue, actor, at: now,
          recordVersion: Number(written.version), payload: { fromVersion: request.fromVersion, toVersion, mapping: request.mapping }, effects: [],
        }, transaction);
        await appendAudit(service.database, {
          action: 'transition', actor, origin, at: now, entity: entity.name, recordId,
          changes: { process: processName, event: MIGRATE_EVENT, fromVersion: request.fromVersion, toVersion, from: previous, to: result.stateValue, fields: changedFields(write.before, written, write.fields) },
        }, transaction);
      },
    };
    const moved = await service.database.transaction((transaction) => recordWritePipeline.run(write, transaction));
    if (moved) migrated += 1;
  }
  return { process: processName, fromVersion: request.fromVersion, toVersion, migrated };
}

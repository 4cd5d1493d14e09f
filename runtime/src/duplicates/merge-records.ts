// Merge, turned on by an entity's `duplicates` rules: the records in `from` (the losers) fold into
// this one (the survivor) in ONE transaction — fields chosen per request or filled from the losers
// where the survivor is empty, many-to-many links united, every reference to a loser repointed,
// the losers deleted (their processes, timers and links with them) — with a `merge` audit row on
// the survivor and a `delete` row per loser naming where it went. Needs update access to the
// survivor and delete access to each loser (404 for what the caller cannot read, 403 otherwise).
import { NotFoundError } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { auditRecordWrite } from '../audit/record-audit';
import { changedFields } from '../audit/record-changes';
import type { CompiledEntity } from '../live/compiled-types';
import { readLinks } from '../records/links';
import { deleteRecords } from '../records/operations/delete-record';
import { readRecord, recordNotFound } from '../records/operations/get-record';
import { runRecordWrite } from '../records/pipeline/record-write-pipeline';
import { staleVersion } from '../records/pipeline/versioned-update';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { entityOf, type RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { refreshRollups } from '../rollups/rollup-maintenance';
import { readMergeInput, type MergeInput } from './merge-input';
import { repointReferences, type Repointed } from './merge-references';

export interface MergeResult {
  record: RecordData;
  merged: string[];
  repointed: Repointed[];
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The survivor's values: picked ones, else its own, else the first filled loser's. */
function mergedValues(entity: CompiledEntity, survivor: RecordData, losers: readonly RecordData[], input: MergeInput): RecordData {
  const byId = new Map<string, RecordData>([[String(survivor.id), survivor], ...losers.map((loser) => [String(loser.id), loser] as const)]);
  const merged: RecordData = { ...survivor };
  const mergedIds = new Set(byId.keys());
  for (const field of entity.fieldList) {
    if (!field.isWritable) continue;
    const picked = input.fields.get(field.name);
    if (picked !== undefined) merged[field.name] = byId.get(picked)?.[field.name] ?? null;
    else if (isEmpty(survivor[field.name])) merged[field.name] = losers.map((loser) => loser[field.name]).find((value) => !isEmpty(value)) ?? survivor[field.name] ?? null;
    // A reference among the merged records would point the survivor at itself or at a deleted record.
    const reference = entity.references.find((candidate) => candidate.field === field);
    if (reference?.target === entity.name && mergedIds.has(String(merged[field.name]))) merged[field.name] = null;
  }
  return merged;
}

export async function mergeRecords(context: RecordContext, entityName: string, survivorId: string, body: unknown, options: { expectedVersion?: number } = {}): Promise<MergeResult> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  await requireRecordAccess(context, entity, survivorId, 'update', () => recordNotFound(entity, survivorId));
  if (!entity.document.duplicates) throw new NotFoundError(`${entity.name} records do not merge (the entity declares no duplicate rules)`);
  const input = readMergeInput(entity, access, survivorId, body);
  for (const id of input.from) await requireRecordAccess(context, entity, id, 'delete', () => recordNotFound(entity, id));
  const expectedVersion = options.expectedVersion ?? input.expectedVersion;

  let repointed: Repointed[] = [];
  // The record-write pipeline, kind `merge`, for the survivor: lock roll-up parents → load (the
  // locked reads; the losers folded in and deleted) → formulas → UPDATE … WHERE version →
  // roll-ups → overlap rules → timers → links → the `merge` audit row.
  const write: RecordWriteContext = {
    kind: 'merge', operation: context, entity, id: survivorId, now: context.now(), after: {}, fields: [], sent: {}, links: new Map(), afterCommit: [],
    audit: { note: { mergedFrom: input.from } },
    load: async (transaction) => {
      const all = { fields: entity.fieldList, sql: entity.selectAll };
      const rows = new Map<string, RecordData>();
      for (const id of [survivorId, ...input.from].sort()) {
        const row = await readRecord(context, entity, id, all, transaction, true);
        if (!row) throw recordNotFound(entity, id);
        rows.set(id, row);
      }
      const survivor = rows.get(survivorId) as RecordData;
      if (expectedVersion !== undefined && survivor.version !== expectedVersion) throw staleVersion(entity, survivorId, survivor.version);
      const losers = input.from.map((id) => rows.get(id) as RecordData);

      write.links = await unitedLinks(context, entity, survivorId, input.from, transaction);
      repointed = await repointReferences(context, entity, survivorId, input.from, transaction);
      const rollupRows = new Map<CompiledEntity, RecordData[]>();
      await deleteRecords(context, entity, [...input.from], transaction, new Set(), rollupRows);
      for (const [child, childRows] of rollupRows) await refreshRollups(context, child, childRows, transaction);
      for (const loser of losers) {
        await auditRecordWrite(context, transaction, 'delete', entity.name, String(loser.id), { ...changedFields(loser, {}, Object.keys(loser)), mergedInto: { entity: entity.name, id: survivorId } });
      }
      const merged = mergedValues(entity, survivor, losers, input);
      write.before = survivor;
      write.after = merged;
      write.fields = entity.fieldList.filter((field) => !field.isSystem && JSON.stringify(merged[field.name] ?? null) !== JSON.stringify(survivor[field.name] ?? null)).map((field) => field.name);
      return true;
    },
  };
  await runRecordWrite(write);
  return { record: withoutHiddenFields(write.stored ?? {}, access), merged: input.from, repointed };
}

/** Each many-to-many relation's targets: the survivor's and the losers', united. */
async function unitedLinks(context: RecordContext, entity: CompiledEntity, survivorId: string, losers: readonly string[], transaction: Transaction): Promise<Map<string, string[]>> {
  const names = [...entity.relations.values()].filter((relation) => relation.kind === 'manyToMany').map((relation) => relation.name);
  const united = await readLinks(context, entity, survivorId, names, transaction);
  for (const loser of losers) {
    for (const [name, ids] of await readLinks(context, entity, loser, names, transaction)) united.set(name, [...new Set([...(united.get(name) ?? []), ...ids])].sort());
  }
  return united;
}

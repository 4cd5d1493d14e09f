// The record layer's own write phases: the path's load, reference checks, autonumbers,
// formulas, the row itself, many-to-many links and the audit row. Capabilities beside the
// record layer (roll-ups, duplicates, overlap rules…) register theirs in their own files.
import type { Transaction } from 'sequelize';
import { auditRecordWrite } from '../../audit/record-audit';
import { changedFields, type FieldChanges } from '../../audit/record-changes';
import type { CompiledEntity } from '../../live/compiled-types';
import { assignAutonumbers, prepareAutonumbers } from '../autonumbers';
import { computeFormulas } from '../formulas';
import { readLinks, writeLinks } from '../links';
import { deleteRecords } from '../operations/delete-record';
import { encodeValue, storedValue, type RecordData } from '../record-rows';
import { checkEffectReferences, checkReferences, hasReferencesToCheck } from '../reference-checks';
import { updateVersioned, writtenColumns } from './versioned-update';
import type { RecordWriteContext } from './write-context';
import type { RecordWritePhase } from './write-pipeline';
import type { WriteKind } from './write-phases';

/** The row as read before the write; a phase after `load` on a path that changes a row may rely on it. */
export function beforeOf(context: RecordWriteContext): RecordData {
  if (!context.before) throw new Error(`A ${context.kind} of ${context.entity.name} "${context.id}" has no current row (load did not read it)`);
  return context.before;
}

function storedRecord(entity: CompiledEntity, record: RecordData): RecordData {
  const stored: RecordData = {};
  for (const field of entity.fieldList) stored[field.name] = storedValue(field, record[field.name]);
  return stored;
}

/** What the write changed, by field, computed once for the audit phases. */
export function fieldChangesOf(context: RecordWriteContext): FieldChanges {
  if (context.changes) return context.changes;
  const stored = context.stored ?? context.after;
  if (context.kind === 'create') return (context.changes = changedFields({}, stored, Object.keys(stored)));
  const before: RecordData = { ...beforeOf(context), ...Object.fromEntries(context.linksBefore ?? []) };
  if (context.kind === 'delete') return (context.changes = changedFields(before, {}, Object.keys(before)));
  // Link sets compare as sets: both sides sorted.
  const after: RecordData = { ...stored };
  for (const [name, ids] of context.links) after[name] = [...ids].sort();
  const names = [...writtenColumns(context.entity, context.fields).map((field) => field.name), ...context.links.keys()];
  return (context.changes = changedFields(before, after, names));
}

const AUDIT_ACTION: Readonly<Record<WriteKind, 'create' | 'update' | 'delete' | 'transition' | 'merge' | 'ownerChange' | 'convert'>> = {
  create: 'create', update: 'update', delete: 'delete', transition: 'transition', timer: 'transition', merge: 'merge', reassign: 'ownerChange', assign: 'ownerChange', convert: 'convert',
};

async function writeRow(context: RecordWriteContext, transaction: Transaction): Promise<void> {
  const { entity, operation } = context;
  if (context.kind === 'create') {
    await operation.database.insert(entity.insertSql, entity.fieldList.map((field) => encodeValue(field, context.after[field.name])), transaction);
  } else if (context.kind === 'delete') {
    context.deleted = new Set();
    context.deletedRollupRows = new Map();
    await deleteRecords(operation, entity, [context.id], transaction, context.deleted, context.deletedRollupRows);
    return;
  } else {
    const before = beforeOf(context);
    context.after.version = Number(before.version) + 1;
    context.after.updatedAt = context.now.toISOString();
    const columns = writtenColumns(entity, context.fields);
    await updateVersioned(operation.database, entity, { id: context.id, version: before.version, columns, values: context.after, defer: context.deferWrite === true }, transaction);
  }
  context.stored = storedRecord(entity, context.after);
}

export const recordPhases: readonly RecordWritePhase[] = [
  {
    name: 'load',
    async run(context, transaction) {
      if (context.load && !(await context.load(transaction))) context.stopped = true;
    },
  },
  {
    name: 'references',
    async run(context, transaction) {
      // What a process set counts whoever may read it; what the writer sent, only what they may read.
      if (context.effects) await checkEffectReferences(context.operation, context.entity, context.after, context.effects.names, context.effects.process, transaction);
      if (hasReferencesToCheck(context.entity, context.sent, context.links)) await checkReferences(context.operation, context.entity, context.sent, context.links, transaction);
    },
  },
  {
    name: 'autonumbers',
    // Counters are created before the transaction (creation may race with other processes).
    prepare: (context) => prepareAutonumbers(context.operation, context.entity),
    run: (context, transaction) => assignAutonumbers(context.operation, context.entity, context.after, transaction),
  },
  {
    name: 'formulas',
    run: async (context) => computeFormulas(context.entity, context.after, context.now),
  },
  { name: 'write', run: writeRow },
  {
    name: 'links',
    async run(context, transaction) {
      if (context.links.size === 0) return;
      const { entity, operation, id } = context;
      const isNew = context.kind === 'create';
      if (!isNew) context.linksBefore = await readLinks(operation, entity, id, context.links.keys(), transaction);
      await writeLinks(operation, entity, id, context.links, transaction, !isNew);
      if (context.stored) for (const [name, ids] of context.links) context.stored[name] = ids;
    },
  },
  {
    name: 'audit',
    async run(context, transaction) {
      const { entity, operation, id } = context;
      const action = context.audit?.action ?? AUDIT_ACTION[context.kind];
      const changes = context.audit?.changes ?? fieldChangesOf(context);
      await auditRecordWrite(operation, transaction, action, entity.name, id, { ...changes, ...context.audit?.note });
      // A delete's cascade: one row per record it took along, naming the record asked for.
      for (const key of context.deleted ?? []) {
        const separator = key.indexOf(':');
        const [cascadedEntity, cascadedId] = [key.slice(0, separator), key.slice(separator + 1)];
        if (cascadedEntity !== entity.name || cascadedId !== id) await auditRecordWrite(operation, transaction, 'delete', cascadedEntity, cascadedId, { cascadedFrom: { entity: entity.name, id } });
      }
    },
  },
];

// Conversion, declared by an entity's `conversion` metadata (a lead becomes an account, a contact
// and optionally an opportunity): ONE transaction that locks the source row, refuses a record
// already converted (409 `alreadyConverted`: two converts at once, one wins), then per target
// attaches the record the request names, or the readable record matching `matchOn`, or creates
// one through the ordinary create pipeline (create permission, validation, duplicates, process
// start, audit), and finally writes the link fields and `set` values on the source with its audit
// row — the source through the record-write pipeline (kind `convert`). Needs update access to the source (404 / 403 as for any write).
import {
  ConflictError, NotFoundError, StagecraftError, ValidationError, compileExpression, isTruthy,
  type ConversionDefinition, type ConversionTargetDefinition,
} from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableWhere, requireRecordAccess } from '../access/record-access';
import { withoutHiddenFields } from '../access/visible-entity';
import { BindParameters } from '../db/database';
import { DuplicateRecordError } from '../duplicates/duplicate-error';
import { findMatchingRecordId } from '../duplicates/duplicate-matching';
import type { CompiledEntity } from '../live/compiled-types';
import { prepareAutonumbers } from '../records/autonumbers';
import { createRecord } from '../records/operations/create-record';
import { readRecord, recordNotFound } from '../records/operations/get-record';
import { runRecordWrite } from '../records/pipeline/record-write-pipeline';
import { staleVersion } from '../records/pipeline/versioned-update';
import type { RecordWriteContext } from '../records/pipeline/write-context';
import { entityOf, type RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { readConversionInput, type TargetRequest } from './conversion-input';

export interface ConvertedTarget {
  entity: string;
  id: string;
  /** false when an existing record was attached. */
  created: boolean;
}

export interface ConversionResult {
  record: RecordData;
  targets: Record<string, ConvertedTarget>;
}

function conversionOf(entity: CompiledEntity): ConversionDefinition {
  const conversion = entity.document.conversion;
  if (!conversion) throw new NotFoundError(`${entity.name} records do not convert (the entity declares no conversion)`);
  return conversion;
}

export async function convertRecord(context: RecordContext, entityName: string, id: string, body: unknown, options: { expectedVersion?: number } = {}): Promise<ConversionResult> {
  const entity = entityOf(context, entityName);
  await requireRecordAccess(context, entity, id, 'update', () => recordNotFound(entity, id));
  const conversion = conversionOf(entity);
  const input = readConversionInput(body, conversion);
  const expectedVersion = options.expectedVersion ?? input.expectedVersion;
  // Counters are created outside the transaction (SQLite has one writer: inside it, this would wait on itself).
  for (const target of conversion.targets) await prepareAutonumbers(context, entityOf(context, target.entity));

  let targets: Record<string, ConvertedTarget> = {};
  // The record-write pipeline, kind `convert`, for the source: lock roll-up parents → load (the
  // locked read, the checks, the targets attached or created through the create pipeline in this
  // transaction) → formulas → UPDATE … WHERE version → roll-ups → overlap rules → timers → the
  // `convert` audit row.
  const write: RecordWriteContext = {
    kind: 'convert', operation: context, entity, id, now: context.now(), after: {}, fields: [], sent: {}, links: new Map(), afterCommit: [],
    load: async (transaction) => {
      const inside: RecordContext = { ...context, transaction };
      const source = await readRecord(inside, entity, id, { fields: entity.fieldList, sql: entity.selectAll }, transaction, true);
      if (!source) throw recordNotFound(entity, id);
      if (expectedVersion !== undefined && source.version !== expectedVersion) throw staleVersion(entity, id, source.version);
      const converted = conversion.targets.filter((target) => source[target.link] !== null && source[target.link] !== undefined);
      if (converted.length > 0) {
        throw new ConflictError(`This ${entity.name} has already been converted`, converted.map((target) => ({ path: `/${target.link}`, message: `already converted into ${target.entity} "${String(source[target.link])}"`, code: 'alreadyConverted' })));
      }
      if (conversion.when !== undefined && !isTruthy(compileExpression(conversion.when).evaluate(source, { now: context.now() }))) {
        throw new ValidationError(`This ${entity.name} cannot be converted yet`, [{ path: '', message: `the conversion needs ${conversion.when}`, code: 'notConvertible' }]);
      }
      const produced: Record<string, ConvertedTarget> = {};
      const visibleSource = withHiddenFieldsEmpty(context, entity, source);
      for (const target of conversion.targets) {
        const request = input.targets.get(target.name) ?? { values: {} };
        if (target.optional === true && request.create !== true && request.id === undefined) continue;
        produced[target.name] = await produceTarget(inside, visibleSource, target, request, produced, transaction);
      }
      targets = produced;
      const after: RecordData = { ...source, ...(conversion.set ?? {}) };
      for (const target of conversion.targets) if (produced[target.name]) after[target.link] = produced[target.name]?.id;
      Object.assign(write, {
        before: source, after, fields: [...Object.keys(conversion.set ?? {}), ...conversion.targets.map((target) => target.link)], audit: { note: { convertedInto: produced } },
      });
      return true;
    },
  };
  await runRecordWrite(write);
  return { record: withoutHiddenFields(write.stored ?? {}, accessOf(context, entity)), targets };
}

/** The source as the converting user sees it: a field hidden from them maps as empty, or the new records would show it. */
function withHiddenFieldsEmpty(context: RecordContext, entity: CompiledEntity, source: RecordData): RecordData {
  const access = accessOf(context, entity);
  const visible: RecordData = { ...source };
  for (const field of entity.fieldList) if (access.fieldAccess(field.name) === 'hidden') visible[field.name] = null;
  return visible;
}

async function produceTarget(context: RecordContext, source: RecordData, target: ConversionTargetDefinition, request: TargetRequest, earlier: Readonly<Record<string, ConvertedTarget>>, transaction: Transaction): Promise<ConvertedTarget> {
  const entity = entityOf(context, target.entity);
  const path = `/targets/${target.name}`;
  if (request.id !== undefined) {
    const existing = await readRecord(context, entity, request.id, { fields: [], sql: context.database.quote('id') }, transaction, false, (params: BindParameters) => readableWhere(context, entity, params));
    if (!existing) throw new ValidationError(`There is no ${entity.name} "${request.id}" to attach`, [{ path: `${path}/id`, message: `no ${entity.name} record has this id`, code: 'unknownRecord' }]);
    return { entity: entity.name, id: request.id, created: false };
  }
  const values = mappedValues(context, entity, source, target, earlier);
  if (target.matchOn && request.create !== true) {
    const match = await findMatchingRecordId(context, entity, target.matchOn, values, transaction);
    if (match !== undefined) return { entity: entity.name, id: match, created: false };
  }
  try {
    const created = await createRecord(context, entity.name, { ...values, ...request.values });
    return { entity: entity.name, id: String(created.id), created: true };
  } catch (error) {
    // A conversion racing this one created the match after our lookup (its snapshot is older than
    // the duplicate check's lock): the committed match is attached, as if it had been found.
    if (error instanceof DuplicateRecordError && target.matchOn && request.create !== true) {
      const match = await findMatchingRecordId(context, entity, target.matchOn, values);
      if (match !== undefined) return { entity: entity.name, id: match, created: false };
    }
    // Problems point into the request: the values the target would have had.
    if (error instanceof StagecraftError && error.details.length > 0) {
      error.details.forEach((problem) => { problem.path = `${path}/values${problem.path}`; });
    }
    throw error;
  }
}

/** The target's fields from the mapping; fields the actor may not write are left to the server (the creator owns what they create). */
function mappedValues(context: RecordContext, entity: CompiledEntity, source: RecordData, target: ConversionTargetDefinition, earlier: Readonly<Record<string, ConvertedTarget>>): RecordData {
  const access = accessOf(context, entity);
  const values: RecordData = {};
  for (const [field, expression] of Object.entries(target.fields ?? {})) {
    if (access.fieldAccess(field) !== 'editable') continue;
    const value = compileExpression(expression).evaluate(source, { now: context.now() });
    if (value !== null && value !== undefined && value !== '') values[field] = value;
  }
  for (const [field, targetName] of Object.entries(target.references ?? {})) {
    const produced = earlier[targetName];
    if (produced) values[field] = produced.id;
  }
  return values;
}

// Imports rows into an entity through the ordinary record operations (access, validation,
// formulas, roll-ups, duplicates, processes, audit), so an imported record is exactly one created
// or changed through the API. Atomic imports and dry runs share one transaction, each row in a
// savepoint so a failed row leaves nothing behind for the rows after it to see; the transaction
// commits only when nothing failed (atomic) and never on a dry run. Otherwise each row is written
// on its own and reported on its own. Upserts find the record by `id` or by a field's value, among
// the records the caller may update only: a record outside that scope answers exactly as a missing
// value does (created, or notFound for an id), so an upsert or a dry run cannot probe which names,
// amounts or ids exist beyond what the caller may see.
import { NotFoundError, StagecraftError, ValidationError, type Problem } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableAccess, requireOperation, rowAccess } from '../access/record-access';
import { BindParameters } from '../db/database';
import type { CompiledEntity } from '../live/compiled-types';
import { prepareAutonumbers } from '../records/autonumbers';
import { createRecord } from '../records/operations/create-record';
import { updateRecord } from '../records/operations/update-record';
import { entityOf, type RecordContext } from '../records/record-context';
import { pointerSegment } from '../records/validation-problems';
import { requireImportKey } from './import-key';
import { readImportRows, type ImportRow, type ImportSource } from './import-rows';

export interface ImportOptions {
  /** Validate every row as if writing it, then write nothing. */
  dryRun: boolean;
  mode: 'create' | 'upsert';
  /** Upsert: `id` or the field whose value finds the record to update. */
  key?: string;
  /** All rows or none (default); otherwise each row on its own. */
  atomic: boolean;
}

export interface ImportRowResult {
  row: number;
  id?: string;
  action: 'created' | 'updated' | 'failed';
  errors?: Problem[];
}

export interface ImportReport {
  created: number;
  updated: number;
  failed: number;
  dryRun: boolean;
  rows: ImportRowResult[];
}

const SAVEPOINT = 'stagecraft_import_row';

/** Thrown inside the transaction to roll it back once the report is complete. */
class RollBack extends Error {}

export async function importRecords(context: RecordContext, entityName: string, source: ImportSource, options: ImportOptions): Promise<ImportReport> {
  const entity = entityOf(context, entityName);
  const access = accessOf(context, entity);
  requireOperation(access, 'import');
  requireOperation(access, 'create');
  if (options.mode === 'upsert') requireOperation(access, 'update');
  const key = requireImportKey(entity, access, options);
  const rows = readImportRows(entity, access, source, key);
  const report: ImportReport = { created: 0, updated: 0, failed: 0, dryRun: options.dryRun, rows: [] };
  const importer = new RowImporter(context, entity, key);
  if (!options.dryRun && !options.atomic) {
    for (const row of rows) report.rows.push(await importer.run(row, undefined));
  } else {
    // Counters are created outside the transaction: on SQLite a write beside it would wait for it.
    await prepareAutonumbers(context, entity);
    await context.database.transaction(async (transaction) => {
      for (const row of rows) report.rows.push(await importer.inSavepoint(row, transaction));
      if (options.dryRun || report.rows.some((row) => row.action === 'failed')) throw new RollBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  }
  for (const row of report.rows) report[row.action] += 1;
  if (options.dryRun) for (const row of report.rows) if (row.action === 'created') delete row.id;
  if (options.atomic && !options.dryRun && report.failed > 0) {
    const details = report.rows.flatMap((row) => (row.errors ?? []).map((problem) => ({ ...problem, path: `/rows${problem.path}` })));
    throw new ValidationError(`${report.failed} of ${report.rows.length} rows cannot be imported; nothing was imported`, details);
  }
  return report;
}

class RowImporter {
  constructor(
    private readonly context: RecordContext,
    private readonly entity: CompiledEntity,
    private readonly key: string | undefined,
  ) {}

  async inSavepoint(row: ImportRow, transaction: Transaction): Promise<ImportRowResult> {
    await this.context.database.execute(`SAVEPOINT ${SAVEPOINT}`, transaction);
    const result = await this.run(row, transaction);
    if (result.action === 'failed') await this.context.database.execute(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`, transaction);
    await this.context.database.execute(`RELEASE SAVEPOINT ${SAVEPOINT}`, transaction);
    return result;
  }

  /** Writes one row; a refusal of the record operations becomes the row's errors, anything else propagates. */
  async run(row: ImportRow, transaction: Transaction | undefined): Promise<ImportRowResult> {
    if (row.problems.length > 0) return failed(row, row.problems);
    const context: RecordContext = transaction ? { ...this.context, transaction } : this.context;
    const values = { ...row.values };
    const keyValue = this.key === undefined ? undefined : this.key === 'id' ? (row.id ?? values.id) : values[this.key];
    // The key itself is not written when nobody writes it (id, an autonumber): it only finds the record.
    const isKeyWritten = this.key !== undefined && this.entity.fields.get(this.key)?.isWritable === true;
    if (this.key !== undefined && !isKeyWritten) delete values[this.key];
    if (keyValue !== null && typeof keyValue === 'object') return failed(row, [{ path: `/${pointerSegment(String(this.key))}`, message: 'must be one value to match records by', code: 'type' }]);
    let target: string | undefined;
    try {
      if (this.key !== undefined && keyValue !== undefined && keyValue !== null) target = await this.findTarget(keyValue, transaction);
      if (target === undefined) {
        const created = await createRecord(context, this.entity.name, values);
        return { row: row.row, id: String(created.id), action: 'created' };
      }
      for (const name of row.emptied) if (name !== this.key || isKeyWritten) values[name] = null;
      // An exported row's version: the record must not have changed since the export (else 409 staleVersion).
      if (row.version !== undefined) values.version = row.version;
      await updateRecord(context, this.entity.name, target, values).catch((error: unknown) => {
        // Someone else's record: told exactly as if nothing matched.
        throw isRecordRefusal(error) ? this.noMatch(keyValue) : error;
      });
      return { row: row.row, id: target, action: 'updated' };
    } catch (error) {
      if (!(error instanceof StagecraftError)) throw error;
      const problems = error.details.length > 0 ? error.details : [{ path: '', message: error.message, code: error.code }];
      return failed(row, problems);
    }
  }

  /** The record the key value names, or undefined to create one (never for `id`: ids are the server's to give). */
  private async findTarget(value: unknown, transaction: Transaction | undefined): Promise<string | undefined> {
    const key = this.key as string;
    const field = this.entity.fields.get(key);
    if (!field) return undefined;
    const q = (identifier: string): string => this.context.database.quote(identifier);
    const params = new BindParameters();
    const conditions = [`${field.sql} = ${params.add(field.codec.toColumn(value, field.scale))}`];
    // Only records the caller may both read and change: anything else is, to them, no record at all.
    for (const decision of [readableAccess(this.context, this.entity, params), rowAccess(this.context, this.entity, 'update', params)]) {
      if (decision.kind === 'none') return this.noTarget(value);
      if (decision.kind === 'where') conditions.push(decision.sql);
    }
    const rows = await this.context.database.select(`SELECT ${q('id')} FROM ${this.entity.tableSql} WHERE ${conditions.join(' AND ')} LIMIT 2`, params.values, transaction);
    if (rows.length > 1) throw new ValidationError('Ambiguous key', [{ path: `/${pointerSegment(key)}`, message: `more than one ${this.entity.name} record has this ${key}; match by a unique field or by id`, code: 'ambiguousKey' }]);
    const id = rows[0]?.id;
    if (id === undefined || id === null) return this.noTarget(value);
    return String(id);
  }

  /** No record matches: create one, except for an id (ids are the server's to give). */
  private noTarget(value: unknown): undefined {
    if (this.key === 'id') throw this.noMatch(value);
    return undefined;
  }

  private noMatch(value: unknown): NotFoundError {
    const key = this.key as string;
    return new NotFoundError('No such record', [{ path: `/${pointerSegment(key)}`, message: `there is no ${this.entity.name} record with ${key} "${String(value)}" that you may change`, code: 'notFound' }]);
  }
}

function failed(row: ImportRow, problems: readonly Problem[]): ImportRowResult {
  return { row: row.row, action: 'failed', errors: problems.map((problem) => ({ path: `/${row.row}${problem.path}`, message: problem.message, ...(problem.code ? { code: problem.code } : {}) })) };
}

/** 404 (cannot read it) or a bare 403 (can read, may not change it): both say only "no record". Field 403s name fields. */
function isRecordRefusal(error: unknown): boolean {
  return error instanceof StagecraftError && (error.status === 404 || (error.status === 403 && error.details.length === 0));
}

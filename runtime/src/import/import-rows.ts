// An import's body → rows of record values. JSON (`{"records": [{…}, …]}`) is taken as written,
// as the record API takes it. CSV (a header row of field names, then a record per row, as the
// export writes it) is typed by field: numbers, booleans, `;`-separated lists and many-to-many ids;
// the apostrophe the export puts before text a spreadsheet would run as a formula is dropped again;
// the columns an export adds that nobody writes (createdAt, updatedAt, formulas, autonumbers) are
// skipped, while `id` and `version` serve upserts by id only. An empty cell writes nothing on
// create (defaults apply) and clears the field on update.
import { BadRequestError, FORMULA_DEFUSED, parseCsv, PayloadTooLargeError, type EntityAccess, type Problem } from '@stagecraft/core';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import { isPlainObject } from '../records/write-input';

/** Most rows one request may import; bigger files go in parts. */
export const MAX_IMPORT_ROWS = 5000;

export type ImportSource = { format: 'csv'; text: string } | { format: 'json'; body: unknown };

export interface ImportRow {
  /** CSV: the line the row starts on (the header is line 1). JSON: the record's 1-based position. */
  row: number;
  /** Values as a record body. */
  values: Record<string, unknown>;
  /** Fields whose cell was empty: left out on create, cleared on update. */
  emptied: string[];
  /** What is wrong with the row before any field is looked at (a short or long CSV row). */
  problems: Problem[];
  /** CSV: the `id` and `version` columns an export writes, for upserts by id (ignored when creating). */
  id?: string;
  version?: unknown;
}

/** Columns an export writes that are the server's to set; `id` and `version` serve updates. */
const SERVER_SET = new Set(['createdAt', 'updatedAt']);
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `key`: the upsert's key column, read even when it is a field nobody writes (an autonumber). */
export function readImportRows(entity: CompiledEntity, access: EntityAccess, source: ImportSource, key?: string): ImportRow[] {
  return source.format === 'json' ? jsonRows(source.body) : csvRows(entity, access, source.text, key);
}

function jsonRows(body: unknown): ImportRow[] {
  const records = isPlainObject(body) ? body.records : undefined;
  if (!Array.isArray(records)) throw new BadRequestError('Send the records to import as {"records": [{…}, …]}', [{ path: '/records', message: 'must be a list of records', code: 'type' }]);
  requireRowLimit(records.length);
  return records.map((record: unknown, index) => {
    const row = index + 1;
    if (isPlainObject(record)) return { row, values: { ...record }, emptied: [], problems: [] };
    return { row, values: {}, emptied: [], problems: [{ path: '', message: 'must be a record (a JSON object)', code: 'type' }] };
  });
}

function csvRows(entity: CompiledEntity, access: EntityAccess, text: string, key: string | undefined): ImportRow[] {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new BadRequestError('The CSV file is empty: it needs a header row of field names', [{ path: '/header', message: 'is missing', code: 'required' }]);
  requireRowLimit(records.length);
  const names = header.cells.map((name) => name.trim());
  const headerProblems: Problem[] = [];
  names.forEach((name, index) => {
    if (name === '') headerProblems.push({ path: `/header/${index}`, message: 'a column needs a field name', code: 'required' });
    else if (names.indexOf(name) !== index) headerProblems.push({ path: `/header/${index}`, message: `"${name}" is named twice`, code: 'duplicateName' });
  });
  if (key !== undefined && key !== 'id' && !names.includes(key)) headerProblems.push({ path: '/key', message: `the file needs a "${key}" column to match records by`, code: 'required' });
  if (headerProblems.length > 0) throw new BadRequestError('The CSV header row is not valid', headerProblems);
  const skipped = new Set(names.filter((name) => name !== key && isSkippedColumn(entity, access, name)));
  return records.map((record) => {
    const row: ImportRow = { row: record.line, values: {}, emptied: [], problems: [] };
    if (record.cells.length !== names.length) row.problems.push({ path: '', message: `has ${record.cells.length} cells, the header ${names.length}`, code: 'columnCount' });
    names.forEach((name, index) => {
      const text = record.cells[index] ?? '';
      if (skipped.has(name)) return;
      if (name === 'id') {
        if (text !== '') row.id = text.trim();
      } else if (name === 'version') {
        if (text !== '') row.version = cellValue(entity, name, text);
      } else if (text === '') {
        row.emptied.push(name);
      } else {
        row.values[name] = cellValue(entity, name, text);
      }
    });
    return row;
  });
}

function requireRowLimit(count: number): void {
  if (count > MAX_IMPORT_ROWS) throw new PayloadTooLargeError(`An import takes at most ${MAX_IMPORT_ROWS} records per request; this one has ${count}: send it in parts`);
}

/** Skipped: server-set system columns and the visible fields nobody writes. Hidden ones stay, to be refused. */
function isSkippedColumn(entity: CompiledEntity, access: EntityAccess, name: string): boolean {
  if (SERVER_SET.has(name)) return true;
  const field = entity.fields.get(name);
  return field !== undefined && !field.isSystem && !field.isWritable && access.fieldAccess(name) !== 'hidden';
}

function undefused(text: string): string {
  return FORMULA_DEFUSED.test(text) ? text.slice(1) : text;
}

/** One cell's text as the value a JSON body would carry; text that fits no type is left for validation to name. */
export function cellValue(entity: CompiledEntity, name: string, text: string): unknown {
  const field: CompiledField | undefined = entity.fields.get(name);
  if (entity.relations.get(name)?.kind === 'manyToMany' || field?.kind === 'list') {
    return text.split(';').map((item) => undefused(item.trim())).filter((item) => item !== '');
  }
  const value = undefused(text);
  switch (field?.kind) {
    case 'integer':
    case 'number':
      return NUMBER.test(value.trim()) ? Number(value.trim()) : value;
    case 'boolean': {
      const word = value.trim().toLowerCase();
      return word === 'true' ? true : word === 'false' ? false : value;
    }
    default:
      return value;
  }
}

// Likely duplicates of a record by its entity's `duplicates` rules: two records match on a rule
// when every field of the rule is filled and equal once normalised — e-mails lower-cased, phones
// reduced to digits, text lower-cased without spaces and punctuation, references exactly. The same
// normalisation is written once in JavaScript (for the record at hand) and once in SQL (for the
// table, portable to SQLite and MySQL: LOWER and REPLACE only). Only records the actor may read
// are candidates, and a rule reading a field hidden from the actor is not used, so neither the
// answer nor its absence tells them anything they could not see.
import type { DuplicateRuleDefinition } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf, readableAccess } from '../access/record-access';
import { BindParameters, type Database } from '../db/database';
import type { CompiledEntity, CompiledField } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';

export interface DuplicateCandidate {
  id: string;
  /** The candidate's display field, when the actor may see it. */
  label: string | null;
  /** Names of the rules it matches on. */
  matchedOn: string[];
  /** The fields those rules compare. */
  fields: string[];
}

type Normalisation = 'email' | 'phone' | 'text' | 'exact';

/** Characters ignored when comparing text (and, for phones, everything a phone pattern allows besides digits). */
const TEXT_IGNORED = [' ', '.', ',', '-', '_', '\'', '"', '&', '(', ')', '/', '!', '?', ':', ';'];
const PHONE_IGNORED = [' ', '-', '(', ')', '+', '.', '/'];
/** Most candidates listed: a merge takes a handful, not hundreds. */
export const MAX_CANDIDATES = 20;

function normalisationOf(field: CompiledField): Normalisation {
  switch (field.definition?.type) {
    case 'email': return 'email';
    case 'phone': return 'phone';
    case 'string':
    case 'url': return 'text';
    default: return 'exact';
  }
}

function without(text: string, characters: readonly string[]): string {
  let result = text;
  for (const character of characters) result = result.split(character).join('');
  return result;
}

/** ASCII lower-casing, as SQLite's LOWER does, so both sides agree. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

/** The comparable form of a value, or null when it is empty (an empty field matches nothing). */
export function normalisedValue(field: CompiledField, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const normalised = {
    email: () => lowerAscii(text.trim()),
    phone: () => without(text, PHONE_IGNORED),
    text: () => lowerAscii(without(text, TEXT_IGNORED)),
    exact: () => text,
  }[normalisationOf(field)]();
  return normalised === '' ? null : normalised;
}

function normalisedSql(database: Database, field: CompiledField): string {
  const strip = (sql: string, characters: readonly string[]): string =>
    characters.reduce((inner, character) => `REPLACE(${inner}, '${character.replace(/'/g, '\'\'')}', '')`, sql);
  switch (normalisationOf(field)) {
    case 'email': return `LOWER(TRIM(${field.sql}))`;
    case 'phone': return strip(field.sql, PHONE_IGNORED);
    case 'text': return `LOWER(${strip(field.sql, TEXT_IGNORED)})`;
    case 'exact': return database.dialect === 'mysql' ? `BINARY ${field.sql}` : field.sql;
  }
}

/** The rules the actor may use: every field of the rule visible to them. */
function usableRules(context: RecordContext, entity: CompiledEntity): DuplicateRuleDefinition[] {
  const access = accessOf(context, entity);
  return (entity.document.duplicates?.rules ?? []).filter((rule) => rule.fields.every((name) => access.fieldAccess(name) !== 'hidden'));
}

/**
 * What `record` would be matched on: one key per rule whose fields are all filled (the rule's name
 * and its normalised values), whoever asks — the write locks of a create are taken on these.
 */
export function duplicateKeysOf(entity: CompiledEntity, record: RecordData): string[] {
  const keys: string[] = [];
  for (const rule of entity.document.duplicates?.rules ?? []) {
    const values = rule.fields.map((name) => {
      const field = entity.fields.get(name);
      return field ? normalisedValue(field, record[name]) : null;
    });
    if (values.every((value): value is string => value !== null)) keys.push(JSON.stringify([rule.name, ...values]));
  }
  return keys;
}

/** Readable records of the entity that match `record` on some rule (other than `excludeId`). */
export async function findDuplicateCandidates(context: RecordContext, entity: CompiledEntity, record: RecordData, excludeId: string | undefined, transaction?: Transaction): Promise<DuplicateCandidate[]> {
  const params = new BindParameters();
  const applicable: Array<{ rule: DuplicateRuleDefinition; fields: CompiledField[]; values: string[] }> = [];
  for (const rule of usableRules(context, entity)) {
    const fields = rule.fields.map((name) => entity.fields.get(name)).filter((field): field is CompiledField => field !== undefined);
    const values = fields.map((field) => normalisedValue(field, record[field.name]));
    if (fields.length === rule.fields.length && values.every((value): value is string => value !== null)) applicable.push({ rule, fields, values });
  }
  if (applicable.length === 0) return [];
  const readable = readableAccess(context, entity, params);
  if (readable.kind === 'none') return [];
  const anyRule = applicable.map(({ fields, values }) => `(${fields.map((field, index) => `${normalisedSql(context.database, field)} = ${params.add(values[index])}`).join(' AND ')})`);
  const conditions = [`(${anyRule.join(' OR ')})`];
  const q = (identifier: string): string => context.database.quote(identifier);
  if (excludeId !== undefined) conditions.push(`${q('id')} <> ${params.add(excludeId)}`);
  if (readable.kind === 'where') conditions.push(readable.sql);
  const labelField = labelFieldOf(context, entity);
  const columns = new Set<CompiledField>([...applicable.flatMap(({ fields }) => fields), ...(labelField ? [labelField] : [])]);
  const rows = await context.database.select(
    `SELECT ${q('id')}, ${[...columns].map((field) => field.sql).join(', ')} FROM ${entity.tableSql} WHERE ${conditions.join(' AND ')} ORDER BY ${q('id')} LIMIT ${MAX_CANDIDATES}`,
    params.values,
    transaction,
  );
  return rows.map((row) => {
    const matching = applicable.filter(({ fields, values }) => fields.every((field, index) => normalisedValue(field, field.codec.fromColumn(row[field.column])) === values[index]));
    const label = labelField ? labelField.codec.fromColumn(row[labelField.column]) : null;
    return {
      id: String(row.id),
      label: label === null || label === undefined ? null : String(label),
      matchedOn: matching.map(({ rule }) => rule.name),
      fields: [...new Set(matching.flatMap(({ rule }) => rule.fields))],
    };
  });
}

function labelFieldOf(context: RecordContext, entity: CompiledEntity): CompiledField | undefined {
  const name = entity.document.displayField;
  if (name === undefined || accessOf(context, entity).fieldAccess(name) === 'hidden') return undefined;
  return entity.fields.get(name);
}

/**
 * The first readable record whose `fieldNames` equal (normalised) those of `values`: how a
 * conversion finds the existing account a lead's company already is. Undefined when a value is
 * empty or a field hidden from the actor.
 */
export async function findMatchingRecordId(context: RecordContext, entity: CompiledEntity, fieldNames: readonly string[], values: RecordData, transaction?: Transaction): Promise<string | undefined> {
  const access = accessOf(context, entity);
  const params = new BindParameters();
  const conditions: string[] = [];
  for (const name of fieldNames) {
    const field = entity.fields.get(name);
    const value = field ? normalisedValue(field, values[name]) : null;
    if (!field || value === null || access.fieldAccess(name) === 'hidden') return undefined;
    conditions.push(`${normalisedSql(context.database, field)} = ${params.add(value)}`);
  }
  const readable = readableAccess(context, entity, params);
  if (readable.kind === 'none') return undefined;
  if (readable.kind === 'where') conditions.push(readable.sql);
  const q = (identifier: string): string => context.database.quote(identifier);
  const rows = await context.database.select(`SELECT ${q('id')} FROM ${entity.tableSql} WHERE ${conditions.join(' AND ')} ORDER BY ${q('id')} LIMIT 1`, params.values, transaction);
  return rows[0] ? String(rows[0].id) : undefined;
}

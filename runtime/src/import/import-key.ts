// The field an upsert matches records by: `id` (a round trip of an export) or any field the
// caller can see holding one value (a unique one such as an e-mail, or a natural key such as an
// autonumber). A hidden field is answered exactly as a field that does not exist.
import { BadRequestError, type EntityAccess } from '@stagecraft/core';
import type { CompiledEntity } from '../live/compiled-types';

export function requireImportKey(entity: CompiledEntity, access: EntityAccess, options: { mode: 'create' | 'upsert'; key?: string }): string | undefined {
  const { key } = options;
  if (options.mode === 'create') {
    if (key !== undefined) throw new BadRequestError('"key" matches records for an upsert; add mode=upsert', [{ path: '/key', message: 'only with mode=upsert', code: 'unknownParameter' }]);
    return undefined;
  }
  if (key === undefined) throw new BadRequestError('An upsert needs the field that matches records: key=id or key=<field>', [{ path: '/key', message: 'is required with mode=upsert', code: 'required' }]);
  if (key === 'id') return key;
  const field = entity.fields.get(key);
  if (!field || field.isSystem || access.fieldAccess(key) === 'hidden') {
    throw new BadRequestError(`"${key}" is not a field of ${entity.name}`, [{ path: '/key', message: `is not a field of ${entity.name}`, code: 'unknownField' }]);
  }
  if (field.kind === 'list') throw new BadRequestError(`"${key}" holds several values and cannot match records`, [{ path: '/key', message: 'must be a field with one value', code: 'type' }]);
  return key;
}

// A unique index refused a write: name the field(s) it guards in a 409, never a 500.
import { ConflictError, type Problem } from '@stagecraft/core';
import { UniqueConstraintError } from 'sequelize';
import type { CompiledEntity } from '../live/compiled-types';
import { pointerSegment } from './validation-problems';

export function asUniqueConflict(entity: CompiledEntity, error: unknown): unknown {
  if (!(error instanceof UniqueConstraintError)) return error;
  // SQLite reports the columns; MySQL reports the index name as the key.
  const fields = error.fields as unknown;
  const keys = Array.isArray(fields) ? fields.map(String) : typeof fields === 'object' && fields !== null ? Object.keys(fields) : [];
  const names = new Set<string>();
  for (const key of keys) {
    const bare = key.includes('.') ? key.slice(key.lastIndexOf('.') + 1) : key;
    const field = entity.uniqueFieldOf.get(bare);
    if (field) names.add(field);
  }
  const problems: Problem[] = [...names].map((name) => ({ path: `/${pointerSegment(name)}`, message: 'is already used by another record', code: 'unique' }));
  return new ConflictError(`Another ${entity.name} record already has ${names.size > 0 ? `this ${[...names].join(', ')}` : 'these unique values'}`, problems);
}

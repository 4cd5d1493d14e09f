// A formula's expression result → a value of the field's result type, as its column stores it.
import { ExpressionError, type CompiledExpression, type ResolvedFormulaField } from '@stagecraft/core';
import type { CompiledField, CompiledFormula, EvaluatedFormula } from './compiled-types';
import { isValidDate } from '../records/filter-values';

function coerce(field: ResolvedFormulaField, value: unknown): EvaluatedFormula {
  if (value === null || value === undefined) return { ok: true, value: null };
  const wrongType = (): EvaluatedFormula => ({ ok: false, message: `the expression gave ${Array.isArray(value) ? 'a list' : typeof value} where ${field.resultType} was expected` });
  switch (field.resultType) {
    case 'string':
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: String(value) };
      return wrongType();
    case 'integer':
    case 'decimal': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(number)) return wrongType();
      if (field.resultType === 'integer') return { ok: true, value: Math.round(number) };
      const factor = 10 ** field.scale;
      return { ok: true, value: Math.round(number * factor) / factor };
    }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : wrongType();
    case 'date': {
      const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
      return isValidDate(text.slice(0, 10)) ? { ok: true, value: text.slice(0, 10) } : wrongType();
    }
  }
}

export function compileFormula(field: CompiledField, definition: ResolvedFormulaField, expression: CompiledExpression): CompiledFormula {
  return {
    field,
    evaluate(scope, now) {
      try {
        return coerce(definition, expression.evaluate(scope, { now }));
      } catch (error) {
        if (error instanceof ExpressionError) return { ok: false, message: error.description };
        throw error;
      }
    },
  };
}

// Validation messages in the user's language, and the server's problems placed on their fields:
// a 422/403 detail at "/amount" (or "/amount/…") belongs to the amount field; the rest is said
// above the form.
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import type { ProblemDetail } from '../api/client';
import type { I18n } from '../i18n/i18n';

const TRANSLATED = new Set(['required', 'minimum', 'maximum', 'minLength', 'maxLength', 'format', 'pattern', 'type']);

export function translateErrors(errors: RJSFValidationError[], i18n: I18n): RJSFValidationError[] {
  return errors.map((error) => {
    if (!error.name || !TRANSLATED.has(error.name)) return error;
    const params = (error.params ?? {}) as { limit?: unknown; format?: unknown; missingProperty?: unknown };
    const message = i18n.t(`validation.${error.name}`, { limit: String(params.limit ?? ''), format: String(params.format ?? '') });
    // A missing required property is reported on the object; point it at the field itself.
    if (error.name === 'required' && typeof params.missingProperty === 'string') return { ...error, property: `.${params.missingProperty}`, message, stack: message };
    return { ...error, message, stack: message };
  });
}

export interface PlacedProblems {
  byField: ErrorSchema;
  /** Problems without a field shown in the form ("" paths, fields not on it). */
  general: string[];
}

export function placeProblems(details: readonly ProblemDetail[], shownFields: ReadonlySet<string>, locale: string, labelOf: (field: string) => string): PlacedProblems {
  const byField: Record<string, { __errors: string[] }> = {};
  const general: string[] = [];
  for (const detail of details) {
    const message = detail.text?.[locale] ?? detail.message;
    const field = detail.path.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
    if (field && shownFields.has(field)) (byField[field] ??= { __errors: [] }).__errors.push(message);
    else general.push(field ? `${labelOf(field)}: ${message}` : message);
  }
  return { byField: byField as ErrorSchema, general };
}

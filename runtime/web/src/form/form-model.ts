// Entity JSON Schema (what this user may send) + form layout + the values being edited → the
// schema and uiSchema RJSF renders. Sections and their grid come from the layout; visibleWhen,
// requiredWhen and readOnlyWhen are evaluated with core's expression language against the
// current values, so a field appears, becomes required or locks as the user types.
import { compileExpression } from '@stagecraft/core/expr';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { EntityDocument, FieldDefinition, FormLayout } from '../api/types';
import type { I18n } from '../i18n/i18n';
import { webFieldType } from '../metadata/field-types';

export interface SectionView {
  name: string;
  label: string;
  columns: number;
  fields: Array<{ name: string; span: number }>;
}

export interface FormModel {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  sections: SectionView[];
}

type JsonObject = Record<string, unknown>;

/** A layout condition against the current values; a broken expression counts as false (the form keeps working). */
export function conditionHolds(source: string | undefined, values: JsonObject, now: Date): boolean {
  if (!source) return false;
  try {
    return compileExpression(source).evaluate(values, { now }) === true;
  } catch {
    return false;
  }
}

/** Computed fields (formula, autonumber) have no place in what a client sends: shown read-only when editing. */
function computedFieldSchema(field: FieldDefinition, i18n: I18n): JsonObject | undefined {
  if (field.type === 'autonumber') return { type: ['string', 'null'], title: i18n.text(field.label, field.name), readOnly: true, 'x-field-type': field.type };
  if (field.type === 'formula') {
    const type = field.resultType === 'integer' ? 'integer' : field.resultType === 'decimal' ? 'number' : field.resultType;
    return { type: [type === 'date' ? 'string' : type, 'null'], title: i18n.text(field.label, field.name), readOnly: true, 'x-field-type': field.type };
  }
  return undefined;
}

/** The field type's form widget (metadata/field-types.ts), as the uiSchema entry. */
function widgetOf(field: FieldDefinition): UiSchema {
  const { widget } = webFieldType(field);
  return widget === undefined ? {} : { 'ui:widget': widget };
}

function defaultLayout(entity: EntityDocument): FormLayout {
  return { kind: 'form', name: `${entity.name}Default`, entity: entity.name, sections: [{ name: 'main', columns: 2, fields: entity.fields.map((field) => ({ field: field.name })) }] };
}

export function buildFormModel(base: RJSFSchema, entity: EntityDocument, layout: FormLayout | undefined, values: JsonObject, i18n: I18n, options: { editing: boolean; now: Date }): FormModel {
  const fields = new Map(entity.fields.map((field) => [field.name, field]));
  const baseProperties = (base.properties ?? {}) as Record<string, JsonObject>;
  const properties: Record<string, JsonObject> = {};
  const required = new Set<string>((base.required as string[] | undefined) ?? []);
  const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  const sections: SectionView[] = [];
  const placed = new Set<string>();

  for (const section of (layout ?? defaultLayout(entity)).sections) {
    if (section.visibleWhen && !conditionHolds(section.visibleWhen, values, options.now)) continue;
    const view: SectionView = { name: section.name, label: i18n.text(section.label, ''), columns: Math.min(Math.max(section.columns ?? 2, 1), 4), fields: [] };
    for (const placement of section.fields) {
      const field = fields.get(placement.field);
      if (!field || placed.has(field.name)) continue;
      const property = baseProperties[field.name] ?? (options.editing ? computedFieldSchema(field, i18n) : undefined);
      // Not writable by this user and not computed (or a hidden field): absent from the form.
      if (!property) continue;
      if (placement.visibleWhen && !conditionHolds(placement.visibleWhen, values, options.now)) {
        required.delete(field.name);
        continue;
      }
      placed.add(field.name);
      properties[field.name] = { ...property, title: i18n.text(field.label, field.name) };
      if (conditionHolds(placement.requiredWhen, values, options.now)) required.add(field.name);
      const help = i18n.text(placement.helpText ?? field.helpText, '');
      const readOnly = property.readOnly === true || conditionHolds(placement.readOnlyWhen, values, options.now);
      uiSchema[field.name] = {
        ...widgetOf(field),
        ...(help && { 'ui:help': help }),
        ...(readOnly && { 'ui:readonly': true }),
        'ui:description': '',
      };
      view.fields.push({ name: field.name, span: Math.min(Math.max(placement.span ?? 1, 1), view.columns) });
    }
    if (view.fields.length > 0) sections.push(view);
  }
  // A required field the layout forgot still has to be filled: it joins the last section.
  const forgotten = [...required].filter((name) => !placed.has(name) && baseProperties[name]);
  for (const name of forgotten) {
    const field = fields.get(name);
    properties[name] = { ...baseProperties[name], title: i18n.text(field?.label, name) };
    uiSchema[name] = field ? widgetOf(field) : {};
    if (sections.length === 0) sections.push({ name: 'main', label: '', columns: 2, fields: [] });
    sections[sections.length - 1]?.fields.push({ name, span: 1 });
  }
  const order = sections.flatMap((section) => section.fields.map((field) => field.name));
  uiSchema['ui:order'] = [...order, '*'];
  const schema: RJSFSchema = {
    type: 'object',
    properties: properties as RJSFSchema['properties'],
    required: [...required].filter((name) => name in properties),
  };
  return { schema, uiSchema, sections };
}

/** The names of fields shown read-only (never sent). */
export function readOnlyNames(model: FormModel): Set<string> {
  return new Set(Object.entries(model.uiSchema).filter(([, ui]) => typeof ui === 'object' && ui !== null && (ui as JsonObject)['ui:readonly'] === true).map(([name]) => name));
}

// The property panel of a field type, taken from core's published entity meta-schema: the
// schema of `<type>Field` (with the meta-schema's $defs beside it, for its $refs), and a uiSchema
// that orders the properties and names the studio's own widgets. Nothing here lists a field
// type's properties: a new type or property in core appears in the studio by itself.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import entitySchema from '@stagecraft/core/schemas/entity.schema.json';
import { PROPERTY_DESCRIPTIONS_ZH, PROPERTY_LABELS } from '../i18n/strings';

type SchemaObject = { [key: string]: unknown };

const definitions = entitySchema.$defs as unknown as Record<string, SchemaObject>;

/** Every field type, in the meta-schema's order. */
export const FIELD_TYPES: readonly string[] = ((definitions.field?.properties as SchemaObject | undefined)?.type as { enum: string[] }).enum;

/** Properties the studio edits itself (name and label above the panel, renames written by the studio). */
const EDITED_ABOVE = ['name', 'type', 'label', 'renamedFrom'];
const LOCALISED = '#/$defs/localisedText';
const IDENTIFIER = '#/$defs/identifier';

function propertiesOf(schema: SchemaObject): Record<string, SchemaObject> {
  return (schema.properties as Record<string, SchemaObject> | undefined) ?? {};
}

/** The panel's schema: the type's own, without what is edited above it. */
export function fieldPanelSchema(type: string): RJSFSchema {
  const schema = definitions[`${type}Field`];
  if (!schema) throw new Error(`core's entity meta-schema has no ${type}Field`);
  const properties = Object.fromEntries(Object.entries(propertiesOf(schema)).filter(([name]) => !EDITED_ABOVE.includes(name)));
  const required = ((schema.required as string[] | undefined) ?? []).filter((name) => !EDITED_ABOVE.includes(name));
  return { ...schema, properties, required, additionalProperties: false, $defs: entitySchema.$defs } as unknown as RJSFSchema;
}

/** Widgets by what a property is: localised text in both languages, entity names from the draft. */
export function fieldPanelUiSchema(type: string, locale: 'en' | 'zh-CN'): UiSchema {
  const schema = definitions[`${type}Field`] ?? {};
  const labels = PROPERTY_LABELS[locale];
  // The meta-schema's descriptions are English: in Chinese a property shows its Chinese help, or none.
  const description = (name: string): UiSchema => (locale === 'en' ? {} : { 'ui:description': PROPERTY_DESCRIPTIONS_ZH[name] ?? '' });
  const title = (name: string): UiSchema => ({ 'ui:title': labels[name] ?? name, ...description(name) });
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true }, ...(locale === 'en' ? {} : { 'ui:description': '' }) };
  for (const [name, property] of Object.entries(propertiesOf(schema))) {
    if (EDITED_ABOVE.includes(name)) continue;
    if (property.$ref === LOCALISED) ui[name] = { 'ui:field': 'localisedText', ...title(name) };
    else if (name === 'entity' && property.$ref === IDENTIFIER) ui[name] = { 'ui:widget': 'entityName', ...title(name) };
    else if (name === 'expression') ui[name] = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 }, ...title(name) };
    else if (name === 'options') ui[name] = { ...title(name), items: { 'ui:label': false, value: title('value'), label: { 'ui:field': 'localisedText' }, color: { 'ui:widget': 'color', ...title('color') } } };
    else ui[name] = title(name);
  }
  return ui;
}

/** The values the panel edits: the field without what is edited above it. */
export function panelValues(field: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(field).filter(([name]) => !EDITED_ABOVE.includes(name)));
}

/** What a type change keeps: the properties the new type also has. */
export function keptOnTypeChange(field: Record<string, unknown>, type: string): Record<string, unknown> {
  const allowed = propertiesOf(definitions[`${type}Field`] ?? {});
  return Object.fromEntries(Object.entries(field).filter(([name]) => name in allowed));
}

/** The smallest valid field of a type (required properties given a first value). */
export function newFieldOfType(type: string, name: string, label: Record<string, string>, entities: readonly string[]): Record<string, unknown> {
  const field: Record<string, unknown> = { name, type, label };
  const required = (definitions[`${type}Field`]?.required as string[] | undefined) ?? [];
  if (required.includes('options')) field.options = [{ value: 'first', label: { en: 'First', 'zh-CN': '第一' } }];
  if (required.includes('entity')) field.entity = entities[0] ?? '';
  if (required.includes('expression')) field.expression = '1';
  if (required.includes('resultType')) field.resultType = 'decimal';
  if (required.includes('format')) field.format = 'N-{00000}';
  return field;
}

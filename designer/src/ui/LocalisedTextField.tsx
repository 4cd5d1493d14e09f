// An RJSF field for a localised text (a plain string or a map of locale → text): both shipped
// languages side by side, as everywhere in the studio. Used by generated property panels
// wherever a schema allows a LocalisedText.
import type { FieldProps } from '@rjsf/utils';
import type { LocalisedText } from '@stagecraft/core/label';
import { useI18n } from '../i18n/i18n';
import { LocalisedInput } from './LocalisedInput';

export function LocalisedTextField(props: FieldProps) {
  const { t } = useI18n();
  const title = props.name === 'helpText' ? t('property.helpText') : props.name === 'label' ? t('field.label') : (props.schema.title ?? props.name);
  return <LocalisedInput label={title} value={props.formData as LocalisedText | undefined} onChange={(value) => props.onChange(value, props.fieldPathId.path)} idPrefix={props.fieldPathId.$id} />;
}

/** True for a schema that takes a LocalisedText: a string or an object of strings. */
export function isLocalisedTextSchema(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const type = (schema as { type?: unknown }).type;
  return Array.isArray(type) && type.includes('string') && type.includes('object');
}

// `{field}` placeholders in notification texts ("Deal {name} has had no activity for 14 days").
// The values are captured when the transition happens (what the record held then) and filled in
// per recipient at delivery, so a recipient who may not see a field never reads its value.
import type { LocalisedText } from '../../model/label';

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The field names a text's placeholders name, in every locale, each once. */
export function placeholderFields(text: LocalisedText | undefined): string[] {
  if (text === undefined) return [];
  const variants = typeof text === 'string' ? [text] : Object.values(text);
  const names = new Set<string>();
  for (const variant of variants) for (const match of variant.matchAll(PLACEHOLDER)) names.add(match[1]!);
  return [...names];
}

/** The text with each `{field}` replaced by `render(field)`; other braces stay as they are. */
export function fillPlaceholders(text: string, render: (field: string) => string): string {
  return text.replace(PLACEHOLDER, (_match, field: string) => render(field));
}

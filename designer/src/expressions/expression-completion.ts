// Completion for the expression editor: the name being typed at the caret, matched against the
// entity's field names and the language's function names (core's EXPRESSION_FUNCTION_NAMES),
// and the text once a suggestion is taken. Pure, so it is tested without a browser.

export interface CompletionItem {
  /** What is shown and matched: a field name or a function name. */
  name: string;
  kind: 'field' | 'function';
  /** The field's label, shown beside its name. */
  detail?: string;
}

export interface CompletionVocabulary {
  fields: ReadonlyArray<{ name: string; label?: string }>;
  functions: readonly string[];
}

export interface Completions {
  /** The range of the source the chosen item replaces (the name around the caret). */
  from: number;
  to: number;
  items: CompletionItem[];
}

const NAME_START = /[A-Za-z_$]/;
const NAME_PART = /[A-Za-z0-9_$]/;
const MAX_ITEMS = 12;

/** Whether the caret sits inside a quoted text literal (no names are completed there). */
export function isInsideString(source: string, caret: number): boolean {
  let quote: string | null = null;
  for (let index = 0; index < caret && index < source.length; index += 1) {
    const character = source[index];
    if (quote) {
      if (character === '\\') index += 1;
      else if (character === quote) quote = null;
    } else if (character === "'" || character === '"') {
      quote = character;
    }
  }
  return quote !== null;
}

/**
 * The suggestions for the name at the caret. Without a name typed there are none unless
 * `explicit` (Ctrl+Space), which lists everything. Names after a dot are properties, not
 * completed; neither are numbers or text inside quotes.
 */
export function completionsAt(source: string, caret: number, vocabulary: CompletionVocabulary, explicit = false): Completions {
  let from = caret;
  while (from > 0 && NAME_PART.test(source[from - 1] ?? '')) from -= 1;
  let to = caret;
  while (to < source.length && NAME_PART.test(source[to] ?? '')) to += 1;
  const prefix = source.slice(from, caret);
  const none: Completions = { from, to, items: [] };
  if (isInsideString(source, caret)) return none;
  if (prefix !== '' && !NAME_START.test(prefix[0] ?? '')) return none;
  if (source.slice(0, from).trimEnd().endsWith('.')) return none;
  if (prefix === '' && !explicit) return none;

  const needle = prefix.toLowerCase();
  const candidates: CompletionItem[] = [
    ...vocabulary.fields.map((field) => ({ name: field.name, kind: 'field' as const, ...(field.label && { detail: field.label }) })),
    ...vocabulary.functions.map((name) => ({ name, kind: 'function' as const })),
  ];
  const starting = candidates.filter((item) => item.name.toLowerCase().startsWith(needle));
  const containing = needle === '' ? [] : candidates.filter((item) => !item.name.toLowerCase().startsWith(needle) && (item.name.toLowerCase().includes(needle) || (item.detail ?? '').toLowerCase().includes(needle)));
  const items = [...starting, ...containing].filter((item) => !(item.name === prefix && item.kind === 'field' && to === caret));
  return { from, to, items: items.slice(0, MAX_ITEMS) };
}

/** The source with the item put in place of the name at the caret, and the caret after it (inside the brackets of a function). */
export function applyCompletion(source: string, completions: Pick<Completions, 'from' | 'to'>, item: CompletionItem): { source: string; caret: number } {
  const hasBracket = source.slice(completions.to).trimStart().startsWith('(');
  const inserted = item.kind === 'function' && !hasBracket ? `${item.name}()` : item.name;
  const next = source.slice(0, completions.from) + inserted + source.slice(completions.to);
  const caret = completions.from + (item.kind === 'function' && !hasBracket ? item.name.length + 1 : item.name.length);
  return { source: next, caret };
}

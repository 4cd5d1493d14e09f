import { fillPlaceholders, placeholderFields } from './message-placeholders';

describe('message placeholders', () => {
  it('finds each field once across locales and ignores braces that are not placeholders', () => {
    expect(placeholderFields({ en: 'Deal {name} ({amount}) {name}', 'zh-CN': '商机 {name} { not } {1x}' })).toEqual(['name', 'amount']);
    expect(placeholderFields(undefined)).toEqual([]);
  });

  it('fills placeholders through the renderer and leaves the rest of the text alone', () => {
    expect(fillPlaceholders('Deal {name}: {amount} {} {x-y}', (field) => `<${field}>`)).toBe('Deal <name>: <amount> {} {x-y}');
  });
});

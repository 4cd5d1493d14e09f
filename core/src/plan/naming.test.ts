import { MAX_IDENTIFIER_LENGTH, fitIdentifier, indexNameOf, linkTableNameOf, retiredNameOf, tableNameOf, toSnakeCase } from './naming';

describe('naming', () => {
  it('turns camelCase names into snake_case identifiers', () => {
    expect(toSnakeCase('closeDate')).toBe('close_date');
    expect(toSnakeCase('paymentMilestone')).toBe('payment_milestone');
    expect(toSnakeCase('annualRevenue2')).toBe('annual_revenue2');
    expect(toSnakeCase('htmlURLField')).toBe('html_url_field');
    expect(tableNameOf('account')).toBe('account');
  });

  it('names link tables, indexes and retired columns predictably', () => {
    expect(linkTableNameOf('account', 'tags')).toBe('account__tags');
    expect(indexNameOf('opportunity', ['stage', 'owner'], false)).toBe('ix_opportunity__stage__owner');
    expect(indexNameOf('tag', ['name'], true)).toBe('ux_tag__name');
    expect(retiredNameOf('lost_reason', 7)).toBe('_dropped_v7_lost_reason');
  });

  it('shortens long identifiers to the MySQL limit, keeping distinct names distinct', () => {
    const long = 'x'.repeat(80);
    const a = fitIdentifier(`${long}_a`);
    const b = fitIdentifier(`${long}_b`);
    expect(a.length).toBeLessThanOrEqual(MAX_IDENTIFIER_LENGTH);
    expect(b.length).toBeLessThanOrEqual(MAX_IDENTIFIER_LENGTH);
    expect(a).not.toBe(b);
    expect(fitIdentifier(`${long}_a`)).toBe(a);
    expect(fitIdentifier('short_name')).toBe('short_name');
  });
});

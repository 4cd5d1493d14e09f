import { parseFilterValue } from './filter-values';

describe('parseFilterValue', () => {
  it('refuses numbers that are not finite, from text and from JSON', () => {
    for (const raw of ['1e309', '-1e309', 'NaN', 'Infinity', Infinity, -Infinity, NaN]) {
      expect([raw, parseFilterValue('number', raw).ok]).toEqual([raw, false]);
    }
    expect(parseFilterValue('number', '1e308')).toEqual({ ok: true, value: 1e308 });
  });

  it('refuses dates and date-times outside years 1–9999 in UTC', () => {
    for (const raw of ['0000-01-01', '10000-01-01', '0000-12-31']) expect([raw, parseFilterValue('date', raw).ok]).toEqual([raw, false]);
    for (const raw of ['0000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00', '0001-01-01T00:30:00+01:00', '+275760-09-13T00:00:00Z']) {
      expect([raw, parseFilterValue('datetime', raw).ok]).toEqual([raw, false]);
    }
    expect(parseFilterValue('date', '0001-01-01')).toEqual({ ok: true, value: '0001-01-01' });
    expect(parseFilterValue('datetime', '9999-12-31T23:59:59Z')).toEqual({ ok: true, value: '9999-12-31 23:59:59.000' });
  });
});

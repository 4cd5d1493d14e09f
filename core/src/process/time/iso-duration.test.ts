import { addIsoDuration, parseIsoDuration } from './iso-duration';

const at = (iso: string): Date => new Date(iso);

describe('ISO 8601 durations', () => {
  it.each([
    ['PT4H', '2026-03-02T09:00:00.000Z', '2026-03-02T13:00:00.000Z'],
    ['P2D', '2026-03-02T09:00:00.000Z', '2026-03-04T09:00:00.000Z'],
    ['P1DT2H', '2026-03-02T09:00:00.000Z', '2026-03-03T11:00:00.000Z'],
    ['P1W', '2026-03-02T09:00:00.000Z', '2026-03-09T09:00:00.000Z'],
    ['-P3D', '2026-03-02T09:00:00.000Z', '2026-02-27T09:00:00.000Z'],
    ['PT1.5S', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:01.500Z'],
    ['P1M', '2026-01-31T08:00:00.000Z', '2026-02-28T08:00:00.000Z'],
    ['P1Y', '2028-02-29T00:00:00.000Z', '2029-02-28T00:00:00.000Z'],
    ['-P1M', '2026-03-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z'],
  ])('%s after %s is %s', (duration, start, expected) => {
    expect(addIsoDuration(at(start), duration).toISOString()).toBe(expected);
  });

  it.each(['', 'P', 'PT', '4H', 'P1H', 'PT1D', 'P-1D', 'P1.5D'])('rejects "%s"', (text) => {
    expect(parseIsoDuration(text)).toBeUndefined();
    expect(() => addIsoDuration(at('2026-01-01T00:00:00Z'), text)).toThrow(RangeError);
  });
});

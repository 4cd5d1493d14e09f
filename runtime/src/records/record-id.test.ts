import { isRecordId, newRecordId } from './record-id';

describe('newRecordId', () => {
  it('produces RFC 9562 version 7 UUIDs carrying the creation millisecond', () => {
    const now = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
    const id = newRecordId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    expect(isRecordId(id)).toBe(true);
  });

  it('keeps ids strictly increasing within one millisecond and across a backwards clock', () => {
    const now = Date.UTC(2030, 5, 1);
    const ids = Array.from({ length: 5000 }, (_, index) => newRecordId(index === 2500 ? now - 10 : now));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('rejects text that is not a UUID', () => {
    expect(isRecordId('x')).toBe(false);
    expect(isRecordId("1' OR '1'='1")).toBe(false);
  });
});

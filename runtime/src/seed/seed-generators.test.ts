import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ValidationError } from '@stagecraft/core';
import { loadSeed } from './load-seed';
import { generateValue, type GenerationScope } from './seed-generators';
import { seededRandom } from './seeded-random';
import type { SeedGenerator } from './seed-types';

const ANCHOR = new Date('2026-11-02T09:00:00.000Z');

function scope(key: string, values: Record<string, unknown> = {}): GenerationScope {
  return {
    random: seededRandom(key), anchor: ANCHOR, pools: { surname: ['王/Wang', '李/Li'], word: ['alpha', 'beta', 'gamma'] },
    users: new Map([['rep1', 'u-1']]), values, refs: {}, index: 2, count: 4,
    recordsOf: () => [{ id: 'a-1', values: { name: 'Acme', tier: 'gold' } }, { id: 'a-2', values: { name: 'Globex', tier: 'silver' } }],
  };
}
const generate = (generator: SeedGenerator, values?: Record<string, unknown>) => generateValue(generator, 'field', scope('k', values));

describe('seed generators', () => {
  it('gives the same sequence for the same key, and another for another key', () => {
    const draw = (key: string) => Array.from({ length: 5 }, ((random) => () => random.integer(0, 1000))(seededRandom(key)));
    expect(draw('sfa:account:1')).toEqual(draw('sfa:account:1'));
    expect(draw('sfa:account:1')).not.toEqual(draw('sfa:account:2'));
  });

  it('fills templates from pools and values, with filters, one word per pool', () => {
    expect(generate({ template: '{pool:surname|han} {pool:surname|latin|upper} #{index}' })).toMatch(/^(王 WANG|李 LI) #2$/);
    expect(generate({ template: '{_name|slug}.example' }, { _name: 'Blue Sky, Inc.' })).toBe('blueskyinc.example');
  });

  it('counts dates from the anchor or a field, and times on a grid', () => {
    expect(generate({ date: [3, 3] })).toBe('2026-11-05');
    expect(generate({ date: [-1, -1], of: 'closeDate' }, { closeDate: '2027-01-01' })).toBe('2026-12-31');
    expect(String(generate({ datetime: [0, 0], hours: [9, 10], minuteStep: 30 }))).toMatch(/^2026-11-02T09:(00|30):00\.000Z$/);
    expect(generate({ minutesAfter: 'startAt', minutes: [60, 60] }, { startAt: '2026-11-02T09:00:00.000Z' })).toBe('2026-11-02T10:00:00.000Z');
  });

  it('picks refs matching a filter, users by name, expressions and conditions', () => {
    const refScope = scope('k');
    expect(generateValue({ ref: 'account', where: { tier: ['silver'] } }, 'account', refScope)).toBe('a-2');
    expect(refScope.refs.account).toEqual({ name: 'Globex', tier: 'silver' });
    expect(generate({ user: ['rep1'] })).toBe('u-1');
    expect(() => generate({ user: ['ghost'] })).toThrow(/ghost/);
    expect(generate({ expr: 'round(amount / count, 2)' }, { amount: 100 })).toBe(25);
    expect(generate({ when: "type == 'meeting'", then: { value: 'yes' }, else: { value: 'no' } }, { type: 'call' })).toBe('no');
    expect(generate({ cycle: ['a', 'b'] })).toBe('a');
    expect(generate({ maybe: 0, then: { value: 1 } })).toBeNull();
  });
});

describe('loading a seed', () => {
  it('names the file and JSON path of a bad generator and of a ref to a later step', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'seed-'));
    await fs.mkdir(path.join(folder, 'seed'));
    await fs.writeFile(path.join(folder, 'seed', 'pools.json'), JSON.stringify({ name: 'test', pools: {} }));
    await fs.writeFile(path.join(folder, 'seed', '01-a.json'), JSON.stringify({ entity: 'account', count: 1, fields: { name: { pik: ['x'] }, parent: { ref: 'contact' } } }));
    const error = await loadSeed(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).details.map((detail) => detail.path)).toContain('seed/01-a.json/fields/name');
    await fs.writeFile(path.join(folder, 'seed', '01-a.json'), JSON.stringify({ entity: 'account', count: 1, fields: { parent: { ref: 'contact' } } }));
    const later = await loadSeed(folder).catch((caught: unknown) => caught);
    expect((later as ValidationError).details).toEqual([expect.objectContaining({ path: 'seed/01-a.json/fields/parent/ref', code: 'unknownStep' })]);
    expect(await loadSeed(path.join(folder, 'nothing'))).toBeNull();
  });
});

import type { EntityDocument } from '../model/entity';
import type { MetadataBundle } from '../model/pack';
import { validateBundle } from './bundle-validator';
import { validateDocument } from './document-validator';
import { exampleBundle, exampleDocument } from './testing/example-pack';
import { pathsAndCodes } from './testing/problems';

const opportunity = (): EntityDocument => exampleDocument<EntityDocument>('entities/opportunity.json');
const contact = (): EntityDocument => exampleDocument<EntityDocument>('entities/contact.json');

describe('overlap rules and process signals', () => {
  it('accepts a rule over date fields scoped by owner and filtered by stage', () => {
    const document = opportunity();
    document.fields.push({ name: 'endDate', type: 'date' });
    document.overlapRules = [{ name: 'booking', start: 'closeDate', end: 'endDate', scope: ['owner'], where: [{ field: 'stage', op: 'eq', value: 'prospecting' }], message: { en: 'Booked', 'zh-CN': '已预订' } }];
    expect(validateDocument(document).problems).toEqual([]);
  });

  it.each<[string, (entity: EntityDocument) => void, string[]]>([
    ['an unknown start field', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'beginsAt', end: 'lastContactedAt' }]; }, ['/overlapRules/0/start unknownField']],
    ['a range over a non-date field', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'firstName', end: 'lastContactedAt' }]; }, ['/overlapRules/0/start invalidRangeField']],
    ['ends of different types', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'birthday', end: 'lastContactedAt' }]; }, ['/overlapRules/0/end invalidRangeField']],
    ['a scope field that cannot be compared', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'lastContactedAt', end: 'lastContactedAt', scope: ['channels'] }]; }, ['/overlapRules/0/scope/0 invalidScopeField']],
    ['a filter on an unknown field', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'lastContactedAt', end: 'lastContactedAt', where: [{ field: 'kind', op: 'eq', value: 'x' }] }]; }, ['/overlapRules/0/where/0/field unknownField']],
    ['two rules with one name', (entity) => { entity.overlapRules = [{ name: 'slot', start: 'lastContactedAt', end: 'lastContactedAt' }, { name: 'slot', start: 'lastContactedAt', end: 'lastContactedAt' }]; }, ['/overlapRules/1/name duplicateName']],
    ['a signal through a field that is not a reference', (entity) => { entity.processSignals = [{ field: 'email', event: 'PING' }]; }, ['/processSignals/0/field invalidSignalField']],
    ['a signal with a bad event name', (entity) => { entity.processSignals = [{ field: 'account', event: 'a b' }]; }, ['/processSignals/0/event pattern']],
  ])('reports %s', (_case, change, expected) => {
    const document = contact();
    change(document);
    expect(pathsAndCodes(validateDocument(document).problems)).toEqual(expected);
  });

  it('reports a signal to an entity that runs no process, and accepts one that does', () => {
    const bundle: MetadataBundle = exampleBundle();
    bundle.entities.contact!.processSignals = [{ field: 'account', event: 'PING' }];
    const problems = validateBundle(bundle).map((problem) => `${problem.documentName} ${problem.path} ${problem.code ?? ''}`);
    expect(problems).toEqual(['contact /processSignals/0/field noProcess']);
    bundle.entities.opportunity!.processSignals = [{ field: 'account', event: 'PING' }];
    bundle.entities.contact!.processSignals = [];
    bundle.entities.account!.fields.push({ name: 'mainDeal', type: 'reference', entity: 'opportunity' });
    bundle.entities.account!.processSignals = [{ field: 'mainDeal', event: 'PING' }];
    expect(validateBundle(bundle).filter((problem) => problem.documentName === 'account')).toEqual([]);
  });
});

/// <reference types="jest" />
import type { MetadataBundle } from '@stagecraft/core';
import { removeField } from './field-removal';

function bundle(): MetadataBundle {
  return {
    packs: [],
    entities: {
      account: { kind: 'entity', name: 'account', label: 'Account', displayField: 'name', searchFields: ['name', 'phone'], fields: [{ name: 'name', type: 'string' }, { name: 'phone', type: 'phone' }, { name: 'tier', type: 'enum', options: [{ value: 'gold' }] }] },
      contact: { kind: 'entity', name: 'contact', label: 'Contact', fields: [{ name: 'phone', type: 'phone' }] },
    },
    layouts: {
      accountForm: { kind: 'form', name: 'accountForm', entity: 'account', sections: [{ name: 'main', fields: [{ field: 'name' }, { field: 'phone' }] }] },
      accountList: { kind: 'list', name: 'accountList', entity: 'account', columns: [{ field: 'name' }, { field: 'phone' }], defaultSort: [{ field: 'phone', direction: 'asc' }], defaultFilters: [{ field: 'phone', op: 'isNull', value: false }] },
      accountBoard: { kind: 'board', name: 'accountBoard', entity: 'account', groupBy: 'tier', cardFields: ['name', 'phone'], sumField: 'phone' },
      contactList: { kind: 'list', name: 'contactList', entity: 'contact', columns: [{ field: 'phone' }] },
    },
    processes: {},
    permissions: { rep: { kind: 'permissionSet', name: 'rep', role: 'salesRep', entities: { account: { read: 'all', fields: { phone: 'hidden' } }, contact: { read: 'all', fields: { phone: 'hidden' } } } } },
  } as unknown as MetadataBundle;
}

describe('removeField', () => {
  it('takes the field off the entity, its layouts and its field access, and nothing of other entities', () => {
    const next = bundle();
    removeField(next, 'account', 'phone');
    expect(next.entities.account?.fields.map((field) => field.name)).toEqual(['name', 'tier']);
    expect(next.entities.account?.searchFields).toEqual(['name']);
    expect(next.layouts.accountForm).toMatchObject({ sections: [{ fields: [{ field: 'name' }] }] });
    expect(next.layouts.accountList).toEqual({ kind: 'list', name: 'accountList', entity: 'account', columns: [{ field: 'name' }] });
    expect(next.layouts.accountBoard).toEqual({ kind: 'board', name: 'accountBoard', entity: 'account', groupBy: 'tier', cardFields: ['name'] });
    expect(next.permissions?.rep?.entities.account).toEqual({ read: 'all' });
    expect(next.layouts.contactList).toEqual(bundle().layouts.contactList);
    expect(next.permissions?.rep?.entities.contact).toEqual({ read: 'all', fields: { phone: 'hidden' } });
  });

  it('leaves what cannot simply go: the last column of a list, a board\'s grouping', () => {
    const next = bundle();
    removeField(next, 'contact', 'phone');
    expect(next.layouts.contactList).toMatchObject({ columns: [{ field: 'phone' }] });
    removeField(next, 'account', 'tier');
    expect(next.layouts.accountBoard).toMatchObject({ groupBy: 'tier' });
  });
});

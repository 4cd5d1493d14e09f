/// <reference types="jest" />
// Layout edits as the studio applies them to the draft: forms, lists, boards and new layouts.
import type { BoardLayout, EntityDocument, FormLayout, ListLayout, MetadataBundle } from '@stagecraft/core';
import {
  addColumn, addPlacement, addSection, boardColumnOrder, createLayout, filterValueOf, layoutsByEntity, moveBoardColumn, moveItem, movePlacement, newLayoutName, removeColumn,
  removeSection, setColumnWidth, setCondition, setGroupBy, stepTarget, toggleCardField, unplacedNames,
} from './layout-edits';

const account: EntityDocument = {
  kind: 'entity',
  name: 'account',
  label: 'Account',
  displayField: 'name',
  fields: [
    { name: 'name', type: 'string' },
    { name: 'tier', type: 'enum', options: [{ value: 'standard' }, { value: 'gold' }, { value: 'platinum' }] },
    { name: 'industry', type: 'enum', options: [{ value: 'software' }] },
    { name: 'revenue', type: 'currency', currency: 'USD' },
    { name: 'website', type: 'url' },
  ],
  relations: [{ kind: 'hasMany', name: 'contacts', entity: 'contact', field: 'account' }],
} as EntityDocument;

const form = (): FormLayout => ({
  kind: 'form',
  name: 'accountForm',
  entity: 'account',
  sections: [
    { name: 'main', fields: [{ field: 'name' }, { field: 'tier' }, { field: 'website' }] },
    { name: 'more', fields: [{ field: 'revenue' }] },
  ],
});
const fieldsOf = (layout: FormLayout) => layout.sections.map((section) => section.fields.map((placement) => placement.field));

describe('form layout edits', () => {
  it('adds a uniquely named section and keeps the last one', () => {
    const layout = form();
    expect(addSection(layout, { label: { en: 'Key account' } })).toBe(2);
    expect(layout.sections[2]).toEqual({ name: 'section3', label: { en: 'Key account' }, columns: 1, fields: [] });
    expect(removeSection(layout, 2)).toBe(true);
    const single: FormLayout = { ...form(), sections: [{ name: 'main', fields: [] }] };
    expect(removeSection(single, 0)).toBe(false);
  });

  it('moves a placement within its section and into another one', () => {
    const layout = form();
    expect(movePlacement(layout, { section: 0, index: 0 }, { section: 0, index: 2 })).toEqual({ section: 0, index: 1 });
    expect(fieldsOf(layout)).toEqual([['tier', 'name', 'website'], ['revenue']]);
    expect(movePlacement(layout, { section: 0, index: 2 }, { section: 1, index: 0 })).toEqual({ section: 1, index: 0 });
    expect(fieldsOf(layout)).toEqual([['tier', 'name'], ['website', 'revenue']]);
    expect(movePlacement(layout, { section: 1, index: 1 }, { section: 0, index: 99 })).toEqual({ section: 0, index: 2 });
    expect(fieldsOf(layout)).toEqual([['tier', 'name', 'revenue'], ['website']]);
  });

  it('steps up and down through sections, as the keyboard moves do', () => {
    const layout = form();
    expect(stepTarget(layout, { section: 0, index: 0 }, -1)).toBeUndefined();
    expect(stepTarget(layout, { section: 0, index: 2 }, 1)).toEqual({ section: 1, index: 0 });
    expect(stepTarget(layout, { section: 1, index: 0 }, -1)).toEqual({ section: 0, index: 3 });
    expect(stepTarget(layout, { section: 1, index: 0 }, 1)).toBeUndefined();
    const down = stepTarget(layout, { section: 0, index: 0 }, 1);
    expect(down && movePlacement(layout, { section: 0, index: 0 }, down)).toEqual({ section: 0, index: 1 });
    expect(fieldsOf(layout)[0]).toEqual(['tier', 'name', 'website']);
  });

  it('places each field and relation once', () => {
    const layout = form();
    expect(unplacedNames(account, layout)).toEqual(['industry', 'contacts']);
    addPlacement(layout, 1, 'contacts');
    addPlacement(layout, 1, 'name');
    expect(fieldsOf(layout)[1]).toEqual(['revenue', 'contacts']);
  });

  it('drops a blank condition instead of writing an empty one', () => {
    const section = form().sections[0]!;
    setCondition(section, 'visibleWhen', "tier == 'gold'");
    expect(section.visibleWhen).toBe("tier == 'gold'");
    setCondition(section, 'visibleWhen', '  ');
    expect('visibleWhen' in section).toBe(false);
  });
});

describe('list layout edits', () => {
  const list = (): ListLayout => ({ kind: 'list', name: 'accountList', entity: 'account', columns: [{ field: 'name' }, { field: 'tier' }] });

  it('adds, reorders, sizes and removes columns, keeping one', () => {
    const layout = list();
    addColumn(layout, 'website');
    addColumn(layout, 'website');
    moveItem(layout.columns, 2, 0);
    setColumnWidth(layout, 0, '180');
    expect(layout.columns).toEqual([{ field: 'website', width: 180 }, { field: 'name' }, { field: 'tier' }]);
    setColumnWidth(layout, 0, '');
    expect(layout.columns[0]).toEqual({ field: 'website' });
    expect(removeColumn(layout, 0) && removeColumn(layout, 0)).toBe(true);
    expect(removeColumn(layout, 0)).toBe(false);
  });

  it('types filter values as their operator needs', () => {
    expect(filterValueOf('in', 'gold, platinum', false)).toEqual(['gold', 'platinum']);
    expect(filterValueOf('gte', '100', true)).toBe(100);
    expect(filterValueOf('isNull', 'false', false)).toBe(false);
    expect(filterValueOf('eq', 'gold', false)).toBe('gold');
  });
});

describe('board layout edits', () => {
  const board = (): BoardLayout => ({ kind: 'board', name: 'accountBoard', entity: 'account', groupBy: 'tier', cardFields: ['name'], columnOrder: ['gold'] });

  it('orders columns by its own order, then the options', () => {
    const layout = board();
    expect(boardColumnOrder(layout, account)).toEqual(['gold', 'standard', 'platinum']);
    moveBoardColumn(layout, account, 2, 0);
    expect(layout.columnOrder).toEqual(['platinum', 'gold', 'standard']);
    setGroupBy(layout, 'industry');
    expect(layout.columnOrder).toBeUndefined();
  });

  it('keeps at least one card field', () => {
    const layout = board();
    toggleCardField(layout, 'revenue', true);
    toggleCardField(layout, 'name', false);
    toggleCardField(layout, 'revenue', false);
    expect(layout.cardFields).toEqual(['revenue']);
  });
});

describe('new layouts', () => {
  it('names them after the entity and kind, numbered when taken', () => {
    expect(newLayoutName('account', 'form', [])).toBe('accountForm');
    expect(newLayoutName('account', 'form', ['accountForm', 'accountForm2'])).toBe('accountForm3');
  });

  it('starts each kind with contents the validators accept, and no board without an enum field', () => {
    expect(createLayout(account, 'form', 'f')).toMatchObject({ sections: [{ name: 'main', fields: [{ field: 'name' }, { field: 'tier' }, { field: 'industry' }, { field: 'revenue' }, { field: 'website' }] }] });
    expect(createLayout(account, 'list', 'l')).toMatchObject({ columns: [{ field: 'name' }, { field: 'tier' }, { field: 'industry' }, { field: 'revenue' }, { field: 'website' }] });
    expect(createLayout(account, 'board', 'b')).toEqual({ kind: 'board', name: 'b', entity: 'account', groupBy: 'tier', cardFields: ['name'], sumField: 'revenue' });
    expect(createLayout({ ...account, fields: [{ name: 'name', type: 'string' }] }, 'board', 'b')).toBeUndefined();
  });

  it('groups the layouts of a bundle by entity and kind', () => {
    const bundle = { entities: { account }, layouts: { accountForm: form(), accountBoard: { kind: 'board', name: 'accountBoard', entity: 'account', groupBy: 'tier', cardFields: ['name'] }, orphanList: { kind: 'list', name: 'orphanList', entity: 'gone', columns: [{ field: 'x' }] } } } as unknown as MetadataBundle;
    const groups = layoutsByEntity(bundle);
    expect(groups.map((group) => [group.entity, group.byKind.form.length, group.byKind.list.length, group.byKind.board.length])).toEqual([['account', 1, 0, 1], ['gone', 0, 1, 0]]);
  });
});

// Loading permission sets: permissions/*.json per pack, checked on their own and against the
// bundle, with problems naming the file to edit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ValidationError, formatProblem } from '@stagecraft/core';
import { loadPacks } from '.';

const EXAMPLE = path.resolve('tests/fixtures/packs/example');

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-permissions-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** Writes a pack of JSON files under the temporary root; returns its directory. */
function writePack(name: string, files: Record<string, unknown>): string {
  const directory = path.join(root, name);
  for (const [file, json] of Object.entries({ 'pack.json': { kind: 'pack', name, version: '1.0.0', dependencies: { example: '^1.0.0' } }, ...files })) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), JSON.stringify(json));
  }
  return directory;
}

async function problemsOf(load: Promise<unknown>): Promise<string[]> {
  try {
    await load;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details.map(formatProblem);
  }
  throw new Error('expected the load to fail');
}

const auditor = { kind: 'permissionSet', name: 'auditor', role: 'auditor', entities: { account: { read: true, export: true } } };

describe('loading permission sets', () => {
  it('puts each pack\'s permissions/*.json into the bundle and remembers their files', async () => {
    const addon = writePack('audit', { 'permissions/auditor.json': auditor });
    const { bundle, sources } = await loadPacks([EXAMPLE, addon], { baseDirectory: root });
    expect(Object.keys(bundle.permissions ?? {}).sort()).toEqual(['auditor', 'partner', 'salesManager', 'salesRep', 'supportAgent']);
    expect(bundle.permissions?.salesRep?.entities.account?.fields).toEqual({ annualRevenue: 'hidden', tier: 'readOnly' });
    expect(sources.permissions.auditor).toBe('audit/permissions/auditor.json');
  });

  it('maps problems against other documents back to the permission set\'s file', async () => {
    const addon = writePack('audit', { 'permissions/auditor.json': { ...auditor, entities: { account: { read: 'own', fields: { turnover: 'hidden' } }, lead: { read: true } } } });
    expect(await problemsOf(loadPacks([EXAMPLE, addon], { baseDirectory: root }))).toEqual([
      'audit/permissions/auditor.json: /entities/account/fields/turnover: "turnover" is not a field or relation of account',
      'audit/permissions/auditor.json: /entities/lead: "lead" is not an entity (entities: account, contact, opportunity, tag)',
    ]);
  });

  it('rejects a permission set outside permissions/, another document inside it, and one name defined twice', async () => {
    const misplaced = writePack('misplaced', {
      'entities/auditor.json': auditor,
      'permissions/note.json': { kind: 'entity', name: 'note', label: 'Note', fields: [] },
    });
    expect(await problemsOf(loadPacks([EXAMPLE, misplaced], { baseDirectory: root }))).toEqual([
      'misplaced/entities/auditor.json: /kind: a "permissionSet" document does not belong in entities/ (expected kind "entity")',
      'misplaced/permissions/note.json: /kind: a "entity" document does not belong in permissions/ (expected kind "permissionSet")',
    ]);
    const twice = writePack('twice', { 'permissions/rep.json': { ...auditor, name: 'salesRep' } });
    expect(await problemsOf(loadPacks([EXAMPLE, twice], { baseDirectory: root }))).toEqual([
      `twice/permissions/rep.json: /name: duplicate permission set name "salesRep": also defined in ${path.join(EXAMPLE, 'permissions/sales-rep.json')}`,
    ]);
  });
});

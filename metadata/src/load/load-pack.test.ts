import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIELD_TYPES, ValidationError, formatProblem } from '@stagecraft/core';
import { loadPack, loadPacks } from '.';

const PACKS = 'tests/fixtures/packs';

/** The formatted problems a load throws, or a failure when it does not throw. */
async function problemsOf(load: Promise<unknown>): Promise<string[]> {
  try {
    await load;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('Pack metadata is invalid');
    return (error as ValidationError).details.map(formatProblem);
  }
  throw new Error('expected the load to fail');
}

describe('loadPack', () => {
  it('loads the example pack with every document, sorted by file', async () => {
    const pack = await loadPack(`${PACKS}/example`);
    expect(pack.manifest).toMatchObject({ kind: 'pack', name: 'example', version: '1.0.0' });
    expect(pack.directory).toBe(path.resolve(`${PACKS}/example`));
    expect(pack.manifestFile).toBe(`${PACKS}/example/pack.json`);
    expect(pack.documents.map((document) => document.file)).toEqual([
      `${PACKS}/example/entities/account.json`,
      `${PACKS}/example/entities/contact.json`,
      `${PACKS}/example/entities/opportunity.json`,
      `${PACKS}/example/entities/tag.json`,
      `${PACKS}/example/layouts/account-list.json`,
      `${PACKS}/example/layouts/opportunity-board.json`,
      `${PACKS}/example/layouts/opportunity-form.json`,
      `${PACKS}/example/layouts/opportunity-list.json`,
      `${PACKS}/example/processes/opportunity-sales.json`,
      `${PACKS}/example/permissions/partner.json`,
      `${PACKS}/example/permissions/sales-manager.json`,
      `${PACKS}/example/permissions/sales-rep.json`,
      `${PACKS}/example/permissions/support-agent.json`,
    ]);
    expect(pack.documents[0]?.document).toMatchObject({ kind: 'entity', name: 'account' });
  });

  it('names files relative to the base directory it is given', async () => {
    const pack = await loadPack('example', { baseDirectory: path.resolve(PACKS) });
    expect(pack.manifestFile).toBe('example/pack.json');
  });

  it('reports every problem of a pack at once, each with its file and JSON path', async () => {
    const problems = await problemsOf(loadPack(`${PACKS}/broken`));
    expect(problems).toEqual([
      `${PACKS}/broken/entities/account.json: /colour: unknown property "colour" (did you mean "color"?)`,
      `${PACKS}/broken/entities/contact.json: /: invalid JSON: Expected ',' or '}' after property value in JSON at position 66 (line 5, column 3)`,
      `${PACKS}/broken/entities/opportunity.json: /fields/3/type: must be one of: ${FIELD_TYPES.join(', ')}`,
    ]);
  });

  it('reports a document in the wrong folder', async () => {
    expect(await problemsOf(loadPack(`${PACKS}/broken-misplaced`))).toEqual([
      `${PACKS}/broken-misplaced/entities/account-list.json: /kind: a "list" document does not belong in entities/ (expected kind "entity")`,
    ]);
  });

  it('reports a missing directory, a file instead of a directory and a missing pack.json', async () => {
    expect(await problemsOf(loadPack(`${PACKS}/does-not-exist`))).toEqual([`${PACKS}/does-not-exist: /: pack directory does not exist`]);
    expect(await problemsOf(loadPack(`${PACKS}/example/pack.json`))).toEqual([`${PACKS}/example/pack.json: /: a pack must be a directory holding pack.json`]);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-pack-'));
    try {
      const problems = await problemsOf(loadPack(empty, { baseDirectory: path.dirname(empty) }));
      expect(problems).toEqual([`${path.basename(empty)}/pack.json: /: missing pack manifest: every pack needs a pack.json with kind "pack", a name and a version`]);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('loadPacks', () => {
  it('builds one bundle from packs in dependency order and remembers each source', async () => {
    const { bundle, sources, packs } = await loadPacks([`${PACKS}/example-addon`, `${PACKS}/example`]);
    expect(packs.map((pack) => pack.manifest.name)).toEqual(['example', 'example-addon']);
    expect(bundle.packs).toEqual([{ name: 'example', version: '1.0.0' }, { name: 'example-addon', version: '1.2.0' }]);
    expect(Object.keys(bundle.entities).sort()).toEqual(['account', 'contact', 'note', 'opportunity', 'tag']);
    expect(Object.keys(bundle.layouts).sort()).toEqual(['accountList', 'opportunityBoard', 'opportunityForm', 'opportunityList']);
    expect(Object.keys(bundle.processes)).toEqual(['opportunitySales']);
    expect(sources.entities.note).toBe(`${PACKS}/example-addon/entities/note.json`);
    expect(sources.layouts.opportunityBoard).toBe(`${PACKS}/example/layouts/opportunity-board.json`);
    expect(sources.packs['example-addon']).toBe(`${PACKS}/example-addon/pack.json`);
  });

  it('maps problems between documents back to the files that hold them', async () => {
    expect(await problemsOf(loadPacks([`${PACKS}/broken-references`]))).toEqual([
      `${PACKS}/broken-references/entities/contact.json: /fields/1/entity: "company" is not an entity (entities: contact)`,
      `${PACKS}/broken-references/layouts/contact-list.json: /columns/1/field: "nickname" is not a field of contact`,
    ]);
  });

  it('rejects a document defined by two packs, naming both files', async () => {
    expect(await problemsOf(loadPacks([`${PACKS}/broken-duplicate-a`, `${PACKS}/broken-duplicate-b`]))).toEqual([
      `${PACKS}/broken-duplicate-b/entities/account.json: /name: duplicate entity name "account": also defined in ${PACKS}/broken-duplicate-a/entities/account.json`,
    ]);
  });

  it('reports a missing dependency and a dependency whose version does not satisfy the range', async () => {
    expect(await problemsOf(loadPacks([`${PACKS}/broken-dependency`]))).toEqual([
      `${PACKS}/broken-dependency/pack.json: /dependencies/sales: depends on pack "sales" (^2.0.0), which is not loaded`,
    ]);
    expect(await problemsOf(loadPacks([`${PACKS}/example-addon`]))).toEqual([
      `${PACKS}/example-addon/pack.json: /dependencies/example: depends on pack "example" (^1.0.0), which is not loaded`,
    ]);
  });

  it('gathers the problems of several packs into one error', async () => {
    const problems = await problemsOf(loadPacks([`${PACKS}/broken`, `${PACKS}/broken-dependency`]));
    expect(problems).toHaveLength(4);
    expect(problems.filter((problem) => problem.startsWith(`${PACKS}/broken/`))).toHaveLength(3);
  });
});

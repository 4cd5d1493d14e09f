// Test support: reads the example pack from tests/fixtures as plain JSON (tests only; core has no I/O).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityDocument } from '../../model/entity';
import type { LayoutDocument } from '../../model/layout';
import type { MetadataBundle } from '../../model/pack';
import type { PermissionSetDocument } from '../../model/permission';
import type { ProcessDocument } from '../../model/process';

export const EXAMPLE_PACK_DIRECTORY = join(__dirname, '../../../../tests/fixtures/packs/example');

export interface ExampleFile {
  file: string;
  json: unknown;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every JSON file of the example pack, pack.json first. */
export function exampleFiles(): ExampleFile[] {
  const files = ['pack.json', ...['entities', 'layouts', 'processes', 'permissions'].flatMap((folder) =>
    readdirSync(join(EXAMPLE_PACK_DIRECTORY, folder)).filter((name) => name.endsWith('.json')).sort().map((name) => `${folder}/${name}`))];
  return files.map((file) => ({ file, json: readJson(join(EXAMPLE_PACK_DIRECTORY, file)) }));
}

/** A fresh deep copy of one example document, for tests to break. */
export function exampleDocument<T = unknown>(file: string): T {
  return readJson(join(EXAMPLE_PACK_DIRECTORY, file)) as T;
}

/** The example pack as a bundle (fresh copies, so tests may modify it). */
export function exampleBundle(): MetadataBundle {
  const bundle: MetadataBundle = { packs: [{ name: 'example', version: '1.0.0' }], entities: {}, layouts: {}, processes: {}, permissions: {} };
  const permissions: Record<string, PermissionSetDocument> = {};
  bundle.permissions = permissions;
  for (const { file, json } of exampleFiles()) {
    if (file.startsWith('entities/')) { const entity = json as EntityDocument; bundle.entities[entity.name] = entity; }
    if (file.startsWith('layouts/')) { const layout = json as LayoutDocument; bundle.layouts[layout.name] = layout; }
    if (file.startsWith('processes/')) { const process = json as ProcessDocument; bundle.processes[process.name] = process; }
    if (file.startsWith('permissions/')) { const permissionSet = json as PermissionSetDocument; permissions[permissionSet.name] = permissionSet; }
  }
  return bundle;
}

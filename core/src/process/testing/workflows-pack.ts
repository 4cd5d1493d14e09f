// Test support: the reference workflows pack (tests/fixtures/packs/workflows) as a bundle, and
// its processes compiled with the built-in registry (tests only; core has no I/O).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityDocument } from '../../model/entity';
import type { MetadataBundle } from '../../model/pack';
import type { ProcessDocument } from '../../model/process';
import { compileProcess } from '../compile/compile-process';
import type { CompiledProcess } from '../compile/compiled-process';
import { createProcessRegistry } from '../registry/create-registry';
import type { ProcessUser } from '../registry/registry-types';

export const WORKFLOWS_PACK_DIRECTORY = join(__dirname, '../../../../tests/fixtures/packs/workflows');

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function documentsIn<T>(folder: string): T[] {
  const directory = join(WORKFLOWS_PACK_DIRECTORY, folder);
  return readdirSync(directory).filter((name) => name.endsWith('.json')).sort().map((name) => readJson<T>(join(directory, name)));
}

/** The workflows pack as a bundle (fresh copies, so tests may modify it). */
export function workflowsBundle(): MetadataBundle {
  const bundle: MetadataBundle = { packs: [{ name: 'workflows', version: '1.0.0' }], entities: {}, layouts: {}, processes: {} };
  for (const entity of documentsIn<EntityDocument>('entities')) bundle.entities[entity.name] = entity;
  for (const process of documentsIn<ProcessDocument>('processes')) bundle.processes[process.name] = process;
  return bundle;
}

export function workflowProcess(name: string, bundle: MetadataBundle = workflowsBundle()): ProcessDocument {
  const process = bundle.processes[name];
  if (!process) throw new Error(`no process ${name} in the workflows pack`);
  return process;
}

/** A reference process compiled against the built-ins and the pack's entities. */
export function compileWorkflow(name: string, change: (process: ProcessDocument) => void = () => undefined): CompiledProcess {
  const bundle = workflowsBundle();
  const process = workflowProcess(name, bundle);
  change(process);
  return compileProcess(process, createProcessRegistry(), { bundle });
}

export const REP: ProcessUser = { id: 'user-rep', roles: ['salesRep'] };
export const MANAGER: ProcessUser = { id: 'user-manager', roles: ['salesManager'] };

// The compiled processes of each published metadata version, compiled once per version: the live
// version's with its compiled metadata (so a publish brings a new set), older versions on demand
// from the metadata repository (records keep the process version they started on) and cached.
import { compileProcess, createProcessRegistry, NotFoundError, type CompiledProcess, type MetadataBundle, type ProcessRegistry, type RegistryExtension } from '@stagecraft/core';
import type { MetadataRepository } from '@stagecraft/metadata';
import { derivedOnce } from '../live/compile-metadata';
import type { CompiledMetadata } from '../live/compiled-types';

/** The processes of one metadata version. A process that failed to compile keeps its error. */
export interface ProcessSet {
  version: number | null;
  bundle: MetadataBundle;
  byName: ReadonlyMap<string, CompiledProcess | Error>;
  /** Process names bound to each entity. */
  namesByEntity: ReadonlyMap<string, readonly string[]>;
}

export interface ProcessCatalogOptions {
  repository: MetadataRepository;
  live: () => CompiledMetadata;
  /** Pack hooks: guards and actions beyond the built-ins. */
  extensions?: RegistryExtension[];
  /** Older versions kept compiled (records on them are rare after a migration). */
  maxCachedVersions?: number;
}

export function compileProcessSet(bundle: MetadataBundle, version: number | null, registry: ProcessRegistry): ProcessSet {
  const byName = new Map<string, CompiledProcess | Error>();
  const namesByEntity = new Map<string, string[]>();
  for (const process of Object.values(bundle.processes)) {
    try {
      byName.set(process.name, compileProcess(process, registry, { bundle }));
    } catch (error) {
      byName.set(process.name, error instanceof Error ? error : new Error(String(error)));
    }
    namesByEntity.set(process.entity, [...(namesByEntity.get(process.entity) ?? []), process.name]);
  }
  return { version, bundle, byName, namesByEntity };
}

export class ProcessCatalog {
  readonly registry: ProcessRegistry;
  private readonly older = new Map<number, Promise<ProcessSet>>();

  constructor(private readonly options: ProcessCatalogOptions) {
    this.registry = createProcessRegistry(...(options.extensions ?? []));
  }

  /** The processes of a compiled metadata version (the live one a request started with). */
  of(metadata: CompiledMetadata): ProcessSet {
    return derivedOnce(metadata, 'processes', () => compileProcessSet(metadata.bundle, metadata.version, this.registry));
  }

  /** The processes of any published version; the live one is taken from the live metadata. */
  async forVersion(version: number): Promise<ProcessSet> {
    const live = this.options.live();
    if (live.version === version) return this.of(live);
    let cached = this.older.get(version);
    if (!cached) {
      cached = this.loadVersion(version);
      this.older.set(version, cached);
      cached.catch(() => this.older.delete(version));
      const limit = this.options.maxCachedVersions ?? 20;
      for (const key of this.older.keys()) if (this.older.size > limit && key !== version) this.older.delete(key);
    }
    return cached;
  }

  private async loadVersion(version: number): Promise<ProcessSet> {
    const published = await this.options.repository.getVersion(version);
    if (!published) throw new NotFoundError(`There is no metadata version ${version}`);
    return compileProcessSet(published.bundle, version, this.registry);
  }
}

/** One compiled process of a set, or the reason it cannot run. */
export function processIn(set: ProcessSet, name: string): CompiledProcess {
  const compiled = set.byName.get(name);
  if (compiled === undefined) throw new NotFoundError(`There is no process "${name}" in metadata version ${String(set.version)}`);
  if (compiled instanceof Error) throw compiled;
  return compiled;
}

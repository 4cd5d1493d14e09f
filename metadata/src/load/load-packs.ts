// Loads several packs into one bundle: orders them by their dependencies, rejects documents
// defined twice, then checks the bundle as a whole (references between documents). Every
// problem, from every file, is reported in one ValidationError.
import { ValidationError, emptyBundle, validateBundle } from '@stagecraft/core';
import type { MetadataBundle, MetadataDocument, Problem } from '@stagecraft/core';
import { attachSource, emptySources } from './document-sources';
import type { DocumentSources } from './document-sources';
import { readPack } from './load-pack';
import type { LoadOptions, LoadedPack } from './load-pack';
import { orderPacks } from './pack-order';

export interface LoadedBundle {
  bundle: MetadataBundle;
  sources: DocumentSources;
  /** The packs in dependency order. */
  packs: LoadedPack[];
}

export async function loadPacks(directories: readonly string[], options: LoadOptions = {}): Promise<LoadedBundle> {
  const problems: Problem[] = [];
  const packs: LoadedPack[] = [];
  for (const directory of directories) {
    const result = await readPack(directory, options);
    problems.push(...result.problems);
    if (result.pack) packs.push(result.pack);
  }

  const { ordered, problems: orderProblems } = orderPacks(packs);
  problems.push(...orderProblems);
  const { bundle, sources, problems: duplicateProblems } = assembleBundle(ordered);
  problems.push(...duplicateProblems);

  // Checking references while some documents are missing (invalid) would only report echoes
  // of problems already listed, so the bundle is checked once every document is valid.
  if (problems.length === 0) {
    problems.push(...validateBundle(bundle).map((problem) => attachSource(sources, problem)));
  }
  if (problems.length > 0) throw new ValidationError('Pack metadata is invalid', problems);
  return { bundle, sources, packs: ordered };
}

/** The packs' documents keyed by name, plus where each came from. */
export function assembleBundle(packs: readonly LoadedPack[]): { bundle: MetadataBundle; sources: DocumentSources; problems: Problem[] } {
  const bundle = emptyBundle();
  const sources = emptySources();
  const problems: Problem[] = [];

  for (const pack of packs) {
    const { name, version } = pack.manifest;
    if (Object.hasOwn(sources.packs, name)) {
      problems.push(duplicateProblem('pack', name, pack.manifestFile, sources.packs[name]));
      continue;
    }
    sources.packs[name] = pack.manifestFile;
    bundle.packs.push({ name, version });

    for (const { file, document } of pack.documents) {
      const slot = slotOf(bundle, sources, document);
      if (Object.hasOwn(slot.sources, document.name)) {
        problems.push(duplicateProblem(slot.label, document.name, file, slot.sources[document.name]));
        continue;
      }
      slot.sources[document.name] = file;
      slot.add();
    }
  }
  return { bundle, sources, problems };
}

interface BundleSlot {
  label: string;
  sources: Record<string, string>;
  add(): void;
}

function slotOf(bundle: MetadataBundle, sources: DocumentSources, document: MetadataDocument): BundleSlot {
  switch (document.kind) {
    case 'entity':
      return { label: 'entity', sources: sources.entities, add: () => void (bundle.entities[document.name] = document) };
    case 'process':
      return { label: 'process', sources: sources.processes, add: () => void (bundle.processes[document.name] = document) };
    case 'permissionSet': {
      const permissions = (bundle.permissions ??= {});
      return { label: 'permission set', sources: sources.permissions, add: () => void (permissions[document.name] = document) };
    }
    case 'report': {
      const reports = (bundle.reports ??= {});
      return { label: 'report', sources: sources.reports, add: () => void (reports[document.name] = document) };
    }
    case 'form':
    case 'list':
    case 'board':
      return { label: 'layout', sources: sources.layouts, add: () => void (bundle.layouts[document.name] = document) };
  }
}

function duplicateProblem(label: string, name: string, file: string, firstFile: string | undefined): Problem {
  return { file, path: '/name', code: 'duplicateName', message: `duplicate ${label} name "${name}": also defined in ${firstFile ?? 'another file'}` };
}

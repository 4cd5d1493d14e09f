// Loads one pack directory: its manifest (pack.json) and every document in entities/, layouts/,
// processes/, permissions/ and reports/, each validated on its own. Cross-document checks happen in load-packs.ts.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ValidationError, validateDocument } from '@stagecraft/core';
import type { MetadataDocument, PackManifest, Problem } from '@stagecraft/core';
import { readJsonFile } from './read-json-file';

export interface LoadedDocument {
  /** Where the document came from, relative to the base directory (the cwd by default). */
  file: string;
  document: MetadataDocument;
}

export interface LoadedPack {
  manifest: PackManifest;
  /** The pack directory, absolute. */
  directory: string;
  /** The manifest's path as shown in problems, e.g. `packs/sfa/pack.json`. */
  manifestFile: string;
  /** Sorted by file, so loading is deterministic. */
  documents: LoadedDocument[];
}

export interface LoadOptions {
  /** Problems name files relative to this directory (default: the process's working directory). */
  baseDirectory?: string;
}

export const MANIFEST_FILE = 'pack.json';

/** Which document kinds each pack folder may hold. */
export const DOCUMENT_FOLDERS = {
  entities: ['entity'],
  layouts: ['form', 'list', 'board'],
  processes: ['process'],
  permissions: ['permissionSet'],
  reports: ['report'],
} as const satisfies Record<string, readonly MetadataDocument['kind'][]>;
type DocumentFolder = keyof typeof DOCUMENT_FOLDERS;

/** Loads and validates one pack; throws one ValidationError listing every problem found. */
export async function loadPack(directory: string, options: LoadOptions = {}): Promise<LoadedPack> {
  const { pack, problems } = await readPack(directory, options);
  if (!pack || problems.length > 0) throw new ValidationError('Pack metadata is invalid', problems);
  return pack;
}

/** Like loadPack, but returns the problems instead of throwing (loadPacks gathers them all). */
export async function readPack(directory: string, options: LoadOptions = {}): Promise<{ pack?: LoadedPack; problems: Problem[] }> {
  const base = options.baseDirectory ?? process.cwd();
  const absolute = path.resolve(base, directory);
  const display = (target: string): string => displayPathOf(base, target);

  const directoryProblem = await checkDirectory(absolute, display(absolute));
  if (directoryProblem) return { problems: [directoryProblem] };

  const problems: Problem[] = [];
  const manifestPath = path.join(absolute, MANIFEST_FILE);
  const manifestFile = display(manifestPath);
  const manifest = await readManifest(manifestPath, manifestFile, problems);

  const documents: LoadedDocument[] = [];
  for (const folder of Object.keys(DOCUMENT_FOLDERS) as DocumentFolder[]) {
    const folderPath = path.join(absolute, folder);
    for (const filePath of await listJsonFiles(folderPath, display(folderPath), problems)) {
      const document = await readDocument(filePath, display(filePath), folder, problems);
      if (document) documents.push(document);
    }
  }
  if (!manifest) return { problems };
  return { pack: { manifest, directory: absolute, manifestFile, documents }, problems };
}

async function checkDirectory(absolute: string, file: string): Promise<Problem | undefined> {
  try {
    const stats = await fs.stat(absolute);
    if (!stats.isDirectory()) return { file, path: '', code: 'notADirectory', message: 'a pack must be a directory holding pack.json' };
    return undefined;
  } catch {
    return { file, path: '', code: 'notFound', message: 'pack directory does not exist' };
  }
}

async function readManifest(manifestPath: string, file: string, problems: Problem[]): Promise<PackManifest | undefined> {
  if (!(await isFile(manifestPath))) {
    problems.push({ file, path: '', code: 'missingManifest', message: 'missing pack manifest: every pack needs a pack.json with kind "pack", a name and a version' });
    return undefined;
  }
  const parsed = await readJsonFile(manifestPath, file);
  if (parsed.problems.length > 0) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const misplaced = misplacedKindProblem(parsed.value, ['pack'], 'pack.json');
  if (misplaced) {
    problems.push({ ...misplaced, file });
    return undefined;
  }
  const result = validateDocument(parsed.value);
  problems.push(...result.problems.map((problem) => ({ ...problem, file })));
  return result.problems.length === 0 && result.document?.kind === 'pack' ? result.document : undefined;
}

async function readDocument(filePath: string, file: string, folder: DocumentFolder, problems: Problem[]): Promise<LoadedDocument | undefined> {
  const parsed = await readJsonFile(filePath, file);
  if (parsed.problems.length > 0) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const allowed: readonly string[] = DOCUMENT_FOLDERS[folder];
  const misplaced = misplacedKindProblem(parsed.value, allowed, `${folder}/`);
  if (misplaced) {
    problems.push({ ...misplaced, file });
    return undefined;
  }
  const result = validateDocument(parsed.value);
  problems.push(...result.problems.map((problem) => ({ ...problem, file })));
  const document = result.document;
  if (result.problems.length > 0 || !document || document.kind === 'pack') return undefined;
  return { file, document };
}

/** A document of a known kind in the wrong place; unknown kinds are left to the meta-schema. */
function misplacedKindProblem(value: unknown, allowed: readonly string[], place: string): Problem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind !== 'string' || allowed.includes(kind) || !isKnownKind(kind)) return undefined;
  const expected = allowed.map((name) => `"${name}"`).join(' or ');
  return { path: '/kind', code: 'misplacedDocument', message: `a "${kind}" document does not belong in ${place} (expected kind ${expected})` };
}

function isKnownKind(kind: string): boolean {
  return kind === 'pack' || Object.values(DOCUMENT_FOLDERS).some((kinds: readonly string[]) => kinds.includes(kind));
}

/** Every *.json file below a folder, sorted by path; a missing folder simply holds nothing. */
async function listJsonFiles(folderPath: string, file: string, problems: Problem[]): Promise<string[]> {
  let stats;
  try {
    stats = await fs.stat(folderPath);
  } catch {
    return [];
  }
  if (!stats.isDirectory()) {
    problems.push({ file, path: '', code: 'notADirectory', message: 'expected a folder of JSON documents' });
    return [];
  }
  const entries = await fs.readdir(folderPath, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort(compareText);
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await fs.stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** Code-point order: independent of the machine's locale, so every machine loads alike. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file as people should read it: relative to the base when inside it, absolute otherwise. */
function displayPathOf(base: string, target: string): string {
  const relative = path.relative(base, target);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? target : relative;
}

// The identity pack (users, teams, roles) ships with the runtime in `runtime/packs/identity` and
// is published before the configured packs by start, serve and publish — and merged into bundles
// published through the API — so authentication always has its entities and other packs may
// reference them.
import path from 'node:path';
import { permissionSetsOf, type MetadataBundle } from '@stagecraft/core';
import { loadPacks } from '@stagecraft/metadata';
import { IDENTITY_ENTITIES } from './identity-entities';

/** Same relative place from `src/identity` and from the compiled `dist/identity`. */
export const IDENTITY_PACK_DIRECTORY = path.resolve(__dirname, '../../packs/identity');
export const IDENTITY_PACK_NAME = 'identity';

/** The pack directories to load: the identity pack first, then the configured ones (without it again). */
export function withIdentityPack(directories: readonly string[]): string[] {
  return [IDENTITY_PACK_DIRECTORY, ...directories.filter((directory) => path.resolve(directory) !== IDENTITY_PACK_DIRECTORY)];
}

export async function loadIdentityBundle(): Promise<MetadataBundle> {
  return (await loadPacks([IDENTITY_PACK_DIRECTORY])).bundle;
}

export function lacksIdentity(bundle: MetadataBundle): boolean {
  return IDENTITY_ENTITIES.some((name) => !Object.hasOwn(bundle.entities, name));
}

/** The bundle with the identity pack's entities and permission sets added when it lacks them (its own versions win). */
export function includeIdentity(bundle: MetadataBundle, identity: MetadataBundle): MetadataBundle {
  if (!lacksIdentity(bundle)) return bundle;
  const hasPack = bundle.packs.some((pack) => pack.name === IDENTITY_PACK_NAME);
  return {
    ...bundle,
    packs: hasPack ? bundle.packs : [...identity.packs, ...bundle.packs],
    entities: { ...identity.entities, ...bundle.entities },
    permissions: { ...permissionSetsOf(identity), ...permissionSetsOf(bundle) },
  };
}

// `serve` publishes nothing of its own, but the server cannot authenticate anyone without the
// identity entities: when the live version lacks them (a database from before identity, or an
// empty one), they are added to it as a new version — an additive change.
import { emptyBundle } from '@stagecraft/core';
import type { MetadataRepository, PublishResult } from '@stagecraft/metadata';
import { includeIdentity, lacksIdentity, loadIdentityBundle } from './identity-pack';

export async function ensureIdentityPublished(repository: MetadataRepository, author: string): Promise<PublishResult | null> {
  const number = await repository.liveVersionNumber();
  const live = number === null ? null : await repository.getVersion(number);
  const bundle = live?.bundle ?? emptyBundle();
  if (!lacksIdentity(bundle)) return null;
  return repository.publish(includeIdentity(bundle, await loadIdentityBundle()), { author, message: 'Identity pack added' });
}

// The compiled access policy for an actor, memoised per metadata version and role set: the
// compiler runs once per (version, roles), and each request binds its actor's values.
import { accessPolicyKey, accessSubjectOf, compileAccessPolicy, type AccessPolicy, type EntityAccess } from '@stagecraft/core';
import type { Actor } from '../identity/actor';
import type { CompiledMetadata } from '../live/compiled-types';

// Keyed by the compiled version object: a publish compiles a new one and the old cache goes with it.
const policiesByVersion = new WeakMap<CompiledMetadata, Map<string, AccessPolicy>>();

export function accessPolicyOf(metadata: CompiledMetadata, actor: Actor): AccessPolicy {
  const subject = accessSubjectOf(actor);
  const key = accessPolicyKey(subject);
  let policies = policiesByVersion.get(metadata);
  if (!policies) {
    policies = new Map();
    policiesByVersion.set(metadata, policies);
  }
  let policy = policies.get(key);
  if (!policy) {
    policy = compileAccessPolicy(metadata.bundle, subject);
    policies.set(key, policy);
  }
  return policy;
}

export function entityAccessOf(metadata: CompiledMetadata, actor: Actor, entity: string): EntityAccess {
  return accessPolicyOf(metadata, actor).entity(entity);
}

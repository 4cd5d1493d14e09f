// Who a policy is compiled for: only what decides the rules' shape (roles, admin, partner), not
// who exactly — so a compiled policy is shared by every actor with the same roles and cached
// per metadata version and `accessPolicyKey`.
import type { ActorBindings } from './access-rule';

export interface AccessSubject {
  roles: readonly string[];
  /** Administrators (and the system itself) bypass every rule. */
  isAdmin: boolean;
  /** Partner users see only records whose partner field is their partner account. */
  isPartner: boolean;
}

/** The parts of an authenticated actor the policy reads (the runtime's Actor fits). */
export interface PolicyActor extends ActorBindings {
  kind?: 'user' | 'system';
  roles: readonly string[];
  isAdmin: boolean;
}

export function accessSubjectOf(actor: PolicyActor): AccessSubject {
  return { roles: actor.roles, isAdmin: actor.isAdmin || actor.kind === 'system', isPartner: actor.partnerAccountId !== null };
}

export function actorBindingsOf(actor: PolicyActor): ActorBindings {
  return { userId: actor.userId, teamIds: actor.teamIds, subordinateRoles: actor.subordinateRoles, partnerAccountId: actor.partnerAccountId };
}

/** Equal keys ⇔ equal compiled policies (for one metadata version). */
export function accessPolicyKey(subject: AccessSubject): string {
  if (subject.isAdmin) return 'admin';
  const roles = [...new Set(subject.roles)].sort();
  return `${subject.isPartner ? 'partner' : 'member'}:${JSON.stringify(roles)}`;
}

// The policy compiler: metadata (permission sets, ownership) + who (roles, admin, partner) →
// per entity, which operations are allowed, on which records (an access rule for the SQL) and
// with which field access. Pure and deterministic; compile once per metadata version and role
// set (`accessPolicyKey`), bind actor values when querying.
import type { EntityDocument } from '../model/entity';
import { permissionSetsOf, type MetadataBundle } from '../model/pack';
import type { EntityOperation, EntityPermission, FieldAccessLevel, SharingRule } from '../model/permission';
import { EVERY_USER_ROLE, SCOPED_OPERATIONS, type ScopedOperation } from '../model/permission';
import { allOf, anyOf, type AccessRule } from './access-rule';
import type { AccessSubject } from './access-subject';
import { compileFieldAccess } from './field-access';
import { ownerFieldOf, partnerFieldOf } from './ownership';
import { scopeRule } from './record-scope';

export interface EntityAccess {
  readonly entity: string;
  /** Whether the operation is allowed on at least some records. */
  can(operation: EntityOperation): boolean;
  /** The records the operation may touch; for create and import just whether it is allowed. */
  rowFilter(operation: EntityOperation): AccessRule;
  /** Unknown fields are hidden; system fields are read-only (hidden without any access). */
  fieldAccess(field: string): FieldAccessLevel;
  readonly hiddenFields: ReadonlySet<string>;
  readonly ownerField: string | undefined;
  readonly partnerField: string | undefined;
}

export interface AccessPolicy {
  readonly subject: AccessSubject;
  /** The entity's access; an entity the bundle does not have allows nothing. */
  entity(name: string): EntityAccess;
}

const SHARING_OPERATIONS: Readonly<Record<SharingRule['access'], readonly ScopedOperation[]>> = { read: ['read'], edit: ['read', 'update'] };

export function compileAccessPolicy(bundle: MetadataBundle, subject: AccessSubject): AccessPolicy {
  const roles = new Set(subject.roles);
  const sets = Object.values(permissionSetsOf(bundle)).filter((set) => set.role === EVERY_USER_ROLE || roles.has(set.role));
  const byEntity = new Map<string, EntityAccess>();
  for (const entity of Object.values(bundle.entities)) {
    if (subject.isAdmin) {
      byEntity.set(entity.name, adminAccess(entity));
      continue;
    }
    const grants = sets.flatMap((set) => (Object.hasOwn(set.entities, entity.name) ? [set.entities[entity.name] as EntityPermission] : []));
    const sharingRules = sets.flatMap((set) => (set.sharingRules ?? []).filter((rule) => rule.entity === entity.name));
    byEntity.set(entity.name, memberAccess(entity, grants, sharingRules, subject.isPartner));
  }
  return {
    subject,
    entity: (name) => byEntity.get(name) ?? noAccess(name),
  };
}

function memberAccess(entity: EntityDocument, grants: readonly EntityPermission[], sharingRules: readonly SharingRule[], isPartner: boolean): EntityAccess {
  const ownerField = ownerFieldOf(entity);
  const partnerField = partnerFieldOf(entity);
  // A partner reaches, through grants, only records shared with their partner account;
  // sharing rules are explicit exceptions an administrator wrote for the role.
  const partnerRestriction: AccessRule = !isPartner ? true : partnerField === undefined ? false : { kind: 'equalsActor', field: partnerField, parameter: 'partnerAccountId' };
  const rules = new Map<EntityOperation, AccessRule>();
  for (const operation of SCOPED_OPERATIONS) {
    const granted = anyOf(grants.map((grant) => scopeRule(grant[operation], ownerField)));
    const shared = anyOf(sharingRules.filter((rule) => SHARING_OPERATIONS[rule.access].includes(operation)).map(sharingRuleOf));
    rules.set(operation, anyOf([allOf([granted, partnerRestriction]), shared]));
  }
  for (const operation of ['create', 'import'] as const) {
    rules.set(operation, partnerRestriction !== false && grants.some((grant) => grant[operation] === true));
  }
  const hasAccess = grants.length > 0 || sharingRules.length > 0;
  const readOnlyFields = isPartner && partnerField !== undefined ? [partnerField] : [];
  const fields = compileFieldAccess({ entity, grants, hasAccess, ownerField, readOnlyFields });
  return entityAccess(entity.name, rules, fields, ownerField, partnerField);
}

function sharingRuleOf(rule: SharingRule): AccessRule {
  return allOf(rule.where.map((clause) => ({ kind: 'match', clause })));
}

function adminAccess(entity: EntityDocument): EntityAccess {
  const rules = new Map<EntityOperation, AccessRule>();
  for (const operation of [...SCOPED_OPERATIONS, 'create', 'import'] as const) rules.set(operation, true);
  const fields = compileFieldAccess({ entity, grants: [], hasAccess: true, ownerField: undefined, readOnlyFields: [] });
  return entityAccess(entity.name, rules, fields, ownerFieldOf(entity), partnerFieldOf(entity));
}

function noAccess(name: string): EntityAccess {
  return entityAccess(name, new Map(), new Map(), undefined, undefined);
}

function entityAccess(name: string, rules: ReadonlyMap<EntityOperation, AccessRule>, fields: ReadonlyMap<string, FieldAccessLevel>, ownerField: string | undefined, partnerField: string | undefined): EntityAccess {
  const rowFilter = (operation: EntityOperation): AccessRule => rules.get(operation) ?? false;
  return {
    entity: name,
    can: (operation) => rowFilter(operation) !== false,
    rowFilter,
    fieldAccess: (field) => fields.get(field) ?? 'hidden',
    hiddenFields: new Set([...fields].filter(([, level]) => level === 'hidden').map(([field]) => field)),
    ownerField,
    partnerField,
  };
}

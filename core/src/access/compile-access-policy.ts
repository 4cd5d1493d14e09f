// The policy compiler: metadata (permission sets, ownership) + who (roles, admin, partner) →
// per entity, which operations are allowed, on which records (an access rule for the SQL) and
// with which field access. Pure and deterministic; compile once per metadata version and role
// set (`accessPolicyKey`), bind actor values when querying.
import type { EntityDocument } from '../model/entity';
import { permissionSetsOf, type MetadataBundle } from '../model/pack';
import type { EntityOperation, EntityPermission, FieldAccessLevel, PermissionSetDocument, SharingRule } from '../model/permission';
import { EVERY_USER_ROLE, SCOPED_OPERATIONS, type ScopedOperation } from '../model/permission';
import { allOf, anyOf, type AccessRule } from './access-rule';
import type { AccessSubject } from './access-subject';
import { compileFieldAccess } from './field-access';
import { ownerFieldOf, partnerFieldOf } from './ownership';
import { scopeRule, type ParentRuleOf } from './record-scope';

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
  const compiling = new Set<string>();
  // Entities compile on demand, so a parent scope can read its parent's finished rules.
  const accessOf = (name: string): EntityAccess => {
    const compiled = byEntity.get(name);
    if (compiled) return compiled;
    const entity = bundle.entities[name];
    // A cycle of parent scopes (validation reports it) reaches nothing through the cycle.
    if (!entity || compiling.has(name)) return noAccess(name);
    compiling.add(name);
    const access = subject.isAdmin ? adminAccess(entity) : memberAccess(entity, sets, subject.isPartner, accessOf);
    compiling.delete(name);
    byEntity.set(name, access);
    return access;
  };
  for (const name of Object.keys(bundle.entities)) accessOf(name);
  return {
    subject,
    entity: (name) => byEntity.get(name) ?? noAccess(name),
  };
}

function memberAccess(entity: EntityDocument, sets: readonly PermissionSetDocument[], isPartner: boolean, accessOf: (name: string) => EntityAccess): EntityAccess {
  const entrySets = sets.filter((set) => Object.hasOwn(set.entities, entity.name));
  const grants = entrySets.map((set) => set.entities[entity.name] as EntityPermission);
  const sharingRules = sets.flatMap((set) => (set.sharingRules ?? []).filter((rule) => rule.entity === entity.name));
  const ownerField = ownerFieldOf(entity);
  const partnerField = partnerFieldOf(entity);
  // A partner reaches, through grants, only records shared with their partner account; so does
  // anyone through a partner-only set (a holder without a partner account binds null: no record).
  // Sharing rules are explicit exceptions an administrator wrote for the role.
  const ownPartnerAccount: AccessRule = partnerField === undefined ? false : { kind: 'equalsActor', field: partnerField, parameter: 'partnerAccountId' };
  const restrictionOf = (set: PermissionSetDocument): AccessRule => (isPartner || set.partnerOnly === true ? ownPartnerAccount : true);
  const rules = new Map<EntityOperation, AccessRule>();
  for (const operation of SCOPED_OPERATIONS) {
    const parentRuleOf = parentRuleResolver(entity, operation, accessOf);
    const granted = anyOf(entrySets.map((set) => allOf([scopeRule(set.entities[entity.name]?.[operation], ownerField, parentRuleOf), restrictionOf(set)])));
    const shared = anyOf(sharingRules.filter((rule) => SHARING_OPERATIONS[rule.access].includes(operation)).map(sharingRuleOf));
    rules.set(operation, anyOf([granted, shared]));
  }
  for (const operation of ['create', 'import'] as const) {
    // A partner-only set lets only partners create (their records carry their partner account).
    rules.set(operation, entrySets.some((set) => set.entities[entity.name]?.[operation] === true && restrictionOf(set) !== false && (isPartner || set.partnerOnly !== true)));
  }
  const hasAccess = grants.length > 0 || sharingRules.length > 0;
  const readOnlyFields = isPartner && partnerField !== undefined ? [partnerField] : [];
  const fields = compileFieldAccess({ entity, grants, hasAccess, ownerField, readOnlyFields });
  return entityAccess(entity.name, rules, fields, ownerField, partnerField);
}

/** A parent scope `{via, operation}` → "the reference names a record the actor may <operation>". */
function parentRuleResolver(entity: EntityDocument, operation: ScopedOperation, accessOf: (name: string) => EntityAccess): ParentRuleOf {
  return (scope) => {
    const field = entity.fields.find((candidate) => candidate.name === scope.via);
    if (field?.type !== 'reference') return false;
    const parent = accessOf(field.entity).rowFilter(scope.operation ?? operation);
    return typeof parent === 'boolean' ? parent : { kind: 'parent', field: field.name, entity: field.entity, rule: parent };
  };
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

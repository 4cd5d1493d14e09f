// Permissions, pure: ownership metadata, access rules (boolean | Where) and the policy compiler.
// The runtime turns rules into SQL; designers and tests can evaluate them in memory.
export { allOf, anyOf, type AccessRule, type AccessWhere, type ActorBindings, type SingleActorParameter } from './access-rule';
export { accessPolicyKey, accessSubjectOf, actorBindingsOf, type AccessSubject, type PolicyActor } from './access-subject';
export { compileAccessPolicy, type AccessPolicy, type EntityAccess } from './compile-access-policy';
export { recordMatchesRule, type DirectoryUser, type RuleEvaluationContext } from './evaluate-access-rule';
export { compileFieldAccess, leastPermissive, mostPermissive } from './field-access';
export { DEFAULT_OWNER_FIELD, PARTNER_FIELD_TYPES, ownerFieldOf, partnerFieldOf } from './ownership';
export { scopeRule } from './record-scope';

// An entity's assignment rules (`assignment` in its metadata), run inside a write's transaction:
// the first rule whose condition holds and that finds an active user decides the owner. Teams are
// worked through the same code as the workflow's assignOwner action (workflow/team-assignment.ts):
// the round-robin cursor is one row per team, so processes and assignment rules take turns
// fairly on the same team.
import { compileExpression, isTruthy, type AssignmentDefinition, type AssignmentRuleDefinition } from '@stagecraft/core';
import type { Transaction } from 'sequelize';
import { accessOf } from '../access/record-access';
import { findUser } from '../identity/identity-entities';
import type { CompiledEntity } from '../live/compiled-types';
import type { RecordContext } from '../records/record-context';
import type { RecordData } from '../records/record-rows';
import { leastLoaded, nextInTurn, teamMembers, type AssignmentScope } from '../workflow/team-assignment';

export interface Assignment {
  /** The user field set. */
  field: string;
  user: string;
  /** The rule that decided. */
  rule: string;
}

/** The user field an entity's assignment sets: its own `field`, else the owner field. */
export function assignmentFieldOf(context: RecordContext, entity: CompiledEntity, assignment: AssignmentDefinition): string | undefined {
  return assignment.field ?? accessOf(context, entity).ownerField;
}

/**
 * Whether a create with these values (as sent, before the server fills the owner) is for the
 * rules to route: the entity has rules and the request named nobody in their field.
 */
export function needsAssignment(context: RecordContext, entity: CompiledEntity, values: Readonly<Record<string, unknown>>): boolean {
  const assignment = entity.document.assignment;
  if (!assignment) return false;
  const field = assignmentFieldOf(context, entity, assignment);
  return field !== undefined && (values[field] === undefined || values[field] === null);
}

/** Runs the rules on `record`; sets and returns the assignment, or leaves the record alone when no rule finds anyone. */
export async function applyAssignmentRules(context: RecordContext, entity: CompiledEntity, record: RecordData, transaction: Transaction): Promise<Assignment | undefined> {
  const assignment = entity.document.assignment;
  const field = assignment ? assignmentFieldOf(context, entity, assignment) : undefined;
  if (!assignment || field === undefined) return undefined;
  const scope: AssignmentScope = { database: context.database, metadata: context.metadata, transaction };
  const expressionScope = { ...record, user: { id: context.actor.userId, roles: [...context.actor.roles] } };
  for (const rule of assignment.rules) {
    if (rule.when !== undefined && !isTruthy(compileExpression(rule.when).evaluate(expressionScope, { now: context.now() }))) continue;
    const user = await assigneeOf(context, scope, entity, field, rule, record);
    if (user === undefined) continue;
    record[field] = user;
    return { field, user, rule: rule.name };
  }
  return undefined;
}

async function assigneeOf(context: RecordContext, scope: AssignmentScope, entity: CompiledEntity, field: string, rule: AssignmentRuleDefinition, record: RecordData): Promise<string | undefined> {
  if (rule.user !== undefined) {
    const user = (await findUser(context.database, context.metadata, 'username', rule.user, scope.transaction)) ?? (await findUser(context.database, context.metadata, 'id', rule.user, scope.transaction));
    return user?.active ? user.id : undefined;
  }
  const team = rule.team ?? (rule.teamField === undefined ? undefined : await teamNamedBy(context, entity, rule.teamField, record, scope.transaction));
  if (team === undefined || team === '') return undefined;
  const members = await teamMembers(scope, team);
  if ((rule.strategy ?? 'roundRobin') === 'roundRobin') return nextInTurn(scope, team, members);
  return leastLoaded(scope, entity, field, members, openStagesOf(context, entity));
}

/** The team a record's field names: `team`, or `territory.team` read from the referenced record. */
async function teamNamedBy(context: RecordContext, entity: CompiledEntity, path: string, record: RecordData, transaction: Transaction): Promise<string | undefined> {
  const [first = '', second] = path.split('.');
  const value = record[first];
  if (value === null || value === undefined || value === '') return undefined;
  if (second === undefined) return String(value);
  const reference = entity.references.find((candidate) => candidate.field.name === first);
  const target = reference ? context.metadata.entities.get(reference.target) : undefined;
  const column = target?.fields.get(second);
  if (!target || !column) return undefined;
  const rows = await context.database.select(`SELECT ${column.sql} AS ${context.database.quote('team')} FROM ${target.tableSql} WHERE ${context.database.quote('id')} = $1`, [String(value)], transaction);
  const team = rows[0]?.team;
  return team === null || team === undefined ? undefined : String(team);
}

/** For least-loaded: records in a final stage of the entity's process do not count as load. */
function openStagesOf(context: RecordContext, entity: CompiledEntity): { field: string; finalStages: string[] } | undefined {
  const process = Object.values(context.metadata.bundle.processes).find((candidate) => candidate.entity === entity.name);
  if (!process) return undefined;
  const finalStages = Object.entries(process.states).filter(([, state]) => state.type === 'final').map(([name]) => name);
  return { field: process.stageField, finalStages };
}

// The record-write pipeline every write path runs: the record layer's phases and each
// capability's, registered here once. To add a phase: name it in write-phases.ts (its place in
// PHASE_NAMES is its order), write `{ name, run }` beside the capability, register it below, and
// declare in skipped-phases.ts the kinds of write it does not apply to, with the reason.
import type { Transaction } from 'sequelize';
import { assignmentPhase } from '../../assignment/assignment-phase';
import { membershipAuditPhase } from '../../audit/membership-phase';
import { overlapPhase } from '../../calendar/overlap-phase';
import { duplicatePhase } from '../../duplicates/duplicate-phase';
import { credentialPhase } from '../../identity/credential-phase';
import { rollupPhases } from '../../rollups/rollup-phases';
import { asUniqueConflict } from '../unique-conflicts';
import { hookPhases } from './hook-phases';
import { recordPhases } from './record-phases';
import type { RecordWriteContext } from './write-context';
import { WritePipeline } from './write-pipeline';

export const recordWritePipeline = new WritePipeline();
for (const phase of [...recordPhases, duplicatePhase, ...rollupPhases, assignmentPhase, ...hookPhases, overlapPhase, membershipAuditPhase, credentialPhase]) {
  recordWritePipeline.register(phase);
}

/**
 * Runs a write: the phases' preparation, then the phases in one transaction — the caller's when
 * the operation runs inside one (an import, a conversion, a process creating a record), else its
 * own, after whose commit the phases' after-commit work runs. False when `load` found nothing to write.
 */
export async function runRecordWrite(context: RecordWriteContext, pipeline: WritePipeline = recordWritePipeline): Promise<boolean> {
  await pipeline.prepare(context);
  const within = context.operation.transaction;
  let written: boolean;
  try {
    written = within ? await pipeline.run(context, within) : await context.operation.database.transaction((transaction: Transaction) => pipeline.run(context, transaction));
  } catch (error) {
    throw asUniqueConflict(context.entity, error);
  }
  // Inside a caller's transaction nothing is committed yet; its commit (or the timer sweeper) follows.
  if (!within) for (const work of context.afterCommit) work();
  return written;
}

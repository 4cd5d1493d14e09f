// What the repository hands out: published versions, drafts and publish results, and their
// conversion from the rows of the system tables.
import type { MetadataBundle, MetadataDiff, MigrationPlan } from '@stagecraft/core';
import type { AppliedStep } from '../migrations';
import type { DraftRow, VersionRow } from './tables';

export interface VersionSummary {
  number: number;
  /** sha256 of the bundle's canonical JSON. */
  hash: string;
  author: string;
  message: string;
  createdAt: Date;
  /** Set when this version restores the content of an earlier one (a rollback). */
  rolledBackFrom: number | null;
  /** False while the plan's contract phase (confirmed destructive steps) has yet to finish. */
  complete: boolean;
}

export interface PublishedVersion extends VersionSummary {
  bundle: MetadataBundle;
  /** What changed against the version live before this one. */
  diff: MetadataDiff;
  /** The migration plan applied to reach this version. */
  plan: MigrationPlan;
}

export interface PublishOptions {
  author: string;
  message?: string;
  /** Allows destructive steps (retired columns and tables, narrowed types). */
  confirm?: boolean;
  /**
   * The live version the publisher's change was made against (null: none was live). When given and
   * another version is live by now, nothing is published (409 `liveVersionChanged`): an editor's
   * draft never silently overwrites a publish it did not see.
   */
  expectedLive?: number | null;
}

export interface PublishResult {
  version: PublishedVersion;
  /** True when the bundle equals the live one: nothing was published. */
  unchanged: boolean;
  /** The plan that was applied (empty when unchanged). */
  plan: MigrationPlan;
  /** The steps that ran, expand phase first (when unchanged: a live version's unfinished contract steps, if any). */
  applied: AppliedStep[];
}

export interface DraftSummary {
  name: string;
  author: string;
  updatedAt: Date;
  /** The live version when the draft was saved (null: nothing was live). */
  baseVersion: number | null;
}

export interface Draft extends DraftSummary {
  bundle: MetadataBundle;
}

export function emptyPlan(): MigrationPlan {
  return { steps: [], blocked: [], requiresConfirmation: false };
}

export function versionSummaryOf(row: Omit<VersionRow, 'bundle' | 'diff' | 'migration_plan'>): VersionSummary {
  return {
    number: Number(row.number),
    hash: row.content_hash,
    author: row.author,
    message: row.message ?? '',
    createdAt: toDate(row.created_at),
    rolledBackFrom: row.rolled_back_from === null ? null : Number(row.rolled_back_from),
    complete: row.completed_at !== null,
  };
}

export function publishedVersionOf(row: VersionRow): PublishedVersion {
  return {
    ...versionSummaryOf(row),
    bundle: JSON.parse(row.bundle) as MetadataBundle,
    diff: JSON.parse(row.diff) as MetadataDiff,
    plan: JSON.parse(row.migration_plan) as MigrationPlan,
  };
}

export function draftSummaryOf(row: Omit<DraftRow, 'bundle'>): DraftSummary {
  return { name: row.name, author: row.author, updatedAt: toDate(row.updated_at), baseVersion: row.base_version === null ? null : Number(row.base_version) };
}

export function draftOf(row: DraftRow): Draft {
  return { ...draftSummaryOf(row), bundle: JSON.parse(row.bundle) as MetadataBundle };
}

/** SQLite hands dates back as text in some paths; MariaDB as Date. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

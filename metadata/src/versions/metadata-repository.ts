// The versioned metadata repository: immutable published versions with content hashes and
// diffs, a live pointer, drafts, and the publish that moves the database schema along with
// the metadata (expand → switch → contract, see DESIGN.md's engineering notes).
import { ConfirmationRequiredError, ConflictError, NotFoundError, ValidationError, compileTablePlans, diffBundles, planMigration } from '@stagecraft/core';
import type { MetadataBundle, MetadataDiff, MigrationPlan, MigrationStep, Problem } from '@stagecraft/core';
import type { Sequelize, Transaction } from 'sequelize';
import { applyMigrationPlan, purgeColumn } from '../migrations';
import type { AppliedStep } from '../migrations';
import { bundleProblems } from './bundle-problems';
import { contentHashOf } from './content-hash';
import { findRetiredFields, type RetiredField } from './retired-fields';
import { rollbackBundle } from './rollback-bundle';
import { isWriteConflict } from './write-conflict';
import { draftOf, emptyPlan, draftSummaryOf, publishedVersionOf, versionSummaryOf } from './published-version';
import type { Draft, DraftSummary, PublishOptions, PublishResult, PublishedVersion, VersionSummary } from './published-version';
import { LIVE_ROW_ID, ensureMetadataTables, metadataTables } from './tables';
import type { MetadataTables, VersionRow } from './tables';

const SUMMARY_COLUMNS = ['number', 'content_hash', 'author', 'message', 'created_at', 'rolled_back_from', 'completed_at'] as const;

/** A rule a bundle must pass before it is planned or published; problem paths start at the bundle's root. */
export type BundleCheck = (bundle: MetadataBundle) => Problem[];

export interface MetadataRepositoryOptions {
  checks?: readonly BundleCheck[];
}

export class MetadataRepository {
  private readonly tables: MetadataTables;
  private schemaReady: Promise<void> | undefined;

  private readonly checks: readonly BundleCheck[];

  /** `checks`: rules beyond the meta-model's that a bundle must pass to be planned or published (the runtime's process registry). */
  constructor(private readonly sequelize: Sequelize, options: MetadataRepositoryOptions = {}) {
    this.checks = options.checks ?? [];
    this.tables = metadataTables(sequelize);
  }

  /** Creates the system tables when missing. Every other method calls it first (once). */
  ensureSchema(): Promise<void> {
    this.schemaReady ??= this.createSchema().catch((error: unknown) => {
      this.schemaReady = undefined;
      throw error;
    });
    return this.schemaReady;
  }

  /** The live version's number: one primary-key read, cheap enough to poll. */
  async liveVersionNumber(): Promise<number | null> {
    await this.ensureSchema();
    const row = (await this.tables.live.findByPk(LIVE_ROW_ID))?.get({ plain: true });
    return row?.version_number === undefined || row.version_number === null ? null : Number(row.version_number);
  }

  async live(): Promise<PublishedVersion | null> {
    const number = await this.liveVersionNumber();
    return number === null ? null : this.getVersion(number);
  }

  async getVersion(number: number): Promise<PublishedVersion | null> {
    await this.ensureSchema();
    const row = (await this.tables.versions.findByPk(number))?.get({ plain: true });
    return row ? publishedVersionOf(row) : null;
  }

  /** Every version, newest first, without bundles, diffs or plans. */
  async listVersions(): Promise<VersionSummary[]> {
    await this.ensureSchema();
    const rows = await this.tables.versions.findAll({ attributes: [...SUMMARY_COLUMNS], order: [['number', 'DESC']] });
    return rows.map((row) => versionSummaryOf(row.get({ plain: true })));
  }

  /** The migration plan and the diff publishing `bundle` would apply now. */
  async plan(bundle: MetadataBundle): Promise<{ plan: MigrationPlan; diff: MetadataDiff }> {
    this.assertValidBundle(bundle);
    const live = await this.live();
    const toVersion = (await this.latestVersionNumber()) + 1;
    return { plan: planFrom(live, bundle, toVersion, await this.retiredFields()), diff: diffBundles(live?.bundle ?? null, bundle) };
  }

  async publish(bundle: MetadataBundle, options: PublishOptions): Promise<PublishResult> {
    return this.publishBundle(bundle, options, null);
  }

  /** Publishes the content of an earlier version as a new version (renames made since then turned around). */
  async rollback(toNumber: number, options: PublishOptions): Promise<PublishResult> {
    const bundle = await this.rollbackTarget(toNumber);
    return this.publishBundle(bundle, { ...options, message: options.message ?? `Rollback to version ${toNumber}` }, toNumber);
  }

  /** What rolling back to a version would do, without doing it: the plan against the live version. */
  async planRollback(toNumber: number): Promise<{ plan: MigrationPlan; diff: MetadataDiff; bundle: MetadataBundle }> {
    const bundle = await this.rollbackTarget(toNumber);
    return { ...(await this.plan(bundle)), bundle };
  }

  private async rollbackTarget(toNumber: number): Promise<MetadataBundle> {
    const target = await this.getVersion(toNumber);
    if (!target) throw new NotFoundError(`Metadata version ${toNumber} does not exist`, [{ path: '', message: `no version ${toNumber}`, code: 'notFound' }]);
    return rollbackBundle((await this.live())?.bundle ?? null, target.bundle);
  }

  /** Fields removed by earlier publishes whose values are still kept (not restored, not purged), newest first. */
  async retiredFields(): Promise<RetiredField[]> {
    await this.ensureSchema();
    return findRetiredFields(this.sequelize, {
      plans: async () => {
        const rows = await this.tables.versions.findAll({ attributes: ['number', 'migration_plan'], order: [['number', 'ASC']] });
        return rows.map((row) => {
          const plain = row.get({ plain: true });
          return { number: Number(plain.number), plan: JSON.parse(plain.migration_plan) as MigrationPlan };
        });
      },
      bundleOf: async (number) => (await this.getVersion(number))?.bundle ?? null,
    });
  }

  /**
   * Drops a retired field's column for good: its values cannot come back after this. Only a
   * column listed by `retiredFields` can be purged, and only with `confirm`.
   */
  async purgeRetiredField(table: string, retiredName: string, options: { confirm: boolean }): Promise<{ purged: RetiredField; statements: string[] }> {
    const retired = (await this.retiredFields()).find((candidate) => candidate.table === table && candidate.retiredName === retiredName);
    if (!retired) {
      throw new NotFoundError(`No retired column ${table}.${retiredName} is kept`, [{ path: '/retiredName', message: `${table} keeps no retired column named ${retiredName}`, code: 'notFound' }]);
    }
    if (!options.confirm) {
      throw new ConfirmationRequiredError(`Purging ${table}.${retiredName} deletes the values of the removed field "${retired.field.name}" for good; nothing was changed`, [
        { path: `/${table}/${retiredName}`, code: 'purgeColumn', message: `drop column ${table}.${retiredName} (the values of "${retired.field.name}", removed in version ${retired.retiredInVersion})` },
      ]);
    }
    return { purged: retired, statements: await purgeColumn(this.sequelize, table, retiredName) };
  }

  async saveDraft(name: string, bundle: MetadataBundle, author: string): Promise<Draft> {
    await this.ensureSchema();
    const row = { name, bundle: JSON.stringify(bundle), author, updated_at: new Date(), base_version: await this.liveVersionNumber() };
    await this.sequelize.transaction(async (transaction) => {
      const [updated] = await this.tables.drafts.update(row, { where: { name }, transaction });
      if (updated === 0) await this.tables.drafts.create(row, { transaction });
    });
    return draftOf(row);
  }

  async getDraft(name: string): Promise<Draft | null> {
    await this.ensureSchema();
    const row = (await this.tables.drafts.findByPk(name))?.get({ plain: true });
    return row ? draftOf(row) : null;
  }

  /** Every draft by name, without bundles. */
  async listDrafts(): Promise<DraftSummary[]> {
    await this.ensureSchema();
    const rows = await this.tables.drafts.findAll({ attributes: ['name', 'author', 'updated_at', 'base_version'], order: [['name', 'ASC']] });
    return rows.map((row) => draftSummaryOf(row.get({ plain: true })));
  }

  /** True when a draft was deleted. */
  async deleteDraft(name: string): Promise<boolean> {
    await this.ensureSchema();
    return (await this.tables.drafts.destroy({ where: { name } })) > 0;
  }

  /** Publishes a draft, then deletes it (also when its content was already live). */
  async publishDraft(name: string, options: PublishOptions): Promise<PublishResult> {
    const draft = await this.getDraft(name);
    if (!draft) throw new NotFoundError(`Draft "${name}" does not exist`, [{ path: '', message: `no draft named "${name}"`, code: 'notFound' }]);
    const result = await this.publish(draft.bundle, options);
    await this.deleteDraft(name);
    return result;
  }

  private async createSchema(): Promise<void> {
    await ensureMetadataTables(this.tables);
    if (await this.tables.live.findByPk(LIVE_ROW_ID)) return;
    try {
      // The pointer row exists from the start, so every publish locks the same row.
      await this.tables.live.create({ id: LIVE_ROW_ID, version_number: null, updated_at: new Date() });
    } catch (error) {
      if (!isWriteConflict(error)) throw error; // another process created it first
    }
  }

  private async latestVersionNumber(transaction?: Transaction): Promise<number> {
    await this.ensureSchema();
    const latest: unknown = await this.tables.versions.max('number', transaction ? { transaction } : {});
    return latest === null || latest === undefined ? 0 : Number(latest);
  }

  private assertValidBundle(bundle: MetadataBundle): void {
    let problems = bundleProblems(bundle);
    // The extra checks assume a bundle valid by the meta-model's rules.
    if (problems.length === 0) problems = this.checks.flatMap((check) => check(bundle));
    if (problems.length > 0) throw new ValidationError('Metadata bundle is invalid', problems);
  }

  private async publishBundle(bundle: MetadataBundle, options: PublishOptions, rolledBackFrom: number | null): Promise<PublishResult> {
    this.assertValidBundle(bundle);
    const resumed = await this.finishPendingContract();
    const live = await this.live();
    if (options.expectedLive !== undefined && (live?.number ?? null) !== options.expectedLive) {
      throw new ConflictError(`Version ${live?.number ?? 'none'} was published after this change was started from version ${options.expectedLive ?? 'none'}; nothing was published, reload and review`, [
        { path: '/baseVersion', message: `expected live version ${options.expectedLive ?? 'none'}, found ${live?.number ?? 'none'}`, code: 'liveVersionChanged' },
      ]);
    }
    const hash = contentHashOf(bundle);
    if (live && live.hash === hash) return { version: live, unchanged: true, plan: emptyPlan(), applied: resumed };

    const number = (await this.latestVersionNumber()) + 1;
    const plan = planFrom(live, bundle, number, await this.retiredFields());
    if (plan.blocked.length > 0) throw new ValidationError('The schema migration for this publish is blocked', plan.blocked);
    const destructive = plan.steps.filter((step) => step.destructive);
    if ((plan.requiresConfirmation || destructive.length > 0) && !options.confirm) {
      throw new ConfirmationRequiredError(
        `Publishing needs confirmation: ${destructive.length} destructive step(s); nothing was changed`,
        destructive.map(destructiveStepProblem),
      );
    }

    // Expand: additive DDL the live version tolerates. A failure leaves the old version live.
    const expanded = await applyMigrationPlan(this.sequelize, plan, { phase: 'expand', confirm: options.confirm === true });
    const hasContract = plan.steps.some((step) => step.phase === 'contract');
    const row: VersionRow = {
      number,
      content_hash: hash,
      author: options.author,
      message: options.message ?? '',
      created_at: new Date(),
      bundle: JSON.stringify(bundle),
      diff: JSON.stringify(diffBundles(live?.bundle ?? null, bundle)),
      migration_plan: JSON.stringify(plan),
      rolled_back_from: rolledBackFrom,
      completed_at: hasContract ? null : new Date(),
    };
    await this.switchLive(row, live?.number ?? null);
    // Contract: confirmed destructive steps, run once nothing live reads the old shape.
    const contracted = hasContract ? await this.finishContract(row) : [];
    const version = await this.getVersion(number);
    if (!version) throw new ConflictError(`Metadata version ${number} disappeared after publishing`);
    return { version, unchanged: false, plan, applied: [...expanded, ...contracted] };
  }

  /** One short transaction: insert the version and move the live pointer, if nobody else did. */
  private async switchLive(row: VersionRow, expectedLive: number | null): Promise<void> {
    const conflict = (): ConflictError =>
      new ConflictError('Another publish changed the live metadata version meanwhile; nothing was switched, review and publish again', [
        { path: '', message: `expected live version ${expectedLive ?? 'none'}`, code: 'liveVersionChanged' },
      ]);
    try {
      await this.sequelize.transaction(async (transaction) => {
        const pointer = (await this.tables.live.findByPk(LIVE_ROW_ID, { transaction, lock: true }))?.get({ plain: true });
        const current = pointer?.version_number === undefined || pointer.version_number === null ? null : Number(pointer.version_number);
        if (current !== expectedLive) throw conflict();
        if ((await this.latestVersionNumber(transaction)) + 1 !== row.number) throw conflict();
        await this.tables.versions.create(row, { transaction });
        const [moved] = await this.tables.live.update(
          { version_number: row.number, updated_at: new Date() },
          { where: { id: LIVE_ROW_ID, version_number: expectedLive }, transaction },
        );
        if (moved !== 1) throw conflict();
      });
    } catch (error) {
      if (isWriteConflict(error)) throw conflict();
      throw error;
    }
  }

  /** A live version whose contract phase failed part-way is finished before anything else. */
  private async finishPendingContract(): Promise<AppliedStep[]> {
    const number = await this.liveVersionNumber();
    if (number === null) return [];
    const row = (await this.tables.versions.findByPk(number))?.get({ plain: true });
    return row && row.completed_at === null ? this.finishContract(row) : [];
  }

  private async finishContract(row: VersionRow): Promise<AppliedStep[]> {
    const plan = JSON.parse(row.migration_plan) as MigrationPlan;
    // Confirmed when this version was published; appliers skip the steps already done.
    const applied = await applyMigrationPlan(this.sequelize, plan, { phase: 'contract', confirm: true });
    await this.tables.versions.update({ completed_at: new Date() }, { where: { number: row.number } });
    return applied;
  }
}

/** The same shape the migration applier reports: the table, and the column when there is one. */
function destructiveStepProblem(step: MigrationStep): Problem {
  const column = step.kind === 'retireColumn' ? step.column : step.kind === 'narrowColumn' ? step.column.name : undefined;
  return { path: column === undefined ? `/${step.table}` : `/${step.table}/${column}`, code: step.kind, message: step.description };
}

function planFrom(live: PublishedVersion | null, bundle: MetadataBundle, toVersion: number, retiredColumns: readonly RetiredField[]): MigrationPlan {
  return planMigration(live ? compileTablePlans(live.bundle) : [], compileTablePlans(bundle), { toVersion, retiredColumns });
}



// The repository's system tables, as Sequelize models so column types and date handling are
// the same on SQLite and MariaDB. Portable by construction: no triggers, no auto-increment
// (version numbers are assigned in the publish transaction), LONGTEXT for JSON documents on MariaDB.
import { DataTypes, Model } from 'sequelize';
import type { ModelStatic, Sequelize } from 'sequelize';
import { dialectOf } from '../db/connection';

export const VERSIONS_TABLE = 'stagecraft_metadata_versions';
export const LIVE_TABLE = 'stagecraft_metadata_live';
export const DRAFTS_TABLE = 'stagecraft_metadata_drafts';

/** The live pointer is one row with this id. */
export const LIVE_ROW_ID = 1;

export interface VersionRow {
  number: number;
  content_hash: string;
  author: string;
  message: string | null;
  created_at: Date;
  bundle: string;
  diff: string;
  migration_plan: string;
  /** The earlier version whose content this one restores, when it is a rollback. */
  rolled_back_from: number | null;
  /** Set once the contract phase of the plan has run; null means it is still to finish. */
  completed_at: Date | null;
}

export interface LiveRow {
  id: number;
  /** Null until the first publish. */
  version_number: number | null;
  updated_at: Date;
}

export interface DraftRow {
  name: string;
  bundle: string;
  author: string;
  updated_at: Date;
  base_version: number | null;
}

export interface MetadataTables {
  versions: ModelStatic<Model<VersionRow, VersionRow>>;
  live: ModelStatic<Model<LiveRow, LiveRow>>;
  drafts: ModelStatic<Model<DraftRow, DraftRow>>;
}

const NO_EXTRAS = { timestamps: false, freezeTableName: true } as const;

/** Defines (once per Sequelize instance) the models over the repository's tables. */
export function metadataTables(sequelize: Sequelize): MetadataTables {
  const modelNamed = <Row extends object>(name: string, define: () => ModelStatic<Model<Row, Row>>): ModelStatic<Model<Row, Row>> =>
    sequelize.isDefined(name) ? (sequelize.model(name) as ModelStatic<Model<Row, Row>>) : define();
  // MariaDB's TEXT stops at 64 KB, too small for a large bundle; SQLite's TEXT has no such limit.
  const jsonText = dialectOf(sequelize) === 'mysql' ? DataTypes.TEXT('long') : DataTypes.TEXT;

  const versions = modelNamed<VersionRow>('StagecraftMetadataVersion', () =>
    sequelize.define<Model<VersionRow, VersionRow>>('StagecraftMetadataVersion', {
      number: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: false, allowNull: false },
      content_hash: { type: DataTypes.STRING(64), allowNull: false },
      author: { type: DataTypes.STRING(200), allowNull: false },
      message: { type: DataTypes.TEXT, allowNull: true },
      created_at: { type: DataTypes.DATE(3), allowNull: false },
      bundle: { type: jsonText, allowNull: false },
      diff: { type: jsonText, allowNull: false },
      migration_plan: { type: jsonText, allowNull: false },
      rolled_back_from: { type: DataTypes.INTEGER, allowNull: true },
      completed_at: { type: DataTypes.DATE(3), allowNull: true },
    }, { ...NO_EXTRAS, tableName: VERSIONS_TABLE }),
  );

  const live = modelNamed<LiveRow>('StagecraftMetadataLive', () =>
    sequelize.define<Model<LiveRow, LiveRow>>('StagecraftMetadataLive', {
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: false, allowNull: false },
      version_number: { type: DataTypes.INTEGER, allowNull: true },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
    }, { ...NO_EXTRAS, tableName: LIVE_TABLE }),
  );

  const drafts = modelNamed<DraftRow>('StagecraftMetadataDraft', () =>
    sequelize.define<Model<DraftRow, DraftRow>>('StagecraftMetadataDraft', {
      name: { type: DataTypes.STRING(200), primaryKey: true, allowNull: false },
      bundle: { type: jsonText, allowNull: false },
      author: { type: DataTypes.STRING(200), allowNull: false },
      updated_at: { type: DataTypes.DATE(3), allowNull: false },
      base_version: { type: DataTypes.INTEGER, allowNull: true },
    }, { ...NO_EXTRAS, tableName: DRAFTS_TABLE }),
  );

  return { versions, live, drafts };
}

/** Creates the tables that are missing; never alters or drops existing ones. */
export async function ensureMetadataTables(tables: MetadataTables): Promise<void> {
  await tables.versions.sync();
  await tables.live.sync();
  await tables.drafts.sync();
}

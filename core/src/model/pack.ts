// Packs: a manifest plus its documents; the bundle is what gets published as one version.
import type { EntityDocument } from './entity';
import type { LocalisedText } from './label';
import type { LayoutDocument } from './layout';
import type { PermissionSetDocument } from './permission';
import type { ProcessDocument } from './process';
import type { ReportDocument } from './report';

export interface PackManifest {
  $schema?: string;
  kind: 'pack';
  /** kebab-case or camelCase identifier, unique among installed packs. */
  name: string;
  /** Semantic version of the pack. */
  version: string;
  label?: LocalisedText;
  description?: LocalisedText;
  /** Other packs this one needs, by name, with a semver range. */
  dependencies?: Record<string, string>;
}

export type MetadataDocument = EntityDocument | LayoutDocument | ProcessDocument | PermissionSetDocument | ReportDocument;
export type DocumentKind = MetadataDocument['kind'] | 'pack';

/** Everything that is live at once: the union of the installed packs' documents, keyed by name. */
export interface MetadataBundle {
  packs: Array<Pick<PackManifest, 'name' | 'version'>>;
  entities: Record<string, EntityDocument>;
  layouts: Record<string, LayoutDocument>;
  processes: Record<string, ProcessDocument>;
  /**
   * Permission sets by name. Optional because versions published before permissions existed
   * (and bundles built by hand) lack it; read it through `permissionSetsOf`.
   */
  permissions?: Record<string, PermissionSetDocument>;
  /** Reports by name; optional for the same reason (read it through `reportsOf`). */
  reports?: Record<string, ReportDocument>;
}

export function emptyBundle(): MetadataBundle {
  return { packs: [], entities: {}, layouts: {}, processes: {}, permissions: {}, reports: {} };
}

export function permissionSetsOf(bundle: MetadataBundle): Record<string, PermissionSetDocument> {
  return bundle.permissions ?? {};
}

export function reportsOf(bundle: MetadataBundle): Record<string, ReportDocument> {
  return bundle.reports ?? {};
}

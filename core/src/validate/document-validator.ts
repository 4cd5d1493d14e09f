// Validates one metadata document: its shape against the meta-schema of its `kind`, then the
// rules a schema cannot express (unique names, defaults among options, valid state targets, …).
import type { MetaSchemaName } from '../meta-schema';
import type { MetadataDocument, PackManifest } from '../model/pack';
import type { Problem } from '../model/problem';
import { ajvErrorsToProblems } from './ajv-problems';
import { checkEntityCalendar } from './entity-calendar-checks';
import { checkEntityCapabilities } from './entity-capability-checks';
import { checkEntity } from './entity-checks';
import { checkEntityOwnership } from './entity-ownership-checks';
import { checkLayout } from './layout-checks';
import { metaSchemaValidator } from './meta-schema-validators';
import { checkPermissionSet } from './permission-checks';
import { checkProcess } from './process-checks';
import { checkProcessTimers } from './process-timer-checks';
import { checkReport } from './report-checks';

export interface DocumentValidation {
  /** The typed document; present exactly when there are no problems. */
  document?: MetadataDocument | PackManifest;
  problems: Problem[];
}

const META_SCHEMA_OF_KIND: Readonly<Record<string, MetaSchemaName>> = {
  pack: 'pack',
  entity: 'entity',
  form: 'layout',
  list: 'layout',
  board: 'layout',
  process: 'process',
  permissionSet: 'permission',
  report: 'report',
};
export const DOCUMENT_KINDS = Object.keys(META_SCHEMA_OF_KIND);

export function validateDocument(input: unknown): DocumentValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ path: '', message: 'must be a JSON object', code: 'type' }] };
  }
  const kind: unknown = (input as { kind?: unknown }).kind;
  if (kind === undefined) return { problems: [{ path: '/kind', message: `is required (one of: ${DOCUMENT_KINDS.join(', ')})`, code: 'required' }] };
  const schemaName = typeof kind === 'string' ? META_SCHEMA_OF_KIND[kind] : undefined;
  if (!schemaName) return { problems: [{ path: '/kind', message: `must be one of: ${DOCUMENT_KINDS.join(', ')}`, code: 'enum' }] };

  const validate = metaSchemaValidator(schemaName);
  if (!validate(input)) return { problems: ajvErrorsToProblems(validate.errors) };

  const problems = semanticProblems(input as MetadataDocument | PackManifest);
  return problems.length > 0 ? { problems } : { document: input as MetadataDocument | PackManifest, problems };
}

/** Rules beyond the meta-schema; the document already has the right shape. */
function semanticProblems(document: MetadataDocument | PackManifest): Problem[] {
  switch (document.kind) {
    case 'pack':
      return [];
    case 'entity':
      return [...checkEntity(document), ...checkEntityOwnership(document), ...checkEntityCalendar(document), ...checkEntityCapabilities(document)];
    case 'process':
      return [...checkProcess(document), ...checkProcessTimers(document)];
    case 'permissionSet':
      return checkPermissionSet(document);
    case 'report':
      return checkReport(document);
    default:
      return checkLayout(document);
  }
}

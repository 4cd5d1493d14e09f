// Bundle → the OpenAPI 3.1 document of the record API and the metadata endpoints. Pure: the
// runtime serves it at /api/openapi.json and regenerates it on each publish.
import { DEFAULT_LOCALE } from '../../model/label';
import type { MetadataBundle } from '../../model/pack';
import type { JsonSchema } from '../json-schema';
import { ANALYSIS_SCHEMAS, analysisPaths } from './analysis-paths';
import { CAPABILITY_SCHEMAS, capabilityPaths } from './capability-paths';
import { entityComponentNames } from './component-names';
import { IDENTITY_SCHEMAS, identityPaths } from './identity-paths';
import { IMPORT_SCHEMAS, importPaths } from './import-paths';
import { METADATA_SCHEMAS, metadataPaths } from './metadata-paths';
import { PUBLISHING_SCHEMAS, publishingPaths } from './publishing-paths';
import { DEFAULT_SECURITY, ERROR_RESPONSES, ERROR_SCHEMA, errorResponses, SECURITY_SCHEMES, SHARED_PARAMETERS } from './openapi-components';
import { HTTP_METHODS, type OpenApiDocument, type OpenApiPathItem } from './openapi-types';
import { RECORD_ACTION_SCHEMAS, recordActionPaths } from './record-action-paths';
import { compileEntityApi } from './record-paths';
import { VIEW_SCHEMAS, viewPaths } from './view-paths';
import { resolveText } from '../../model/label';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  serverUrl?: string;
  /** Locale of summaries, titles and labels (default "en"). */
  locale?: string;
  /** Include the administrators' endpoints (publishing, drafts). */
  includeAdministration?: boolean;
}

export function compileOpenApi(bundle: MetadataBundle, options: OpenApiOptions = {}): OpenApiDocument {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const administration = options.includeAdministration === true;
  const fixedSchemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA, ...METADATA_SCHEMAS, ...IDENTITY_SCHEMAS, ...RECORD_ACTION_SCHEMAS, ...ANALYSIS_SCHEMAS, ...CAPABILITY_SCHEMAS, ...VIEW_SCHEMAS, ...IMPORT_SCHEMAS, ...(administration ? PUBLISHING_SCHEMAS : {}) };
  const entities = Object.values(bundle.entities).sort((a, b) => a.name.localeCompare(b.name));
  const names = entityComponentNames(entities.map((entity) => entity.name), Object.keys(fixedSchemas));

  const paths: Record<string, OpenApiPathItem> = { ...metadataPaths(), ...identityPaths(), ...analysisPaths(), ...viewPaths(), ...(administration ? publishingPaths() : {}) };
  const schemas: Record<string, JsonSchema> = { ...fixedSchemas };
  for (const entity of entities) {
    const api = compileEntityApi(entity, bundle, names, locale);
    Object.assign(paths, api.paths);
    Object.assign(schemas, api.schemas);
    const own = names.get(entity.name);
    if (own) Object.assign(paths, recordActionPaths(entity, bundle, own, locale));
    if (own) Object.assign(paths, capabilityPaths(entity, own, locale));
    if (own) Object.assign(paths, importPaths(entity, own, locale));
  }
  withUnauthorizedResponses(paths);
  const packs = bundle.packs.map((pack) => `${pack.name}@${pack.version}`).join(', ');
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Stagecraft API',
      version: options.version ?? '1.0.0',
      ...(packs && { description: `Record API generated from the metadata of: ${packs}.` }),
    },
    ...(options.serverUrl !== undefined && { servers: [{ url: options.serverUrl }] }),
    security: DEFAULT_SECURITY,
    tags: [
      { name: 'system' },
      { name: 'metadata', description: 'The live metadata.' },
      { name: 'auth', description: 'Sign-in, sessions, passwords and API tokens.' },
      { name: 'audit', description: 'The append-only audit log.' },
      { name: 'notifications', description: 'The signed-in user\'s in-app notifications.' },
      { name: 'reports', description: 'Reports declared as metadata, over the records the caller may read.' },
      { name: 'boards', description: 'Kanban boards from board layouts: columns with counts and sums, cards page by page.' },
      { name: 'views', description: 'The signed-in user\'s saved list views.' },
      ...(administration ? [{ name: 'publishing', description: 'Versions, plans, publishing, rollback and drafts (administrators only).' }] : []),
      ...entities.map((entity) => ({ name: entity.name, description: resolveText(entity.pluralLabel ?? entity.label, locale) })),
    ],
    paths,
    components: { schemas, parameters: { ...SHARED_PARAMETERS }, responses: { ...ERROR_RESPONSES }, securitySchemes: { ...SECURITY_SCHEMES } },
  };
}

/** Every operation that needs credentials answers 401 without them. */
function withUnauthorizedResponses(paths: Record<string, OpenApiPathItem>): void {
  for (const item of Object.values(paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && operation.security?.length !== 0) operation.responses = { ...operation.responses, ...errorResponses('Unauthorized') };
    }
  }
}

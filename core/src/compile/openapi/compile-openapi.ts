// Bundle → the OpenAPI 3.1 document of the record API and the metadata endpoints. Pure: the
// runtime serves it at /api/openapi.json and regenerates it on each publish.
import { DEFAULT_LOCALE } from '../../model/label';
import type { MetadataBundle } from '../../model/pack';
import type { JsonSchema } from '../json-schema';
import { entityComponentNames } from './component-names';
import { ERROR_RESPONSES, ERROR_SCHEMA, SHARED_PARAMETERS } from './openapi-components';
import { METADATA_SCHEMAS, metadataPaths } from './metadata-paths';
import type { OpenApiDocument, OpenApiPathItem } from './openapi-types';
import { compileEntityApi } from './record-paths';
import { resolveText } from '../../model/label';

export interface OpenApiOptions {
  title?: string;
  version?: string;
  serverUrl?: string;
  /** Locale of summaries, titles and labels (default "en"). */
  locale?: string;
}

export function compileOpenApi(bundle: MetadataBundle, options: OpenApiOptions = {}): OpenApiDocument {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const fixedSchemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA, ...METADATA_SCHEMAS };
  const entities = Object.values(bundle.entities).sort((a, b) => a.name.localeCompare(b.name));
  const names = entityComponentNames(entities.map((entity) => entity.name), Object.keys(fixedSchemas));

  const paths: Record<string, OpenApiPathItem> = { ...metadataPaths() };
  const schemas: Record<string, JsonSchema> = { ...fixedSchemas };
  for (const entity of entities) {
    const api = compileEntityApi(entity, bundle, names, locale);
    Object.assign(paths, api.paths);
    Object.assign(schemas, api.schemas);
  }
  const packs = bundle.packs.map((pack) => `${pack.name}@${pack.version}`).join(', ');
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Stagecraft API',
      version: options.version ?? '1.0.0',
      ...(packs && { description: `Record API generated from the metadata of: ${packs}.` }),
    },
    ...(options.serverUrl !== undefined && { servers: [{ url: options.serverUrl }] }),
    tags: [
      { name: 'system' },
      { name: 'metadata', description: 'The live metadata.' },
      ...entities.map((entity) => ({ name: entity.name, description: resolveText(entity.pluralLabel ?? entity.label, locale) })),
    ],
    paths,
    components: { schemas, parameters: { ...SHARED_PARAMETERS }, responses: { ...ERROR_RESPONSES } },
  };
}

// Read-only metadata endpoints the web app and designer start from: entity documents and their
// JSON Schemas, layouts, and the OpenAPI document — all from the live version, derived once (per
// role set where the caller's view differs).
// Entity documents and schemas are the caller's view (visible-metadata): without the fields their
// policy hides, and an entity they may not use is unknown. Layouts and processes are shown whole:
// they name fields and stages but hold no record values.
import { accessPolicyKey, accessSubjectOf, BadRequestError, compileEntitySchema, compileOpenApi, ENTITY_OPERATIONS, NotFoundError, resolveText, type EntityAccess, type EntityOperation, type LayoutKind } from '@stagecraft/core';
import { Router, type Request } from 'express';
import { accessPolicyOf, entityAccessOf } from '../access/access-policies';
import { isIdentityWriteLocked } from '../identity/identity-entities';
import { isEntityVisible, visibleBundle, visibleEntityDocument } from '../access/visible-metadata';
import type { Actor } from '../identity/actor';
import { derivedOnce } from '../live/compile-metadata';
import type { CompiledEntity, CompiledMetadata } from '../live/compiled-types';
import { withPolicyReadOnly } from '../web/policy-read-only';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

const SCHEMA_MODES = ['create', 'update', 'read'] as const;
type SchemaMode = (typeof SCHEMA_MODES)[number];
const LAYOUT_KINDS: readonly string[] = ['form', 'list', 'board'] satisfies LayoutKind[];

function text(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : undefined;
}

export function metadataRouter(metadata: () => CompiledMetadata): Router {
  const router = Router();

  /** The entity named by the route as the caller may see it; 404 as for an unknown entity when they may not. */
  const visibleEntity = (live: CompiledMetadata, request: Request): { entity: CompiledEntity; access: EntityAccess } => {
    const name = routeParam(request, 'name');
    const entity = live.entities.get(name);
    const access = entity ? entityAccessOf(live, actorOf(request), entity.name) : undefined;
    if (!entity || !access || !isEntityVisible(access)) throw new NotFoundError(`There is no entity "${name}"`);
    return { entity, access };
  };

  router.get('/entities', (request, response) => {
    const locale = text(request.query.locale);
    const live = metadata();
    const actor = actorOf(request);
    const visible = [...live.entities.values()].flatMap((entity) => {
      const access = entityAccessOf(live, actor, entity.name);
      return isEntityVisible(access) ? [visibleEntityDocument(entity.document, access)] : [];
    });
    const entities = visible.map((document) => ({
      name: document.name,
      label: document.label,
      title: resolveText(document.label, locale),
      pluralLabel: document.pluralLabel ?? document.label,
      displayField: document.displayField ?? null,
      color: document.color ?? null,
      icon: document.icon ?? null,
      fields: document.fields.length,
      relations: (document.relations ?? []).map((relation) => relation.name),
    }));
    response.json({ data: entities });
  });

  router.get('/entities/:name', (request, response) => {
    const { entity, access } = visibleEntity(metadata(), request);
    response.json(visibleEntityDocument(entity.document, access));
  });

  // What the caller may do with the entity's records at all (some records at least): the web app
  // offers New, Import and Export only where they can work. Record-level answers: /api/records/…/permissions.
  router.get('/entities/:name/permissions', (request, response) => {
    const { entity, access } = visibleEntity(metadata(), request);
    const isIdentityLocked = isIdentityWriteLocked(entity.name, actorOf(request));
    const writes = new Set<EntityOperation>(['create', 'update', 'delete', 'transition', 'import']);
    response.json({ data: Object.fromEntries(ENTITY_OPERATIONS.map((operation) => [operation, access.can(operation) && !(isIdentityLocked && writes.has(operation))])) });
  });

  router.get('/entities/:name/schema', (request, response) => {
    const live = metadata();
    const { entity, access } = visibleEntity(live, request);
    const mode = text(request.query.mode) ?? 'read';
    if (!(SCHEMA_MODES as readonly string[]).includes(mode)) throw new BadRequestError('mode must be create, update or read', [{ path: '/mode', message: `"${mode}" is not a schema mode` }]);
    const locale = text(request.query.locale) ?? 'en';
    // Every actor with the same roles sees the same schema: derived once per version and role set.
    const policyKey = accessPolicyKey(accessSubjectOf(actorOf(request)));
    response.json(
      derivedOnce(live, `schema:${entity.name}:${mode}:${locale}:${policyKey}`, () => {
        const schema = compileEntitySchema(visibleEntityDocument(entity.document, access), { mode: mode as SchemaMode, locale });
        // What the caller may send: the fields their policy makes read-only are marked so.
        return mode === 'read' ? schema : withPolicyReadOnly(schema, access);
      }),
    );
  });

  router.get('/layouts', (request, response) => {
    const entity = text(request.query.entity);
    const kind = text(request.query.kind);
    if (kind !== undefined && !LAYOUT_KINDS.includes(kind)) throw new BadRequestError('kind must be form, list or board', [{ path: '/kind', message: `"${kind}" is not a layout kind` }]);
    const layouts = [...metadata().layouts.values()].filter((layout) => (entity === undefined || layout.entity === entity) && (kind === undefined || layout.kind === kind));
    response.json({ data: layouts });
  });

  router.get('/layouts/:name', (request, response) => {
    const layout = metadata().layouts.get(routeParam(request, 'name'));
    if (!layout) throw new NotFoundError(`There is no layout "${routeParam(request, 'name')}"`);
    response.json(layout);
  });

  return router;
}

/**
 * The OpenAPI document as the caller may see it — the entities they may know, without the fields
 * their policy hides — compiled once per version and role set (as the entity schemas are).
 */
export function openApiDocument(live: CompiledMetadata, actor: Actor): unknown {
  const policy = accessPolicyOf(live, actor);
  return derivedOnce(live, `openapi:${accessPolicyKey(policy.subject)}`, () =>
    compileOpenApi(visibleBundle(live.bundle, (entity) => policy.entity(entity)), { title: 'Stagecraft record API', version: String(live.version ?? 0), serverUrl: '/', includeAdministration: actor.isAdmin }));
}

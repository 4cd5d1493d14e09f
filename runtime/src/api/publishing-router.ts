// Publishing endpoints (administrators only): versions, plan, publish, rollback, drafts, and the
// retired fields (kept values of removed fields) with their purge. Each
// publish refreshes the live metadata of this process at once, so the next request already runs
// on the new version; bundles lacking the identity entities get them, and publishes are audited
// (with a separate permissionChange row when the permission sets changed).
import { BadRequestError, formatMigrationPlan, NotFoundError, ValidationError, type MetadataBundle } from '@stagecraft/core';
import { type MetadataRepository, type PublishOptions, type PublishResult, type VersionSummary } from '@stagecraft/metadata';
import { Router, type Request } from 'express';
import { auditPublish, auditPurge } from '../audit/publish-audit';
import type { Database } from '../db/database';
import { includeIdentity, loadIdentityBundle } from '../identity/identity-pack';
import type { LiveMetadata } from '../live/live-metadata';
import { isPlainObject } from '../records/write-input';
import { requireAdmin } from './authenticate';
import { jsonBody } from './json-body';
import { actorOf, originOf } from './request-actor';
import { routeParam } from './route-params';

let identityBundle: Promise<MetadataBundle> | undefined;

async function bundleOf(request: Request): Promise<MetadataBundle> {
  const body: unknown = request.body;
  const bundle = isPlainObject(body) ? body.bundle : undefined;
  if (!isPlainObject(bundle)) throw new ValidationError('The body must carry the metadata bundle', [{ path: '/bundle', message: 'is required (an object with packs, entities, layouts, processes)', code: 'required' }]);
  const entities = bundle.entities;
  // Malformed bundles go to the validator untouched, so its problems keep their paths.
  if (!isPlainObject(entities) || !Array.isArray(bundle.packs)) return bundle as unknown as MetadataBundle;
  identityBundle ??= loadIdentityBundle();
  return includeIdentity(bundle as unknown as MetadataBundle, await identityBundle);
}

function publishOptionsOf(request: Request): PublishOptions {
  const body = isPlainObject(request.body) ? request.body : {};
  const options: PublishOptions = { author: actorOf(request).username, confirm: body.confirm === true };
  if (typeof body.message === 'string') options.message = body.message;
  // The live version the change was made against: a publish made since then is a 409, never overwritten.
  if (body.baseVersion !== undefined) {
    if (body.baseVersion !== null && !(typeof body.baseVersion === 'number' && Number.isSafeInteger(body.baseVersion) && body.baseVersion > 0)) {
      throw new BadRequestError('"baseVersion" is the live version number the change started from, or null', [{ path: '/baseVersion', message: 'must be a positive whole number or null', code: 'type' }]);
    }
    options.expectedLive = body.baseVersion;
  }
  return options;
}

function summaryOf(version: VersionSummary): VersionSummary {
  const { number, hash, author, message, createdAt, rolledBackFrom, complete } = version;
  return { number, hash, author, message, createdAt, rolledBackFrom, complete };
}

function publishResponse(result: PublishResult) {
  return { version: summaryOf(result.version), unchanged: result.unchanged, plan: result.plan, planText: formatMigrationPlan(result.plan), applied: result.applied };
}

const DRAFT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

function draftNameOf(request: Request): string {
  const name = routeParam(request, 'name');
  if (!DRAFT_NAME.test(name)) throw new BadRequestError('A draft name is 1–100 letters, digits, "_", "." or "-"', [{ path: '/name', message: `"${name}" is not a draft name` }]);
  return name;
}

function versionNumberOf(raw: unknown, path: string): number {
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new BadRequestError('A version number is a positive whole number', [{ path, message: 'must be a positive whole number' }]);
  return number;
}

export function publishingRouter(repository: MetadataRepository, live: LiveMetadata, bodyLimit: string, database: Database): Router {
  const router = Router();
  const body = [requireAdmin, ...jsonBody({ limit: bodyLimit })];
  const optionalBody = [requireAdmin, ...jsonBody({ limit: bodyLimit, isOptional: true })];
  const publishAndRefresh = async (request: Request, action: 'publish' | 'rollback', publish: Promise<PublishResult>): Promise<PublishResult> => {
    const result = await publish;
    await live.refresh();
    await auditPublish({ database, actor: actorOf(request), origin: originOf(request), at: new Date() }, action, result);
    return result;
  };

  router.get('/versions', requireAdmin, async (_request, response) => {
    response.json({ data: (await repository.listVersions()).map(summaryOf), live: live.get().version });
  });

  router.get('/versions/:number', requireAdmin, async (request, response) => {
    const version = await repository.getVersion(versionNumberOf(routeParam(request, 'number'), '/number'));
    if (!version) throw new NotFoundError(`Metadata version ${routeParam(request, 'number')} does not exist`);
    response.json(version);
  });

  router.post('/plan', ...body, async (request, response) => {
    const { plan, diff } = await repository.plan(await bundleOf(request));
    response.json({ plan, planText: formatMigrationPlan(plan), diff });
  });

  router.post('/publish', ...body, async (request, response) => {
    const result = await publishAndRefresh(request, 'publish', repository.publish(await bundleOf(request), publishOptionsOf(request)));
    response.status(result.unchanged ? 200 : 201).json(publishResponse(result));
  });

  router.post('/rollback', ...body, async (request, response) => {
    const target = versionNumberOf(isPlainObject(request.body) ? request.body.version : undefined, '/version');
    // dryRun: the plan of going back (renames since then turned around), nothing published.
    if (isPlainObject(request.body) && request.body.dryRun === true) {
      const { plan, diff } = await repository.planRollback(target);
      response.json({ plan, planText: formatMigrationPlan(plan), diff });
      return;
    }
    const result = await publishAndRefresh(request, 'rollback', repository.rollback(target, publishOptionsOf(request)));
    response.status(result.unchanged ? 200 : 201).json(publishResponse(result));
  });

  router.get('/retired-fields', requireAdmin, async (_request, response) => {
    response.json({ data: await repository.retiredFields() });
  });

  router.post('/retired-fields/purge', ...body, async (request, response) => {
    const requestBody = isPlainObject(request.body) ? request.body : {};
    const { table, retiredName } = requestBody;
    if (typeof table !== 'string' || typeof retiredName !== 'string') {
      throw new BadRequestError('Name the retired column to purge', [{ path: typeof table === 'string' ? '/retiredName' : '/table', message: 'is required (a string)', code: 'required' }]);
    }
    const result = await repository.purgeRetiredField(table, retiredName, { confirm: requestBody.confirm === true });
    await auditPurge({ database, actor: actorOf(request), origin: originOf(request), at: new Date() }, result.purged);
    response.json(result);
  });

  router.get('/drafts', requireAdmin, async (_request, response) => {
    response.json({ data: await repository.listDrafts() });
  });

  router.get('/drafts/:name', requireAdmin, async (request, response) => {
    const draft = await repository.getDraft(draftNameOf(request));
    if (!draft) throw new NotFoundError(`Draft "${routeParam(request, 'name')}" does not exist`);
    response.json(draft);
  });

  router.put('/drafts/:name', ...body, async (request, response) => {
    response.json(await repository.saveDraft(draftNameOf(request), await bundleOf(request), actorOf(request).username));
  });

  router.delete('/drafts/:name', requireAdmin, async (request, response) => {
    if (!(await repository.deleteDraft(draftNameOf(request)))) throw new NotFoundError(`Draft "${routeParam(request, 'name')}" does not exist`);
    response.status(204).end();
  });

  router.post('/drafts/:name/publish', ...optionalBody, async (request, response) => {
    const result = await publishAndRefresh(request, 'publish', repository.publishDraft(draftNameOf(request), publishOptionsOf(request)));
    response.status(result.unchanged ? 200 : 201).json(publishResponse(result));
  });

  return router;
}

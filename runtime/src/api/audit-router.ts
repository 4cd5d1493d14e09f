// GET /api/audit for administrators: the audit log newest first, filtered by entity, record id,
// actor (id or username) and action, paged. There is no route that changes audit rows.
import { BadRequestError, type Problem } from '@stagecraft/core';
import { Router } from 'express';
import { listAudit, type AuditFilter } from '../audit/audit-log';
import type { Database } from '../db/database';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../records/list-query';
import { requireAdmin } from './authenticate';

const FILTERS: Record<string, keyof AuditFilter> = { entity: 'entity', id: 'recordId', actor: 'actor', action: 'action' };
const PAGING = new Set(['page', 'pageSize']);

export interface Paging {
  page: number;
  pageSize: number;
}

export function pagingOf(query: Record<string, unknown>, problems: Problem[]): Paging {
  const number = (name: string, fallback: number, max: number): number => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
      problems.push({ path: `/${name}`, message: 'must be a positive whole number', code: 'type' });
      return fallback;
    }
    return Math.min(Number(raw), max);
  };
  return { page: number('page', 1, 1_000_000), pageSize: number('pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

export function auditRouter(database: Database): Router {
  const router = Router();
  router.get('/', requireAdmin, async (request, response) => {
    const query = request.query as Record<string, unknown>;
    const problems: Problem[] = [];
    const filter: AuditFilter = {};
    for (const [name, value] of Object.entries(query)) {
      const key = FILTERS[name];
      if (key && typeof value === 'string' && value !== '') filter[key] = value;
      else if (key) problems.push({ path: `/${name}`, message: 'must be one non-empty value', code: 'type' });
      else if (!PAGING.has(name)) problems.push({ path: `/${name}`, message: `"${name}" is not an audit parameter (entity, id, actor, action, page, pageSize)`, code: 'unknownParameter' });
    }
    const paging = pagingOf(query, problems);
    if (problems.length > 0) throw new BadRequestError('The audit query is not valid', problems);
    response.json({ data: await listAudit(database, filter, { ...paging, order: 'newestFirst' }), ...paging });
  });
  return router;
}

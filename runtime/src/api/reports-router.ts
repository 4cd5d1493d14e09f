// The report API: `GET /api/reports` lists the reports the user may run; `GET /api/reports/:name`
// runs one with the caller's parameters (`?closeFrom=2026-01-01`) and answers its columns, rows
// and chart. `?locale=zh-CN` picks the labels' language (default: the user's).
import { BadRequestError } from '@stagecraft/core';
import { Router, type Request } from 'express';
import type { ReportService } from '../reports/report-service';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

function localeOf(request: Request): string {
  const requested = request.query.locale;
  if (requested === undefined) return actorOf(request).locale;
  if (typeof requested !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(requested)) {
    throw new BadRequestError('The locale is not valid', [{ path: '/locale', message: 'must be a locale tag such as "en" or "zh-CN"', code: 'type' }]);
  }
  return requested;
}

export function reportsRouter(reports: ReportService): Router {
  const router = Router();

  router.get('/', (request, response) => {
    response.json({ data: reports.list(actorOf(request), localeOf(request)) });
  });

  router.get('/:name', async (request, response) => {
    response.json(await reports.run(routeParam(request, 'name'), request.query as Record<string, unknown>, actorOf(request), localeOf(request)));
  });

  return router;
}

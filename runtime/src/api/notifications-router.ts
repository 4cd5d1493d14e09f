// The signed-in user's in-app notifications: newest first with the unread count, and marking one
// read. Only one's own notifications are visible; another user's id answers 404.
import { BadRequestError, NotFoundError } from '@stagecraft/core';
import { Router } from 'express';
import type { Database } from '../db/database';
import { listNotifications, markNotificationRead } from '../outbox/notifications';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

export function notificationsRouter(database: Database, now: () => Date = () => new Date()): Router {
  const router = Router();

  router.get('/', async (request, response) => {
    const userId = actorOf(request).userId;
    if (userId === null) throw new BadRequestError('Only users have notifications');
    const raw = typeof request.query.limit === 'string' ? request.query.limit : '50';
    const limit = /^\d{1,3}$/.test(raw) && Number(raw) >= 1 ? Math.min(Number(raw), 200) : Number.NaN;
    if (Number.isNaN(limit)) throw new BadRequestError('limit must be a whole number from 1 to 200', [{ path: '/limit', message: `"${raw}" is not a limit`, code: 'type' }]);
    response.json(await listNotifications(database, userId, { unreadOnly: request.query.unread === 'true', limit }));
  });

  router.post('/:id/read', async (request, response) => {
    const userId = actorOf(request).userId;
    const id = routeParam(request, 'id');
    if (userId === null || !(await markNotificationRead(database, userId, id, now()))) throw new NotFoundError(`You have no notification "${id}"`);
    response.status(204).end();
  });

  return router;
}

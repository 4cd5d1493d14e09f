// The board API: `GET /api/boards` lists the boards the user may open, `GET /api/boards/:name`
// answers its columns with counts and sums, and `GET /api/boards/:name/columns/:value` a column's
// cards page by page. Filters and search are the list endpoint's (`filter[field][op]=…`, `q`).
import { Router } from 'express';
import type { BoardService } from '../boards/board-service';
import { parseListQuery, type RawQuery } from './list-query-params';
import { actorOf } from './request-actor';
import { routeParam } from './route-params';

export function boardsRouter(boards: BoardService): Router {
  const router = Router();

  router.get('/', (request, response) => {
    response.json({ data: boards.list(actorOf(request)) });
  });

  router.get('/:name', async (request, response) => {
    response.json(await boards.board(routeParam(request, 'name'), parseListQuery(request.query as RawQuery), actorOf(request)));
  });

  router.get('/:name/columns/:value', async (request, response) => {
    response.json(await boards.cards(routeParam(request, 'name'), routeParam(request, 'value'), parseListQuery(request.query as RawQuery), actorOf(request)));
  });

  return router;
}

// The routes an Express app mounts, read from its routers — so a test that walks them covers a
// new route the day it is added.
import type { Express } from 'express';

interface RouteLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** Every /api route of the app as [METHOD, path] with the mounted paths joined (parameters left as `:name`). */
export function mountedApiRoutes(app: Express): Array<[string, string]> {
  const routes: Array<[string, string]> = [];
  const walk = (stack: readonly RouteLayer[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push([method.toUpperCase(), `${prefix}${layer.route.path}`]);
      } else if (layer.handle?.stack && typeof layer.rawPath === 'string') {
        walk(layer.handle.stack, `${prefix}${layer.rawPath === '/' ? '' : layer.rawPath}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: RouteLayer[] } }).router.stack, '');
  return routes.filter(([, path]) => path.startsWith('/api'));
}

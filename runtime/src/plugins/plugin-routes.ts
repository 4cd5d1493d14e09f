// The HTTP side of the plugins: each plugin's own routes (a router per plugin, served behind
// authentication at /api/plugins/<name>), and the process registry listing — every guard and
// action a process may name, with its label, params schema and the plugin that registered it —
// for palettes and editors, so the server and its clients agree on what a name means.
import { resolveText } from '@stagecraft/core';
import { Router } from 'express';
import type { PluginServices } from './plugin';
import type { PluginSet } from './plugin-set';

export function pluginRouters(plugins: PluginSet, services: PluginServices): Array<[string, Router]> {
  return plugins.plugins.flatMap((plugin) => {
    if (!plugin.routes) return [];
    const router = Router();
    plugin.routes(router, services);
    return [[plugin.name, router] as [string, Router]];
  });
}

export function processRegistryRouter(plugins: PluginSet): Router {
  const router = Router();
  router.get('/process-registry', (request, response) => {
    const locale = typeof request.query.locale === 'string' ? request.query.locale : undefined;
    const entry = (name: string, definition: { label: Parameters<typeof resolveText>[0]; description?: Parameters<typeof resolveText>[0]; paramsSchema: unknown; plugin: string }) => ({
      name,
      plugin: definition.plugin,
      label: resolveText(definition.label, locale),
      ...(definition.description ? { description: resolveText(definition.description, locale) } : {}),
      paramsSchema: definition.paramsSchema,
    });
    response.json({
      guards: Object.entries(plugins.guards).map(([name, guard]) => entry(name, guard)),
      actions: Object.entries(plugins.actions).map(([name, action]) => ({ ...entry(name, action), delivery: action.delivery })),
    });
  });
  return router;
}

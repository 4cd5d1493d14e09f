// Route parameters as plain strings: Express types them loosely (wildcards can be arrays).
import type { Request } from 'express';

export function routeParam(request: Request, name: string): string {
  const value: unknown = (request.params as Record<string, unknown>)[name];
  return Array.isArray(value) ? value.join('/') : String(value ?? '');
}

// Serves the admin studio (the Vite build in designer/dist) at /studio, to administrators only:
// its page goes to a request whose session cookie names an administrator; anyone else falls
// through to the end-user app, which shows its sign-in page or "no such page" (and, once an
// administrator signs in there, reloads into the studio). The hashed assets are public code, no
// data, cached for a year like the app's. It is a bundle of its own: the end-user app never loads it.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Request } from 'express';
import { cookieOf, SESSION_COOKIE } from '../api/authenticate';
import type { AuthService } from '../identity/auth-service';
import { sendIndex, YEAR_SECONDS } from './web-app';

/** designer/dist, from runtime/src/web (tests) and runtime/dist/web (built) alike. */
export const DEFAULT_STUDIO_ROOT = path.resolve(__dirname, '../../../designer/dist');

async function isAdministrator(auth: AuthService, request: Request): Promise<boolean> {
  const secret = cookieOf(request, SESSION_COOKIE);
  if (secret === undefined || secret === '') return false;
  const authenticated = await auth.authenticate(secret, ['session']);
  return authenticated?.actor.isAdmin === true;
}

export function studioRouter(auth: AuthService, root: string = DEFAULT_STUDIO_ROOT): Router {
  const router = Router();
  const indexFile = path.join(root, 'index.html');
  router.use(
    '/studio/assets',
    express.static(path.join(root, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`),
    }),
  );
  router.get(['/studio', /^\/studio\/.*/], async (request, response, next) => {
    if (!request.accepts('html') || !fs.existsSync(indexFile) || !(await isAdministrator(auth, request))) {
      next();
      return;
    }
    // The page differs by who asks: never cached, not even privately, so a sign-out is final.
    sendIndex(response, indexFile, 'no-store');
  });
  return router;
}

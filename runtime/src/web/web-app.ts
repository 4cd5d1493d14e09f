// Serves the end-user web app (the Vite build in runtime/web/dist) from the API's own server:
// hashed files under /assets are cached for a year (their names change with their content),
// index.html never is (so a new build is picked up at once), and every other GET that asks for
// HTML gets index.html, so the app's own addresses (/records/lead/…) survive a reload.
// /api is mounted before this and never reaches it.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';

/** runtime/web/dist, from runtime/src/web (tests) and runtime/dist/web (built) alike. */
export const DEFAULT_WEB_ROOT = path.resolve(__dirname, '../../web/dist');

export const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The app's page runs generated forms whose JSON Schema validator (ajv, through
 * @rjsf/validator-ajv8) compiles each schema to a function: the page's policy allows
 * 'unsafe-eval' for scripts — its own scripts still only from 'self', no inline script.
 */
export function allowSchemaCompilation(response: Response): void {
  const policy = response.getHeader('Content-Security-Policy');
  if (typeof policy === 'string') response.setHeader('Content-Security-Policy', policy.replace(/script-src 'self'(?=;|$)/, "script-src 'self' 'unsafe-eval'"));
}

export function sendIndex(response: Response, indexFile: string, cacheControl = 'no-cache'): void {
  response.setHeader('Cache-Control', cacheControl);
  allowSchemaCompilation(response);
  response.type('html').sendFile(indexFile);
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stagecraft</title></head>
<body style="font-family:system-ui;margin:3rem;max-width:40rem"><h1>The web app is not built</h1>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload. The API answers at <a href="/api/health">/api/health</a>.</p></body></html>`;

export function webAppRouter(root: string = DEFAULT_WEB_ROOT): Router {
  const router = Router();
  const indexFile = path.join(root, 'index.html');
  router.use(
    '/assets',
    express.static(path.join(root, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader('Cache-Control', `public, max-age=${YEAR_SECONDS}, immutable`),
    }),
  );
  router.use(
    express.static(root, {
      index: false,
      setHeaders: (response, file) => {
        response.setHeader('Cache-Control', 'no-cache');
        if (path.basename(file) === 'index.html') allowSchemaCompilation(response);
      },
    }),
  );
  router.get(/.*/, (request, response, next) => {
    if (!request.accepts('html')) {
      next();
      return;
    }
    // Checked per request: a build made while the server runs is served without a restart.
    if (!fs.existsSync(indexFile)) {
      response.status(503).setHeader('Cache-Control', 'no-store');
      response.type('html').send(NOT_BUILT_PAGE);
      return;
    }
    sendIndex(response, indexFile);
  });
  return router;
}

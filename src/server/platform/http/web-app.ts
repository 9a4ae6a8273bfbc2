import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A file of the built web app (see registerWebApp): outside the API's rate limit. */
    webAppFile?: boolean;
  }
}

/** Kept a year and never asked about again: the name changes whenever the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked about on every visit (a 304 when unchanged): it names the current build's files. */
export const REVALIDATE = 'no-cache';

/**
 * Page paths answered with a page of their own instead of the app's index.html: the login page is plain
 * HTML with a small script, no React (web/login.html, decision 0020), so a slow line shows the form at once.
 */
const OWN_PAGES: Readonly<Record<string, string>> = { '/login': 'login.html' };

/** The file of the built web app that answers a page path (query left out). */
export function pageFileFor(pathname: string): string {
  return OWN_PAGES[pathname] ?? 'index.html';
}

/** A file of the built web app: the rate limit is for the API, not for the pages' own scripts. */
export function isWebAppFile(request: FastifyRequest): boolean {
  return request.routeOptions.config?.webAppFile === true;
}

/**
 * Serves the built web app from `root`: Vite names everything under `assets/` by its content hash, so those
 * are cached for a year; the pages (index.html, login.html) and the icons keep their names and are
 * revalidated. The `.br` and `.gz` copies written at build time (web/precompress.ts) go to clients that
 * accept them.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  const assets = path.join(root, 'assets') + path.sep;
  const options = {
    root,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      reply.header('cache-control', file.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  };
  // Here only `reply.sendFile`, for the index page the not-found handler answers page paths with.
  await app.register(fastifyStatic, { ...options, serve: false });
  await app.register(async (scope) => {
    // Marks this scope's routes (one per file) so the rate limit's allowList lets them through.
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, webAppFile: true };
    });
    await scope.register(fastifyStatic, {
      ...options,
      decorateReply: false,
      wildcard: false,
      // The compressed copies are served in place of their originals, never under their own names.
      globIgnore: ['**/*.br', '**/*.gz'],
    });
  });
}

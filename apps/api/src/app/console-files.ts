import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Angular's build names its bundles by content (`main-3XK2D7QH.js`): such a file never changes. */
const CONTENT_HASHED = /-[A-Z0-9]{8}\.(js|css)$/;

/**
 * Serves the built console from the API's port: its files as they are, and index.html for any
 * other path outside the API (the console's own routes, e.g. /registers/anc). Unknown API paths
 * stay 404 answers of the API. Bundles named by their content are cached for a year, so a commune
 * station on a slow line downloads them once per release; index.html is revalidated every time.
 */
export async function serveConsole(app: NestFastifyApplication, consoleDir: string, apiPrefix: string): Promise<void> {
  const root = resolve(consoleDir);
  if (!existsSync(root)) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // Cache-Control is ours (below), not @fastify/static's one max-age for every file.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', CONTENT_HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const api = `/${apiPrefix}`;
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0];
      if (path === api || path.startsWith(`${api}/`)) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
}

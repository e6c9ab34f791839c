/**
 * The built portal (packages/web/dist) served at `/`: hashed assets cached for good, `index.html`
 * never cached, and every other GET that asks for HTML and is not an API path answered with
 * `index.html` so that the portal's own routes (`/runs/…`) survive a reload. When the portal is not
 * built, such requests get a page saying how to build it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** This repository's build output of packages/web (from src/portal or dist/portal of packages/server). */
export function defaultPortalDir(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');
}

const NOT_PORTAL = /^\/(api|management|health|ready|metrics)(\/|$)/;

export class Portal {
  private constructor(readonly dir: string, readonly built: boolean) {}

  static async register(app: FastifyInstance, dir: string): Promise<Portal> {
    const built = existsSync(join(dir, 'index.html'));
    if (built) {
      await app.register(fastifyStatic, {
        root: dir,
        index: ['index.html'],
        wildcard: true,
        setHeaders: (reply, path) => {
          void reply.header('cache-control', path.includes(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    }
    return new Portal(dir, built);
  }

  /** Answers a GET for a portal route with the portal's page; false when the request is not one. */
  fallback(req: FastifyRequest, reply: FastifyReply): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = req.url.split('?')[0]!;
    if (NOT_PORTAL.test(path) || !(req.headers.accept ?? '').includes('text/html')) return false;
    if (!this.built) {
      void reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(`The Sluice portal is not built in ${this.dir}: run \`npm run build -w packages/web\` (npm start does) or set portalDir.\n`);
      return true;
    }
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  }
}

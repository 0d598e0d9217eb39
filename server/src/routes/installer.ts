/**
 * The installer page (server/installer/: plain HTML, CSS and JavaScript) and the OpenAPI document. The page holds
 * no data: everything it shows comes from the admin endpoints with the token the installer types in.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { FastifyInstance } from 'fastify';
import { API_PATHS } from '#contract';

/** server/installer, from server/src/routes (ts-jest, dev) or server/dist/server/src/routes (the build). */
function installerDir(): string {
  const candidates = [path.join(__dirname, '../../installer'), path.join(__dirname, '../../../../installer')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (found === undefined) throw new Error('the installer page (server/installer/) is missing');
  return found;
}

/** The page runs only its own script and style, talks only to this server, and is never framed. */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; font-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const FILES = [
  { route: API_PATHS.installer(), file: 'index.html', type: 'text/html; charset=utf-8' },
  {
    route: `${API_PATHS.installer()}/installer.js`,
    file: 'installer.js',
    type: 'text/javascript; charset=utf-8',
  },
  { route: `${API_PATHS.installer()}/installer.css`, file: 'installer.css', type: 'text/css; charset=utf-8' },
];

export function installerRoutes(app: FastifyInstance): void {
  const dir = installerDir();
  for (const { route, file, type } of FILES) {
    const content = fs.readFileSync(path.join(dir, file));
    app.get(route, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(type).header('content-security-policy', PAGE_POLICY).send(content),
    );
  }
  app.get(API_PATHS.openApi(), { schema: { hide: true } }, async () => app.swagger());
}

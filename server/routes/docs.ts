import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/context';
import { notFound } from '../http/errors';
import { params } from '../http/validate';
import { openApiDocument } from '../openapi/document';

// Resolved on first use: the Worker bundle has no package folder (it serves these files itself).
let swaggerDir: string | undefined;
const swaggerFile = (file: string) => {
  swaggerDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return join(swaggerDir, file);
};

/** The only files the docs page needs, served from the package: no CDN, works offline. */
export const ASSETS = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
]);

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Sidedesk API</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>`;

export function docsRoutes() {
  const document = openApiDocument();
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(document))
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/assets/:file', params(z.object({ file: z.string() }), 'asset'), async (c) => {
      const { file } = c.req.valid('param');
      if (file === 'init.js')
        return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
      const type = ASSETS.get(file);
      if (!type) throw notFound('asset');
      const content = await readFile(swaggerFile(file));
      return c.body(content, 200, {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      });
    });
}

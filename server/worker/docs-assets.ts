import { ASSETS } from '../routes/docs';
import type { Fetcher } from './runtime';

const DOCS_ASSET = /^\/docs\/assets\/([\w.-]+)$/;

/**
 * The docs page's Swagger UI files: on Node the docs route reads them from the package; the
 * worker has no file system, so wrangler.toml uploads the package folder as static assets and
 * only the files the page needs are served from it. Null for any other request.
 */
export async function docsAsset(request: Request, assets: Fetcher): Promise<Response | null> {
  const file = DOCS_ASSET.exec(new URL(request.url).pathname)?.[1];
  const type = file && ASSETS.get(file);
  if (!type) return null;
  const stored = await assets.fetch(new Request(new URL(`/${file}`, request.url)));
  if (!stored.ok) return stored;
  return new Response(stored.body, {
    headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
  });
}

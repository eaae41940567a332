import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ApiProcess } from './api-process';

export { API_TEMPLATE_ENV } from './paths';

/**
 * A data folder the real API has already initialised and migrated, made once per run.
 * A fresh PGlite folder takes seconds to initialise (initdb in WebAssembly); opening an
 * existing one takes under one. Every test API starts from a copy of this folder, minus
 * the signing key, so each still has a key and a database of its own.
 */
export async function createApiTemplate(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const api = await ApiProcess.start({ template: null });
  await api.stop();
  await rm(path.join(api.dataDir, 'jwt.key'), { force: true });
  return { dir: api.dataDir, dispose: () => api.dispose() };
}

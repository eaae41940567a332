import { API_TEMPLATE_ENV, createApiTemplate } from './api-template';
import { buildExtension } from './build';

/**
 * Once per run, side by side: build the extension, and make the migrated database folder
 * every test API starts from. Returns the teardown.
 */
export default async function globalSetup() {
  const started = Date.now();
  const [, template] = await Promise.all([buildExtension(), createApiTemplate()]);
  process.env[API_TEMPLATE_ENV] = template.dir;
  console.log(
    `[e2e] built the extension and a migrated API database in ${Date.now() - started} ms`,
  );
  return async () => {
    await template.dispose();
  };
}

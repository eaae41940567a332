import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { EXTENSION_DIR, ROOT, UNUSED_API_URL } from './paths';

/**
 * Build the extension, so the tests always load the current code: the project's build
 * (wxt.config.ts) into .output/e2e. The API URL baked in is only the popup's default;
 * the tests type their API's URL into the popup.
 */
export async function buildExtension(): Promise<void> {
  try {
    await promisify(execFile)(
      'npx',
      ['wxt', 'build', '-c', 'tests/e2e/harness/wxt.e2e.config.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, WXT_API_URL: UNUSED_API_URL },
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`wxt build did not produce ${EXTENSION_DIR}/manifest.json`);
  }
}

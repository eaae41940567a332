import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the tests are started from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where the end-to-end build puts the unpacked MV3 extension (see wxt.e2e.config.ts). */
export const EXTENSION_DIR = path.join(ROOT, '.output', 'e2e', 'chrome-mv3');

/**
 * The server URL baked into the test build as the popup's default: a loopback port where
 * nothing listens, so a popup that opens before the test types its API's URL reaches
 * neither an outside host nor a developer's API on localhost:8787.
 */
export const UNUSED_API_URL = 'http://127.0.0.1:9';

/** Playwright's output folder (screenshots and other artifacts). */
export const RESULTS_DIR = path.join(ROOT, 'test-results');

/** Environment variable through which the workers find the migrated API data folder. */
export const API_TEMPLATE_ENV = 'SIDEDESK_E2E_API_TEMPLATE';

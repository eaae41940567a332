import { defineConfig } from 'wxt';
import config from '../../../wxt.config';

/**
 * The project's WXT config, built into a folder of the end-to-end run's own: a developer's
 * `npm start` or `wxt build` running meanwhile cannot swap the extension under the tests,
 * and the tests never load a build made with someone else's WXT_API_URL.
 */
export default defineConfig({ ...config, outDir: '.output/e2e' });

import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { ROOT } from './paths';

/**
 * Save a screenshot of a page (or one element) as a test artifact (under test-results/) and, for the README, to
 * docs/images/<name> when that file is missing or UPDATE_DOCS_SCREENSHOTS=1 (so an
 * ordinary test run never dirties the working tree).
 */
export async function saveScreenshot(page: Page | Locator, testInfo: TestInfo, name: string) {
  const artifact = testInfo.outputPath(name);
  if ('viewportSize' in page) {
    // Shrink the viewport first so the full-page shot is as tall as the content, like the
    // real popup, which sizes itself to what it shows.
    const viewport = page.viewportSize();
    if (viewport) await page.setViewportSize({ width: viewport.width, height: 50 });
    await page.screenshot({ path: artifact, fullPage: true });
    if (viewport) await page.setViewportSize(viewport);
  } else {
    await page.screenshot({ path: artifact });
  }
  await testInfo.attach(name, { path: artifact, contentType: 'image/png' });
  const docsCopy = path.join(ROOT, 'docs', 'images', name);
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1' || !existsSync(docsCopy)) {
    await mkdir(path.dirname(docsCopy), { recursive: true });
    await copyFile(artifact, docsCopy);
  }
  return artifact;
}

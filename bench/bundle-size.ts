import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, ROOT } from '../tests/e2e/harness/paths';

export type Size = { name: string; raw: number; gzip: number };

const CONTENT_SCRIPT = path.join('content-scripts', 'gmail.js');
const WITHOUT_SDK_DIR = path.join(ROOT, '.output', 'bench-no-inboxsdk', 'chrome-mv3');

async function size(name: string, file: string): Promise<Size> {
  const bytes = await readFile(file);
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
}

/**
 * The Gmail content script as the end-to-end build made it, and as the same build makes
 * it with InboxSDK stubbed out (bench/wxt.no-inboxsdk.config.ts): our code alone, which
 * WXT otherwise ships in one file with InboxSDK. InboxSDK's share is the difference.
 */
export async function bundleSizes(): Promise<Size[]> {
  await promisify(execFile)('npx', ['wxt', 'build', '-c', 'bench/wxt.no-inboxsdk.config.ts'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  const whole = await size('content script as built', path.join(EXTENSION_DIR, CONTENT_SCRIPT));
  const ours = await size(
    'without InboxSDK (our code)',
    path.join(WITHOUT_SDK_DIR, CONTENT_SCRIPT),
  );
  return [
    whole,
    ours,
    { name: 'InboxSDK (difference)', raw: whole.raw - ours.raw, gzip: whole.gzip - ours.gzip },
  ];
}

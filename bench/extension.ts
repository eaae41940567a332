import os from 'node:os';
import { buildExtension } from '../tests/e2e/harness/build';
import { chromiumPath } from '../tests/e2e/harness/chromium';
import { browserSession } from './browser-session';
import { bundleSizes } from './bundle-size';
import { benchRowDecoration } from './row-decoration';
import { benchSidebarOpen, OPENS } from './sidebar-open';
import { percentile, printTable, row } from './stats';

const OUR_GZIP_TARGET_KB = 150;
const OPEN_P95_TARGET_MS = 50;
const LONG_TASK_MS = 50;

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const met = (ok: boolean) => (ok ? 'met' : 'not met');

/**
 * The extension's own benchmarks, in Chromium with the built extension against the real
 * API: bundle sizes, thread open → sidebar painted, decorating 100 rows. They build into
 * .output/e2e like the end-to-end run, so run them under its lock on a shared machine.
 */
export async function benchExtension() {
  try {
    chromiumPath();
  } catch (error) {
    console.log(`\n${String(error)}\nThe extension benchmarks are skipped.`);
    return;
  }
  console.log(`\nExtension in Chromium. Load average at start: ${load()}`);
  await buildExtension();

  const sizes = await bundleSizes();
  console.log('\nGmail content script size (minified)');
  console.log('file | raw KB | gzip KB');
  for (const s of sizes) console.log(`${s.name} | ${kb(s.raw)} | ${kb(s.gzip)}`);
  const ours = sizes[1]?.gzip ?? 0;
  console.log(
    `our code gzip: ${kb(ours)} KB, target ≤ ${OUR_GZIP_TARGET_KB} KB: ${met(ours <= OUR_GZIP_TARGET_KB * 1024)}`,
  );

  const session = await browserSession();
  try {
    const open = await benchSidebarOpen(session);
    printTable(`Thread open (in the page) → sidebar painted, ${OPENS} opens of each kind`, [
      row('opened again → painted', open.again, 'getConversation', open.cacheRead),
      row('after a change → painted', open.afterChange, 'getConversation', open.cacheRead),
      row('getConversation round trip', open.cacheRead, 'bare round trip', open.bare),
    ]);
    for (const [kind, samples] of [
      ['opened again', open.again],
      ['after a change', open.afterChange],
    ] as const) {
      const p95 = percentile(samples, 95);
      console.log(
        `${kind}: target p95 ≤ ${OPEN_P95_TARGET_MS} ms: ${met(p95 <= OPEN_P95_TARGET_MS)}`,
      );
    }

    const rows = await benchRowDecoration(session);
    const f = (ms: number[]) => (ms.length ? ms.map((n) => n.toFixed(0)).join(', ') : 'none');
    console.log('\nDecorating 100 thread rows with chips');
    console.log(
      `page load: all rows labelled ${rows.load.labelledMs.toFixed(0)} ms after the first; long tasks before the first label (InboxSDK starting): ${f(rows.load.longTasksBefore)}; while labelling: ${f(rows.load.longTasksWhileLabelling)}`,
    );
    console.log(`idle page main thread: ${rows.idleMainThreadMsPerS.toFixed(1)} ms/s`);
    console.log(
      'burst (server changes 100 statuses) | ms until every row shows it | main-thread ms | long tasks ms',
    );
    for (const b of rows.bursts) {
      console.log(`${b.ms.toFixed(0)} | ${b.mainThreadMs.toFixed(0)} | ${f(b.longTasks)}`);
    }
    const worst = Math.max(
      0,
      ...rows.load.longTasksWhileLabelling,
      ...rows.bursts.flatMap((b) => b.longTasks),
    );
    console.log(
      `target: no long task > ${LONG_TASK_MS} ms while decorating: ${met(worst <= LONG_TASK_MS)} (longest ${worst.toFixed(0)} ms)`,
    );
  } finally {
    await session.close();
  }
  console.log(`Load average at end: ${load()}`);
}

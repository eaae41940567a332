import { benchAutomations } from './automations';
import { benchCopilotTriage, printCopilotTriage } from './copilot-triage';
import { benchDatabases } from './databases';
import { benchExtension } from './extension';
import { benchPropagation } from './propagation';
import { benchPullScale } from './pull-scale';
import { benchPushPull, printPushPull } from './push-pull';
import { benchReports } from './reports';
import { benchSla } from './sla';
import type { Row } from './stats';
import { benchTemplateSearch, printTemplateSearch } from './template-search';

/**
 * `npm run bench`: every figure beside a baseline measured in the same run.
 * `npm run bench -- api`, `-- extension` (Gmail and Outlook), `-- outlook` (Outlook
 * alone), `-- templates`, `-- copilot`, `-- sla`, `-- reports` or `-- automations` runs one
 * group.
 */
const groups = process.argv.slice(2);
const runs = (
  group: 'api' | 'extension' | 'templates' | 'copilot' | 'sla' | 'reports' | 'automations',
) => groups.length === 0 || groups.includes(group);
if (runs('api')) {
  const databases = benchDatabases();

  const rows: Row[] = [];
  for (const database of databases) rows.push(...(await benchPushPull(database)));
  printPushPull(rows);

  console.log(
    '\nPropagation: client A mutate() → client B Dexie (push, poke with the changes, write)',
  );
  console.log('database | p50 ms | p95 ms | target p95 | floor: push p50 | ratio (p50)');
  for (const database of databases) {
    const r = await benchPropagation(database);
    const p50 = (bench: string) =>
      rows.find((x) => x.bench === `${database.name} ${bench}`)?.p50 ?? 0;
    const floor = p50('push (1 mutation)');
    console.log(
      `${r.database} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ≤30 | ${floor.toFixed(2)} | ${(r.p50 / floor).toFixed(1)}×`,
    );
  }

  console.log('\nPull of a 10-change delta: 1k vs 100k stored conversations (should be flat)');
  console.log('database | 1k p50 ms | 100k p50 ms | 1k p95 | 100k p95 | ratio 100k/1k');
  for (const database of databases) {
    const r = await benchPullScale(database);
    const f = (n: number) => n.toFixed(2);
    console.log(
      `${r.database} | ${f(r.small.p50)} | ${f(r.large.p50)} | ${f(r.small.p95)} | ${f(r.large.p95)} | ${r.ratio.toFixed(2)}×`,
    );
  }
}
if (runs('templates')) printTemplateSearch(benchTemplateSearch());
if (runs('copilot')) printCopilotTriage(benchCopilotTriage());
if (runs('sla')) await benchSla();
if (runs('reports')) await benchReports();
if (runs('automations')) await benchAutomations();
if (runs('extension')) await benchExtension({ gmail: true, outlook: true });
else if (groups.includes('outlook')) await benchExtension({ gmail: false, outlook: true });
process.exit(0);

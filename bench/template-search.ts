import os from 'node:os';
import { buildTemplateIndex, searchTemplates } from '../lib/options/templates/search';
import type { Template } from '../lib/schema';
import { bodyText } from '../lib/templates/filter';
import { template } from '../lib/testing/records';
import { percentile } from './stats';

const COUNT = 5_000;
const RUNS = 50;
export const SEARCH_TARGET_MS = 10;

const FOLDERS = ['Billing', 'Shipping', 'Account', 'Returns', 'Technical', 'Onboarding', null];
const TOPICS = [
  ['Refund', 'refund', 'your refund of the order was approved and reaches your card in 5 days'],
  ['Password reset', 'reset', 'use the link we sent to choose a new password for your account'],
  ['Delivery delay', 'delay', 'the carrier reports a delay; your parcel should arrive this week'],
  [
    'Invoice copy',
    'invoice',
    'attached is a copy of the invoice with the VAT number you asked for',
  ],
  [
    'Cancel subscription',
    'cancel',
    'your subscription is cancelled at the end of the billing period',
  ],
  ['Damaged item', 'damaged', 'we are sorry the item arrived damaged; a replacement ships today'],
  ['Login trouble', 'login', 'clear the browser cache and sign in again with two-factor codes'],
  ['Upgrade plan', 'upgrade', 'the new plan applies at once and the difference is prorated'],
] as const;
const TAGS = ['billing', 'vip', 'shipping', 'bug', 'account', 'refunds', 'urgent', 'feedback'];
const FILLER = 'thanks for reaching out kind regards the support team let us know if anything else';

/** Deterministic: the same 5,000 templates every run. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

export function realisticTemplates(count = COUNT): Template[] {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const words = FILLER.split(' ');
  return Array.from({ length: count }, (_, i) => {
    const [title, shortcut, text] = pick(TOPICS);
    const extra = Array.from({ length: 30 + Math.floor(rnd() * 60) }, () => pick(words)).join(' ');
    return template({
      id: `t-${i}`,
      title: `${title} ${i % 7 === 0 ? '(EU)' : ''} v${i}`,
      body: `<p>Hi {{customer.firstName}},</p><p>${text}.</p><p><b>${extra}</b></p><ul><li>Order {{conversation.subject}}</li></ul>`,
      folder: pick(FOLDERS),
      shortcut: `${shortcut}-${i}`,
      tags: [pick(TAGS), pick(TAGS)],
    });
  });
}

const QUERIES = [
  'refund',
  'password reset',
  'parcel delay',
  'invoice vat',
  'cancel-1234',
  'vip',
  'damaged replacement',
  'sign two-factor',
  'prorated',
  'delivary',
  'billing refund approved',
  'nothing matches this',
];

/** The fair linear baseline: each template's text lowercased once, then a scan per query. */
function linearScan(templates: readonly Template[]) {
  const texts = templates.map((t) =>
    [t.title, t.shortcut ?? '', t.folder ?? '', t.tags.join(' '), bodyText(t.body)]
      .join('\n')
      .toLowerCase(),
  );
  return (query: string) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return templates.filter((_, i) => words.every((w) => texts[i]!.includes(w)));
  };
}

function timeEach(run: (q: string) => unknown): number[] {
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    for (const q of QUERIES) {
      const start = performance.now();
      run(q);
      ms.push(performance.now() - start);
    }
  }
  return ms;
}

export function benchTemplateSearch() {
  const templates = realisticTemplates();
  const started = performance.now();
  const index = buildTemplateIndex(templates);
  const buildMs = performance.now() - started;
  const scan = linearScan(templates);
  // Warm both paths once so the JIT does not count against either.
  for (const q of QUERIES) {
    searchTemplates(index, templates, q);
    scan(q);
  }
  const search = timeEach((q) => searchTemplates(index, templates, q));
  const linear = timeEach(scan);
  return {
    count: templates.length,
    buildMs,
    search: { p50: percentile(search, 50), p95: percentile(search, 95) },
    linear: { p50: percentile(linear, 50), p95: percentile(linear, 95) },
  };
}

export function printTemplateSearch(r: ReturnType<typeof benchTemplateSearch>) {
  const f = (n: number) => n.toFixed(2);
  console.log(
    `\nTemplate search over ${r.count} templates (minisearch; index built in ${f(r.buildMs)} ms), ${RUNS}×${QUERIES.length} queries; load average ${os.loadavg()[0]?.toFixed(2)}`,
  );
  console.log('search | p50 ms | p95 ms | target p95 | ratio p50 to linear scan');
  console.log(
    `minisearch | ${f(r.search.p50)} | ${f(r.search.p95)} | ≤${SEARCH_TARGET_MS}: ${r.search.p95 <= SEARCH_TARGET_MS ? 'met' : 'not met'} | ${(r.search.p50 / r.linear.p50).toFixed(2)}×`,
  );
  console.log(`linear scan (baseline) | ${f(r.linear.p50)} | ${f(r.linear.p95)} | | 1×`);
}
